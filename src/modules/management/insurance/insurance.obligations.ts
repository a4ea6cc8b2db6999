import type { ObligationDefinition } from '../../../platform/obligations';

/** The event a confirmed policy raises for its renewal, and the record kind that fulfils it (a policy that follows on). */
export const LIABILITY_RENEWAL = 'ins.liability.renew';
export const LIABILITY_RENEWAL_EVENT = 'liability_policy.confirmed';
export const LIABILITY_RENEWED = 'liability_policy.renewed';

/**
 * R-INS-1, issue 12 §4: renewing the safety-liability policy before it lapses. Confirming a policy opens the duty for
 * it (subject = the policy), `days` before its last day so that it falls due on that day; confirming a policy that
 * covers the day after fulfils it. Owed by the enterprises whose industry is in the `liability_insurance` category.
 */
export const INSURANCE_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: LIABILITY_RENEWAL, module: 'management.insurance', ruleId: 'R-INS-1',
    names: { 'zh-CN': '续保安全生产责任保险', 'en-US': 'Renew the safety-liability insurance' },
    hints: {
      'zh-CN': '保险机构录入新保单、企业确认，且新保单自原保单到期次日起承保时即完成。',
      'en-US': 'Done when the enterprise confirms a new policy, entered by the insurer, that covers the day after the old one ends.',
    },
    owner: 'enterprise', reportedTo: 'internal', fulfilledBy: [LIABILITY_RENEWED], evidence: false, link: '/insurance',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01',
      // Due `days` after the event, which is raised `days` before the policy's last day: due on the last day.
      cadence: { kind: 'event', event: LIABILITY_RENEWAL_EVENT, days: 30, workingDays: false },
      applies: { industryCategories: ['liability_insurance'] },
      remindDaysBefore: [30, 7], escalateDaysAfter: [1],
    },
  },
];
