import type { ObligationDefinition, ObligationParams } from '../../../platform/obligations';

const params = (kind: 'monthly' | 'quarterly' | 'yearly', graceDays: number): ObligationParams => ({
  // The engine took the double reports over in November 2026: earlier periods were followed by the module's own lists.
  enabled: true, effectiveFrom: '2026-11-01', cadence: { kind, graceDays, dueMonthDay: null }, applies: {},
  remindDaysBefore: [7, 1], escalateDaysAfter: [1, 7],
});

const hint = {
  'zh-CN': '期末后生成双报告，经主要负责人确认后报送监管部门并向职代会公开。',
  'en-US': 'After the period ends, the double report is confirmed by the principal, submitted to the regulator and shown to the workers\' congress.',
};

/**
 * R-HAZ-5, the double report (双报告) for each month, quarter and year: due a number of days after the period [cfg],
 * reminded and escalated by the obligations engine, fulfilled by the submission of that period's report.
 */
export const DOUBLE_REPORT_OBLIGATIONS: readonly ObligationDefinition[] = [
  {
    key: 'hazard.double.month', module: 'hazards', ruleId: 'R-HAZ-5',
    names: { 'zh-CN': '报送月度隐患排查治理双报告', 'en-US': 'Submit the monthly double report' }, hints: hint,
    owner: 'enterprise', reportedTo: 'regulators', fulfilledBy: ['hazard.double_submitted.month'], evidence: false, link: '/hazard-reports',
    defaults: params('monthly', 10),
  },
  {
    key: 'hazard.double.quarter', module: 'hazards', ruleId: 'R-HAZ-5',
    names: { 'zh-CN': '报送季度隐患排查治理双报告', 'en-US': 'Submit the quarterly double report' }, hints: hint,
    owner: 'enterprise', reportedTo: 'regulators', fulfilledBy: ['hazard.double_submitted.quarter'], evidence: false, link: '/hazard-reports',
    defaults: params('quarterly', 15),
  },
  {
    key: 'hazard.double.year', module: 'hazards', ruleId: 'R-HAZ-5',
    names: { 'zh-CN': '报送年度隐患排查治理双报告', 'en-US': 'Submit the yearly double report' }, hints: hint,
    owner: 'enterprise', reportedTo: 'regulators', fulfilledBy: ['hazard.double_submitted.year'], evidence: false, link: '/hazard-reports',
    defaults: params('yearly', 31),
  },
];
