import type { JobRunner } from '../../../platform/jobs/runner';
import { sendReplacementReminders } from './ppe.reminders';

const DAY_MS = 86_400_000;

/** Once a day (R-PPE-1): the safety managers hear of the replacements overdue and coming due (ppe.reminders.ts). */
export function registerPpeJobs(jobs: JobRunner): void {
  jobs.register('ppe.replacements', async (_payload, { db, now }) => { await sendReplacementReminders(db, now); });
  jobs.schedule('ppe.replacements', DAY_MS, 'ppe.replacements');
}
