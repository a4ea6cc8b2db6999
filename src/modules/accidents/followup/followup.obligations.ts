import type { ObligationDefinition } from '../../../platform/obligations';

const MODULE = 'accidents.followup';

/** The event the accident reports raise when an accident (never a near miss) reaches the regulators (reports/). */
export const ACCIDENT_REPORTED = 'accident.reported';
/** The record kinds that fulfil the duties below. */
export const INTERVIEW_RECORD = 'accident.interview';
export const DECISION_RECORD = 'accident.investigation_decided';
export const INTERVIEW_DUTY = 'accident.interview';
export const DECISION_DUTY = 'accident.investigation_decision';

/**
 * The regulators' duties after an accident is reported (issue 14 §4–5). Both are owed by the supervising office
 * (`regulator`), counted from the report's local day, the days being the district's [cfg] (the `obligations` rule-set).
 */
export const FOLLOWUP_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    // R-RESP-8: every accident's principal is interviewed; an interview covering several accidents (a merge) fulfils each.
    key: INTERVIEW_DUTY, module: MODULE, ruleId: 'R-RESP-8',
    names: { 'zh-CN': '事故发生后约谈企业主要负责人', 'en-US': 'Interview the principal after an accident' },
    hints: {
      'zh-CN': '行业主管部门在事故报告后规定天数内约谈企业主要负责人，记录约谈情况、作出的承诺和后续跟踪。',
      'en-US': 'The supervising department interviews the principal within the set days of the report, recording the interview, the commitments and the follow-up.',
    },
    owner: 'regulator', reportedTo: 'department', fulfilledBy: [INTERVIEW_RECORD], evidence: false,
    link: '/enterprises/{enterpriseId}/accidents',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: ACCIDENT_REPORTED, days: 15, workingDays: false }, applies: {},
      remindDaysBefore: [5, 1], escalateDaysAfter: [1],
    },
  },
  {
    // R-ACC-2, issue 14 §4: the government decides who investigates within 15 days of the report (the district for
    // 一般, entrusting the enterprise where nobody was hurt, the higher level for 较大 and above).
    key: DECISION_DUTY, module: MODULE, ruleId: 'R-ACC-2',
    names: { 'zh-CN': '事故调查组织决定', 'en-US': 'Decide who investigates the accident' },
    hints: {
      'zh-CN': '事故报告后规定天数内确定调查方式：区级组织调查、委托企业调查（无人员伤亡的一般事故）或由上级调查。',
      'en-US': 'Within the set days of the report, decide the investigation: by the district, entrusted to the enterprise (a general accident without casualties) or by the higher level.',
    },
    owner: 'regulator', reportedTo: 'department', fulfilledBy: [DECISION_RECORD], evidence: false,
    link: '/enterprises/{enterpriseId}/accidents',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'event', event: ACCIDENT_REPORTED, days: 15, workingDays: false }, applies: {},
      remindDaysBefore: [5, 1], escalateDaysAfter: [1],
    },
  },
];
