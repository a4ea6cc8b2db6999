import type { ObligationDefinition } from '../../../platform/obligations';

const MODULE = 'responsibility.letters';
const EFFECTIVE = '2026-01-01';

/**
 * The duties letters and commitments fulfil (issue 11 §1). Record kinds this module reports to the engine:
 * `letters.campaign_complete` (a yearly campaign whose whole roster signed or left), `letters.signed` (one person's
 * letter, subject = the employee), `commitment.signed` (the principal signed a commitment) and `commitment.reported`
 * (the current commitment reported to the subdistrict for the period).
 */
export const LETTERS_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'resp.ten.letters', module: MODULE, ruleId: 'R-RESP-5',
    names: { 'zh-CN': '组织一次全员安全生产责任书签订', 'en-US': 'One all-staff responsibility letter signing' },
    hints: {
      'zh-CN': '本年度的责任书签订活动中，开始日在岗的每一名员工都已签订或已离职时即完成。',
      'en-US': 'Done when everyone on the roster of this year\'s signing campaign has signed or left.',
    },
    // R-RESP-5's principal-only rule is about the principal's own acts; this one is fulfilled by every employee's
    // signature, which the principal organises but cannot give, so the campaign's completion fulfils it.
    owner: 'principal', principalOnly: false, reportedTo: 'internal',
    fulfilledBy: ['letters.campaign_complete'], evidence: true, link: '/letters/campaigns',
    defaults: {
      enabled: true, effectiveFrom: EFFECTIVE, cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: null }, applies: {},
      remindDaysBefore: [60, 14], escalateDaysAfter: [1, 30],
    },
  },
  {
    key: 'resp.letter.new_hire', module: MODULE, ruleId: 'R-RESP-3',
    names: { 'zh-CN': '新入职人员签订安全生产责任书', 'en-US': 'A new hire signs the responsibility letter' },
    hints: { 'zh-CN': '本人签订本年度的责任书（或承诺书）即完成。', 'en-US': 'Done when the person signs this year\'s letter.' },
    owner: 'person', reportedTo: 'internal', fulfilledBy: ['letters.signed'], evidence: false, link: '/letters/mine',
    defaults: {
      enabled: true, effectiveFrom: EFFECTIVE,
      // R-RESP-3 [cfg]: the days a later hire has to sign (the campaign shows them; letters.service.ts reads them here).
      cadence: { kind: 'event', event: 'employee.hired', days: 30, workingDays: false }, applies: {},
      remindDaysBefore: [7, 1], escalateDaysAfter: [1],
    },
  },
  {
    key: 'com.commitment.report', module: MODULE, ruleId: 'R-COM-1',
    names: { 'zh-CN': '向街道报告主要负责人安全承诺', 'en-US': 'Report the principal\'s safety commitment to the subdistrict' },
    hints: {
      'zh-CN': '在承诺页面将当前已签署的安全承诺报告街道即完成。',
      'en-US': 'Done when the current signed commitment is reported to the subdistrict from its page.',
    },
    owner: 'enterprise', reportedTo: 'subdistrict', fulfilledBy: ['commitment.reported'], evidence: false, link: '/letters/commitment',
    defaults: {
      // R-COM-1 [cfg]: the report cycle, which is also the period a report counts for (commitment.service.ts).
      enabled: true, effectiveFrom: EFFECTIVE, cadence: { kind: 'quarterly', graceDays: 0, dueMonthDay: null }, applies: {},
      remindDaysBefore: [15, 3], escalateDaysAfter: [1, 15],
    },
  },
  {
    key: 'com.commitment.new_principal', module: MODULE, ruleId: 'R-COM-1',
    names: { 'zh-CN': '新任主要负责人签署安全承诺', 'en-US': 'A new principal signs a safety commitment' },
    hints: { 'zh-CN': '新任主要负责人本人签署新的安全承诺即完成。', 'en-US': 'Done when the new principal signs a new commitment personally.' },
    owner: 'principal', principalOnly: true, reportedTo: 'internal', fulfilledBy: ['commitment.signed'], evidence: false, link: '/letters/commitment',
    defaults: {
      enabled: true, effectiveFrom: EFFECTIVE,
      // R-COM-1 [cfg]: the days a new principal has to sign a new commitment.
      cadence: { kind: 'event', event: 'principal.changed', days: 30, workingDays: false }, applies: {},
      remindDaysBefore: [7, 1], escalateDaysAfter: [1, 15],
    },
  },
];
