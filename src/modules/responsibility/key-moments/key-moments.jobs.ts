import type { JobRunner } from '../../../platform/jobs/runner';
import { openHolidayMoments } from './key-moment.service';

const DAY_MS = 86_400_000;

/** Once a day: the statutory holidays within the lead days become every active enterprise's key moments (R-RESP-6). */
export function registerKeyMomentJobs(jobs: JobRunner): void {
  jobs.register('keyMoments.holidays', async (_payload, { db, now }) => { await openHolidayMoments(db, now); });
  jobs.schedule('keyMoments.holidays', DAY_MS, 'keyMoments.holidays');
}
