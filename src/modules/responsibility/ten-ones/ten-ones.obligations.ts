import type { ObligationDefinition, ObligationParams } from '../../../platform/obligations';

const MODULE = 'responsibility.ten-ones';

const monthly = (remind: number[], escalate: number[]): ObligationParams => ({
  enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'monthly', graceDays: 0 }, applies: {}, remindDaysBefore: remind, escalateDaysAfter: escalate,
});
const quarterly = (): ObligationParams => ({
  enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'quarterly', graceDays: 0 }, applies: {}, remindDaysBefore: [14, 3], escalateDaysAfter: [1, 15],
});
const yearly = (): ObligationParams => ({
  enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: null }, applies: {}, remindDaysBefore: [30, 7], escalateDaysAfter: [1, 15],
});

/**
 * R-RESP-5, the principal's "ten ones" (十个一) that no record of a built module fulfils yet, or that a check task
 * fulfils: the monthly led inspection (a check task against the enterprise-level list that the principal led and
 * signed: record `check.enterprise_led`), the quarterly check of the training plan, and the yearly revisions of rules,
 * investment check, emergency-plan revision and drill. Until the training, management-system and emergency modules
 * exist, they take the principal's evidence; those modules will fulfil them by their records (`training.plan_reviewed`,
 * `rules.reviewed`, `investment.checked`, `emergency.plan_reviewed`, `emergency.drill`). The other four of the ten are
 * declared beside the records that fulfil them: the quarterly meeting and the 职代会 report (meetings/), the yearly
 * review of the responsibility system (duty-lists/) and the yearly letter signing (letters/).
 */
export const TEN_ONES_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'resp.ten.inspection', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每月带队开展一次全面安全检查', 'en-US': 'Lead a full safety inspection each month' },
    hints: {
      'zh-CN': '主要负责人带队按企业级隐患排查清单完成一次排查任务并本人提交签字。',
      'en-US': 'The principal leads a check against the enterprise-level checklist and submits (signs) it himself.',
    },
    owner: 'principal', reportedTo: 'internal', fulfilledBy: ['check.enterprise_led'], evidence: true, principalOnly: true,
    link: '/check-tasks',
    defaults: monthly([7, 2], [1, 10]),
  },
  {
    key: 'resp.ten.training_check', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每季度检查一次安全培训计划执行情况', 'en-US': 'Check the training plan\'s execution each quarter' },
    hints: {
      'zh-CN': '主要负责人审阅培训计划执行情况并签署意见；上传签字的检查记录或计划执行对比表。',
      'en-US': 'The principal reviews the training plan against what was done and signs with comments; upload the signed record.',
    },
    owner: 'principal', reportedTo: 'internal', fulfilledBy: ['training.plan_reviewed'], evidence: true, principalOnly: true,
    defaults: quarterly(),
  },
  {
    key: 'resp.ten.rules_review', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每年组织修订一次安全生产规章制度和操作规程', 'en-US': 'Revise the safety rules and operating procedures each year' },
    hints: {
      'zh-CN': '组织梳理修订规章制度和操作规程，形成由主要负责人签字的评审记录（修订或未修订均需说明理由）。',
      'en-US': 'Review the rules and procedures; the review record (changed or not, with the reason) is signed by the principal.',
    },
    owner: 'principal', reportedTo: 'internal', fulfilledBy: ['rules.reviewed'], evidence: true, principalOnly: true,
    defaults: yearly(),
  },
  {
    key: 'resp.ten.investment_check', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每年检查一次安全生产投入情况', 'en-US': 'Check the safety investment each year' },
    hints: {
      'zh-CN': '检查安全生产费用提取和使用情况，形成主要负责人签字的检查记录。',
      'en-US': 'Check the accrual and use of the safety fee; the check record is signed by the principal.',
    },
    owner: 'principal', reportedTo: 'internal', fulfilledBy: ['investment.checked'], evidence: true, principalOnly: true,
    defaults: yearly(),
  },
  {
    key: 'resp.ten.plan_review', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每年组织修订一次生产安全事故应急预案', 'en-US': 'Revise the emergency plan each year' },
    hints: {
      'zh-CN': '组织评审应急预案，形成主要负责人签字的评审记录（修订或未修订均需说明理由）。',
      'en-US': 'Review the emergency plan; the review record (changed or not, with the reason) is signed by the principal.',
    },
    owner: 'principal', reportedTo: 'internal', fulfilledBy: ['emergency.plan_reviewed'], evidence: true, principalOnly: true,
    defaults: yearly(),
  },
  {
    key: 'resp.ten.drill', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每年组织一次应急救援演练', 'en-US': 'Hold an emergency drill each year' },
    hints: {
      'zh-CN': '主要负责人组织一次综合或专项应急演练；上传演练记录、签到表和照片。',
      'en-US': 'The principal organises a comprehensive or special drill; upload the drill record, sign-in sheet and photos.',
    },
    owner: 'principal', reportedTo: 'internal', fulfilledBy: ['emergency.drill'], evidence: true, principalOnly: true,
    defaults: yearly(),
  },
];
