import type { JobRunner } from '../../../platform/jobs/runner';
import type { Db } from '../../../platform/db/database';
import type { Ctx } from '../../../platform/auth/actor';
import { syncOnsitePeriods } from './drill.service';

const DAY_MS = 86_400_000;
const systemCtx = (now: Date): Ctx => ({ actor: null, ip: null, requestId: null, locale: 'zh-CN', now });

/** The daily job: every issued on-site disposal plan's current and next half-year (R-EMG-2); a withdrawn plan's cancelled. */
export async function runDrillsDay(db: Db, now: Date): Promise<number> {
  return db.transaction().execute((tx) => syncOnsitePeriods(tx, systemCtx(now)));
}

export function registerDrillJobs(jobs: JobRunner): void {
  jobs.register('drills.onsitePeriods', async (_payload, { db, now }) => { await runDrillsDay(db, now); });
  jobs.schedule('drills.onsitePeriods', DAY_MS, 'drills.onsitePeriods');
}
