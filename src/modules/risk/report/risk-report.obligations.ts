import type { ObligationDefinition } from '../../../platform/obligations';

/**
 * R-RISK-9: by 31 December each enterprise reports its risk-point list and annual analysis to its subdistrict. The
 * obligations engine reminds before the day (the December reminder that this module used to send itself) and escalates
 * after it; submitting the report fulfils it in the same transaction.
 */
export const RISK_REPORT_OBLIGATIONS: readonly ObligationDefinition[] = [{
  key: 'risk.annual_report', module: 'risk', ruleId: 'R-RISK-9',
  names: { 'zh-CN': '每年 12 月 31 日前报送年度风险管控报告', 'en-US': 'Submit the annual risk-control report by 31 December' },
  hints: {
    'zh-CN': '报送风险点清单和年度风险管控分析，经主要负责人确认后报送所在街道。',
    'en-US': 'Submit the risk-point list and the annual risk-control analysis, confirmed by the principal, to the subdistrict.',
  },
  owner: 'enterprise', reportedTo: 'subdistrict', fulfilledBy: ['risk.annual_submitted'], evidence: false,
  link: '/risk/report',
  defaults: {
    enabled: true, effectiveFrom: '2020-01-01', cadence: { kind: 'yearly', graceDays: 0, dueMonthDay: '12-31' }, applies: {},
    remindDaysBefore: [30, 14, 7, 3, 1], escalateDaysAfter: [1, 7],
  },
}];
