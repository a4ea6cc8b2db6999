import type { JobRunner } from '../../../platform/jobs/runner';
import { openOverdueHazards } from './equipment.service';

/** Hourly: an inspection whose due day has passed opens its hazard within the hour the local day turns. */
export const EQUIPMENT_JOB_EVERY_MS = 60 * 60_000;

export function registerEquipmentJobs(jobs: JobRunner): void {
  jobs.register('equipment.overdue', async (_payload, { db, now }) => { await openOverdueHazards(db, now); });
  jobs.schedule('equipment.overdue', EQUIPMENT_JOB_EVERY_MS, 'equipment.overdue');
}
