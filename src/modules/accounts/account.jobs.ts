import type { JobRunner } from '../../platform/jobs/runner';
import { purgeStaleThrottle } from './login-throttle';

/** Housekeeping of the sign-in tables (D2, D13): expired one-time codes and forgotten failure counts. */
export function registerAccountJobs(jobs: JobRunner): void {
  jobs.register('accounts.cleanup', async (_payload, { db, now }) => {
    await db.deleteFrom('one_time_codes').where('expires_at', '<', now).execute();
    await purgeStaleThrottle(db, now);
  });
  jobs.schedule('accounts.cleanup', 3600_000, 'accounts.cleanup');
}
