import { sql } from 'kysely';
import { purgeIdempotencyKeys } from '../http/idempotency';
import type { JobRunner } from './runner';

/** Housekeeping every deployment runs. Modules register their own jobs next to their services. */
export function registerPlatformJobs(jobs: JobRunner, engine: 'embedded' | 'postgres'): void {
  jobs.register('sessions.cleanup', async (_payload, { db, now }) => {
    await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  });
  jobs.register('jobs.cleanup', async (_payload, { db, now }) => {
    const cutoff = new Date(now.getTime() - 30 * 86_400_000);
    await db.deleteFrom('jobs').where('state', '=', 'done').where('finished_at', '<', cutoff).execute();
    await db.deleteFrom('job_schedule_runs').where('created_at', '<', cutoff).execute();
    await db.deleteFrom('outbox').where('processed_at', '<', cutoff).execute();
  });
  // D18: idempotency keys are kept IDEMPOTENCY_KEEP_DAYS [cfg], then forgotten.
  jobs.register('idempotency.purge', async (_payload, { db, now }) => {
    await purgeIdempotencyKeys(db, now);
  });
  jobs.schedule('sessions.cleanup', 3600_000, 'sessions.cleanup');
  // PGlite runs no autovacuum daemon, so statistics go stale as tables grow; PostgreSQL keeps its own.
  if (engine === 'embedded') {
    jobs.register('db.analyze', async (_payload, { db }) => {
      await sql`analyze`.execute(db);
    });
    jobs.schedule('db.analyze', 3600_000, 'db.analyze');
  }
  jobs.schedule('jobs.cleanup', 86_400_000, 'jobs.cleanup');
  jobs.schedule('idempotency.purge', 86_400_000, 'idempotency.purge');
}
