import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { MANAGER_ROLES } from '../../../platform/directory';
import type { JobRunner } from '../../../platform/jobs/runner';
import { addLocalDays, localDay, localYear } from '../../../platform/time';
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
  const result = await db.insertInto('outbox').columns(['topic', 'payload']).expression(
    db.selectFrom('users as u')
      .innerJoin('enterprises as e', 'e.id', 'u.enterprise_id')
      .leftJoin('risk_annual_reports as r', (j) => j.onRef('r.enterprise_id', '=', 'e.id').on('r.year', '=', year))
      .select([
        sql<string>`'notify'`.as('topic'),
        sql<string>`jsonb_build_object('userId', u.id, 'kind', 'risk', 'titleKey', 'notify.riskReport.annualReminder.title',
          'bodyKey', 'notify.riskReport.annualReminder.body', 'link', ${`/risk/report?year=${year}`}::text,
          'params', jsonb_build_object('enterprise', e.name, 'year', ${year}::integer, 'due', ${reportDueDate(year)}::text))`.as('payload'),
      ])
      .where('u.role', 'in', MANAGER_ROLES).where('u.disabled', '=', false)
      .where('e.status', '<>', 'closed')
      .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', '<>', 'submitted')])),
  ).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * R-RISK-6: once a day, the safety managers of each enterprise with re-assessments due within 30 days or already
 * overdue get one reminder with both counts.
 */
export async function sendReassessReminders(db: Db, now: Date): Promise<number> {
  const today = localDay(now);
  const horizon = addLocalDays(today, REASSESS_NOTICE_DAYS);
  const due = db.selectFrom('risk_points as r')
    .select((eb) => [
      'r.enterprise_id',
      eb.fn.countAll<number>().filterWhere('r.reassess_due', '>=', today).as('due_soon'),
      eb.fn.countAll<number>().filterWhere('r.reassess_due', '<', today).as('overdue'),
    ])
    .where('r.status', '=', 'active').where('r.reassess_due', '<=', horizon)
    .groupBy('r.enterprise_id');
  const result = await db.insertInto('outbox').columns(['topic', 'payload']).expression(
    db.selectFrom(due.as('d'))
      .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
      .innerJoin('users as u', 'u.enterprise_id', 'e.id')
      .select([
        sql<string>`'notify'`.as('topic'),
        sql<string>`jsonb_build_object('userId', u.id, 'kind', 'risk', 'titleKey', 'notify.riskReport.reassessReminder.title',
          'bodyKey', 'notify.riskReport.reassessReminder.body', 'link', '/risk?flag=overdue',
          'params', jsonb_build_object('enterprise', e.name, 'dueSoon', d.due_soon, 'overdue', d.overdue, 'days', ${REASSESS_NOTICE_DAYS}::integer))`.as('payload'),
      ])
      .where('u.role', '=', 'safety_manager').where('u.disabled', '=', false)
      .where('e.status', '<>', 'closed'),
  ).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
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
