/**
 * A check task's period and deadline in words, with the very pure functions the server's export uses: 2026-12 is
 * "2026年12月", 2026-12-01#C "12月1日 夜班", and a December task is due "12月31日 24:00" on China time whatever the
 * browser's zone (src/platform/period-labels.ts, src/modules/hazards/checks/check.labels.ts).
 */
export { checkPeriodLabel } from '../../../../../src/modules/hazards/checks/check.labels';
export { deadlineLabel, periodLabel } from '../../../../../src/platform/period-labels';
