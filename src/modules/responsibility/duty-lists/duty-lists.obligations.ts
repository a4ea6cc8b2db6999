import type { ObligationDefinition } from '../../../platform/obligations';

/**
 * The duties the responsibility system's records fulfil (src/platform/obligations): the principal's yearly review of
 * the responsibility system (R-RESP-5 "每年至少梳理完善一次", fulfilled only by a review record the principal signed),
 * and the enterprise's yearly assessment of everyone's duties (R-RESP-2, fulfilled when the results are published).
 */
export const DUTY_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'resp.ten.review',
    module: 'responsibility.duty-lists',
    ruleId: 'R-RESP-5',
    names: { 'zh-CN': '每年至少梳理完善一次安全生产责任制', 'en-US': 'Review the responsibility system once a year' },
    hints: {
      'zh-CN': '登记年度梳理完善记录（有无修改及理由，修改的附新版本清单），由主要负责人签字确认',
      'en-US': 'Record the yearly review (changed or not and why, with the new list versions) and have the principal sign it',
    },
    owner: 'principal',
    reportedTo: 'internal',
    fulfilledBy: ['resp.review'],
    // The signed review is the evidence: a file uploaded by someone else cannot stand for the principal's signature.
    evidence: false,
    principalOnly: true,
    link: '/duty-reviews',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: '12-31' }, applies: {},
      remindDaysBefore: [30, 7], escalateDaysAfter: [1, 30],
    },
  },
  {
    key: 'resp.assessment',
    module: 'responsibility.duty-lists',
    ruleId: 'R-RESP-2',
    names: { 'zh-CN': '年度全员安全生产责任制考核并公示', 'en-US': 'Yearly assessment of everyone\'s duties, published' },
    hints: {
      'zh-CN': '对每名从业人员的责任清单履行情况打分定级，在本单位公示考核结果',
      'en-US': 'Score every person against their duty items and publish the results inside the enterprise',
    },
    owner: 'enterprise',
    reportedTo: 'internal',
    fulfilledBy: ['resp.assessment_published'],
    evidence: true,
    link: '/duty-assessments',
    defaults: {
      enabled: true, effectiveFrom: '2026-01-01', cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: '12-31' }, applies: {},
      remindDaysBefore: [30, 7], escalateDaysAfter: [1, 30],
    },
  },
];
