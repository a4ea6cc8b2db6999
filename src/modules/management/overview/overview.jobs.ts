import type { JobRunner } from '../../../platform/jobs/runner';
import { refreshAllIndicators } from './overview.service';

/** Every quarter of an hour: the first view after midnight finds the day's indicators already decided. */
export const OVERVIEW_JOB_EVERY_MS = 15 * 60_000;

export function registerOverviewJobs(jobs: JobRunner): void {
  jobs.register('management.indicators', async (_payload, { db, now }) => { await refreshAllIndicators(db, now); });
  jobs.schedule('management.indicators', OVERVIEW_JOB_EVERY_MS, 'management.indicators');
}
