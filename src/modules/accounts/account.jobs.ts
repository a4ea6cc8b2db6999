import { systemScope } from '../../platform/db/scope';
import type { JobRunner } from '../../platform/jobs/runner';
import { purgeStaleThrottle } from './login-throttle';
import { deleteExpiredOneTimeCodes } from './user.repository';

/** Housekeeping of the sign-in tables (D2, D13): expired one-time codes and forgotten failure counts. */
export function registerAccountJobs(jobs: JobRunner): void {
  jobs.register('accounts.cleanup', async (_payload, { db, now }) => {
    await deleteExpiredOneTimeCodes(db, systemScope, now);
    await purgeStaleThrottle(db, systemScope, now);
  });
  jobs.schedule('accounts.cleanup', 3600_000, 'accounts.cleanup');
}
