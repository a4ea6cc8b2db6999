import type { JobRunner } from '../../../platform/jobs/runner';
import { openUncertifiedHazards } from './certificates.service';

/** Hourly: a certificate that lapses overnight opens its hazard within the hour the local day turns. */
export const CERTIFICATES_JOB_EVERY_MS = 60 * 60_000;

export function registerCertificateJobs(jobs: JobRunner): void {
  jobs.register('certificates.uncertified', async (_payload, { db, now }) => { await openUncertifiedHazards(db, now); });
  jobs.schedule('certificates.uncertified', CERTIFICATES_JOB_EVERY_MS, 'certificates.uncertified');
}
