import { sql } from 'kysely';
import { ATTACHMENT_SWEEP_EVERY_MS, ATTACHMENT_SWEEP_JOB, registerAttachmentJobs } from '../files/deferred';
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
  // Issue 14 §4: files stored pending are processed here (platform/files/deferred.ts).
  registerAttachmentJobs(jobs);
  // A file whose processing job was lost or gave up is taken up by the sweep, not left pending (处理中) for ever.
  jobs.schedule(ATTACHMENT_SWEEP_JOB, ATTACHMENT_SWEEP_EVERY_MS, ATTACHMENT_SWEEP_JOB);
  jobs.schedule('sessions.cleanup', 3600_000, 'sessions.cleanup');
  // PGlite runs no autovacuum daemon, so statistics go stale as tables grow; PostgreSQL keeps its own.
  if (engine === 'embedded') {
    // One table at a time: the embedded engine runs on the server's thread, so one `analyze` of the whole database
    // would hold every other request for its length (about 150 ms on the demo, D3's benchmark saw it); between tables
    // the requests waiting are answered.
    jobs.register('db.analyze', async (_payload, { db }) => {
      const tables = await sql<{ name: string }>`select quote_ident(schemaname) || '.' || quote_ident(relname) as name from pg_stat_user_tables order by relname`.execute(db);
      for (const { name } of tables.rows) {
        await sql`analyze ${sql.raw(name)}`.execute(db);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    });
    jobs.schedule('db.analyze', 3600_000, 'db.analyze');
  }
  jobs.schedule('jobs.cleanup', 86_400_000, 'jobs.cleanup');
  jobs.schedule('idempotency.purge', 86_400_000, 'idempotency.purge');
}
