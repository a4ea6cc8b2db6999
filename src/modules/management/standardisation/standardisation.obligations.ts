import type { ObligationDefinition } from '../../../platform/obligations';

const MODULE = 'management.standardisation';

/** The record that fulfils the yearly self-assessment: its submission (a locked submission, reported to the regulators). */
export const SELF_ASSESSMENT_SUBMITTED = 'standardisation.self_assessment_submitted';
/** The event that opens the re-review duty: an awarded certificate recorded (`at` = the day the re-review is to be requested). */
export const RE_REVIEW_DUE = 'standardisation.re_review_due';
/** The record that fulfils it: a later external review recorded. */
export const REVIEW_RECORDED = 'standardisation.reviewed';

/**
 * R-STD-1: the yearly self-assessment to GB/T 33000-2016 (owed by the enterprise, reported to its regulators: the
 * subdistrict and the supervising department), and the re-review requested [cfg] 3 months before an awarded
 * certificate expires. The plan requires the self-assessment of central/provincial, high-risk and above-scale
 * enterprises (R-STD-1): `applies.anyOf` names the three, the same condition as the module's own `required` flag.
 */
export const STANDARDISATION_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'standardisation.self_assessment', module: MODULE, ruleId: 'R-STD-1',
    names: { 'zh-CN': '安全生产标准化年度自评', 'en-US': 'Yearly standardisation self-assessment' },
    hints: {
      'zh-CN': '对照 GB/T 33000-2016 逐项自评（系统按记录预填），主要负责人签字后报送属地街道和行业主管部门。',
      'en-US': 'Assess each element of GB/T 33000-2016 (prefilled from the records); the principal signs, then it is reported to the subdistrict and the supervising department.',
    },
    owner: 'enterprise', reportedTo: 'regulators', fulfilledBy: [SELF_ASSESSMENT_SUBMITTED], evidence: false,
    link: '/standardisation',
    defaults: {
      enabled: true, effectiveFrom: '2022-01-01', cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: '12-31' }, applies: { anyOf: ['centralProvincial', 'highRisk', 'aboveScale'] },
      remindDaysBefore: [60, 30, 7], escalateDaysAfter: [1, 15],
    },
  },
  {
    key: 'standardisation.re_review', module: MODULE, ruleId: 'R-STD-1',
    names: { 'zh-CN': '安全生产标准化等级证书到期复评申请', 'en-US': 'Request the re-review before the standardisation certificate expires' },
    hints: {
      'zh-CN': '等级证书有效期届满前三个月向评审组织单位申请复评；登记新的外部评审结果即完成。',
      'en-US': 'Apply for the re-review three months before the certificate expires; done when the new external review is recorded.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: [REVIEW_RECORDED], evidence: true,
    link: '/standardisation?tab=reviews',
    defaults: {
      enabled: true, effectiveFrom: '2022-01-01', cadence: { kind: 'event', event: RE_REVIEW_DUE, days: 0, workingDays: false }, applies: {},
      remindDaysBefore: [30, 7], escalateDaysAfter: [1, 30],
    },
  },
];
