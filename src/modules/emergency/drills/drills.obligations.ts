import type { ObligationDefinition } from '../../../platform/obligations';

const MODULE = 'emergency.drills';

/** The keys of R-EMG-2's duties (the drill plan reads them). */
export const DRILL_DUTY = {
  yearly: 'emergency.drill.yearly',
  halfYear: 'emergency.drill.half_year',
  onsite: 'emergency.drill.onsite',
} as const;

/**
 * R-EMG-2, the drill plan [cfg through the rule-set `obligations`]: one comprehensive or special drill a year (every
 * enterprise); every half-year a drill reported to the regulators for the sectors that must (the `drill_half_year`
 * industries, hazardous-goods carriers and crowded venues); each issued on-site disposal plan every half-year (an
 * occurrence per plan, opened by this module). The principal's "ten ones" drill (`resp.ten.drill`, record kind
 * `emergency.drill`) is declared with the ten ones and fulfilled here when the principal organised the drill.
 */
export const DRILL_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: DRILL_DUTY.yearly, module: MODULE, ruleId: 'R-EMG-2',
    names: { 'zh-CN': '每年组织一次综合或专项应急预案演练', 'en-US': 'Hold a comprehensive or special plan drill each year' },
    hints: {
      'zh-CN': '按综合应急预案或专项应急预案组织一次演练，并在平台记录演练情况。',
      'en-US': 'Hold a drill of the comprehensive or a special emergency plan and record it.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: ['emergency.drill_main'], evidence: false,
    link: '/enterprises/{enterpriseId}/drills?tab=list&record=1',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: null }, applies: {},
      remindDaysBefore: [60, 14], escalateDaysAfter: [1, 30],
    },
  },
  {
    key: DRILL_DUTY.halfYear, module: MODULE, ruleId: 'R-EMG-2',
    names: { 'zh-CN': '每半年组织一次应急演练并报告监管部门', 'en-US': 'Hold a drill each half-year and report it to the regulators' },
    hints: {
      'zh-CN': '危险物品、矿山、金属冶炼、城市轨道交通、建筑施工单位及人员密集场所经营单位每半年至少组织一次演练，评估后报送监管部门。',
      'en-US': 'Hazardous goods, mining, smelting, urban rail, construction and crowded venues hold a drill every half-year and report it after its evaluation.',
    },
    owner: 'enterprise', reportedTo: 'regulators', fulfilledBy: ['emergency.drill_reported'], evidence: false,
    link: '/enterprises/{enterpriseId}/drills?tab=list',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'half_yearly', graceDays: 0 },
      applies: { anyOf: ['hazardousGoodsCarrier', 'crowdedVenue'], anyOfCategories: ['drill_half_year'] },
      remindDaysBefore: [30, 7], escalateDaysAfter: [1, 15],
    },
  },
  {
    key: DRILL_DUTY.onsite, module: MODULE, ruleId: 'R-EMG-2', perSubject: true,
    names: { 'zh-CN': '每半年组织一次现场处置方案演练', 'en-US': 'Drill each on-site disposal plan each half-year' },
    hints: {
      'zh-CN': '每个已发布的现场处置方案每半年至少演练一次，记录演练时选择该方案。',
      'en-US': 'Every issued on-site disposal plan is drilled at least once a half-year: record a drill of that plan.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: ['emergency.drill_onsite'], evidence: false,
    link: '/enterprises/{enterpriseId}/drills?tab=list&record=1',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'half_yearly', graceDays: 0 }, applies: {},
      remindDaysBefore: [30, 7], escalateDaysAfter: [1, 15],
    },
  },
];
