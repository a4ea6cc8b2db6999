import type { JobRunner } from '../../../platform/jobs/runner';
import { sweepCampaigns } from './letters.service';

const DAY_MS = 86_400_000;

/** Once a day: later hires get their letters, leavers are recorded, campaigns whose roster is done complete. */
export function registerLetterJobs(jobs: JobRunner): void {
  jobs.register('letters.sweep', async (_payload, { db, now }) => {
    await sweepCampaigns(db, now);
  });
  jobs.schedule('letters.sweep', DAY_MS, 'letters.sweep');
}
