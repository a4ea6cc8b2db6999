import type { JobRunner } from '../../../platform/jobs/runner';
import { openQualificationDutiesAll, openUncertifiedHazards } from './certificates.service';

/** Hourly: a certificate that lapses overnight opens its hazard within the hour the local day turns. */
export const CERTIFICATES_JOB_EVERY_MS = 60 * 60_000;
/** Daily: the safety-qualification duties of principals and safety managers appointed since (R-TRN-2). */
export const QUALIFICATION_JOB_EVERY_MS = 24 * 60 * 60_000;

export function registerCertificateJobs(jobs: JobRunner): void {
  jobs.register('certificates.uncertified', async (_payload, { db, now }) => { await openUncertifiedHazards(db, now); });
  jobs.schedule('certificates.uncertified', CERTIFICATES_JOB_EVERY_MS, 'certificates.uncertified');
  jobs.register('certificates.qualification', async (_payload, { db, now }) => { await openQualificationDutiesAll(db, now); });
  jobs.schedule('certificates.qualification', QUALIFICATION_JOB_EVERY_MS, 'certificates.qualification');
}
