import type { JobRunner } from '../../../platform/jobs/runner';
import { runCheckCycle } from './check.service';

/** Every five minutes: a shift's task appears within minutes of the shift starting, and a reminder within minutes of its time. */
export const CHECK_JOB_EVERY_MS = 5 * 60_000;

/** The check module's scheduled job: missed tasks, the current period's tasks of every active plan, reminders. */
export function registerCheckJobs(jobs: JobRunner): void {
  jobs.register('check.tasks', async (_payload, { db, now }) => {
    await runCheckCycle(db, now);
  });
  jobs.schedule('check.tasks', CHECK_JOB_EVERY_MS, 'check.tasks');
}
