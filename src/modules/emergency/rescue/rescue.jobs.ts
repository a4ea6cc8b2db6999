import type { JobRunner } from '../../../platform/jobs/runner';
import { sendRescueReminders } from './rescue.reminders';

const DAY_MS = 86_400_000;

/** Once a day (issue 14 §2): the safety managers hear of emergency equipment and rescue agreements due (rescue.reminders.ts). */
export function registerRescueJobs(jobs: JobRunner): void {
  jobs.register('rescue.due', async (_payload, { db, now }) => { await sendRescueReminders(db, now); });
  jobs.schedule('rescue.due', DAY_MS, 'rescue.due');
}
