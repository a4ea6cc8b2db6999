import type { Db } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import type { JobRunner } from '../../../platform/jobs/runner';
import { addLocalDays, localDay, localYear } from '../../../platform/time';
import { insertAnnualReportReminders, insertReassessReminders } from './risk-report.repository';
import { inAnnualReminderWindow, reportDueDate } from './risk-report.rules';

const DAY_MS = 86_400_000;
/** Re-assessments due within this many days are announced ahead (R-RISK-6: remind before the due date). */
export const REASSESS_NOTICE_DAYS = 30;

/**
 * R-RISK-9: every day in December, the principal and the safety managers of each operating enterprise whose report
 * for the year is not yet submitted get a reminder. One statement writes the whole day's outbox.
 */
export async function sendAnnualReportReminders(db: Db, now: Date): Promise<number> {
  if (!inAnnualReminderWindow(now)) return 0;
  const year = localYear(now);
  return insertAnnualReportReminders(db, systemScope, year, reportDueDate(year));
}

/**
 * R-RISK-6: once a day, the safety managers of each enterprise with re-assessments due within 30 days or already
 * overdue get one reminder with both counts.
 */
export async function sendReassessReminders(db: Db, now: Date): Promise<number> {
  const today = localDay(now);
  return insertReassessReminders(db, systemScope, today, addLocalDays(today, REASSESS_NOTICE_DAYS), REASSESS_NOTICE_DAYS);
}

/** The risk module's scheduled jobs: daily slots, so each runs once a day across instances. */
export function registerRiskJobs(jobs: JobRunner): void {
  jobs.register('risk.annual-reminder', async (_payload, { db, now }) => {
    await sendAnnualReportReminders(db, now);
  });
  jobs.register('risk.reassess-reminder', async (_payload, { db, now }) => {
    await sendReassessReminders(db, now);
  });
  jobs.schedule('risk.annual-reminder', DAY_MS, 'risk.annual-reminder');
  jobs.schedule('risk.reassess-reminder', DAY_MS, 'risk.reassess-reminder');
}
