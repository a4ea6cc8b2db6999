import type { Db } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import type { JobRunner } from '../../../platform/jobs/runner';
import { addLocalDays, localDay } from '../../../platform/time';
import { insertReassessReminders } from './risk-report.repository';

const DAY_MS = 86_400_000;
/** Re-assessments due within this many days are announced ahead (R-RISK-6: remind before the due date). */
export const REASSESS_NOTICE_DAYS = 30;

/**
 * R-RISK-6: once a day, the safety managers of each enterprise with re-assessments due within 30 days or already
 * overdue get one reminder with both counts.
 */
export async function sendReassessReminders(db: Db, now: Date): Promise<number> {
  const today = localDay(now);
  return insertReassessReminders(db, systemScope, today, addLocalDays(today, REASSESS_NOTICE_DAYS), REASSESS_NOTICE_DAYS);
}

/**
 * The risk module's scheduled job: a daily slot, so it runs once a day across instances. The December reminder of the
 * annual report (R-RISK-9) is the obligations engine's (`risk.annual_report`, risk-report.obligations.ts).
 */
export function registerRiskJobs(jobs: JobRunner): void {
  jobs.register('risk.reassess-reminder', async (_payload, { db, now }) => {
    await sendReassessReminders(db, now);
  });
  jobs.schedule('risk.reassess-reminder', DAY_MS, 'risk.reassess-reminder');
}
