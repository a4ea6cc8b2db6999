import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor, Ctx } from '../auth/actor';
import { requireActor } from '../auth/actor';
import { scopeOf } from '../auth/session';
import { writeAudit } from '../audit/audit';
import type { Db } from '../db/database';
import { AppError, notFound } from '../errors';
import { sendXlsx } from '../http/xlsx';
import type { Locale } from '../i18n/messages';
import type { JobRunner } from '../jobs/runner';
import type { XlsxFile } from './xlsx';

/*
 * Exports over a row threshold (EXPORT_JOB_ROWS [cfg]) run as a job instead of inside the request: the route answers
 * 202 with the export's id, the job writes the sheet and stores its progress (rows done of rows total), and the
 * file is kept EXPORT_KEEP_HOURS [cfg] for the account that asked, and for nobody else (another account gets 404).
 * Starting, finishing and downloading are audited. Under the threshold an export stays a direct download.
 * A module declares each export once (defineExport): its parameters, how many rows it would write and how it writes
 * them; the job runs the same function as the direct download, as the same account, with the same parameters.
 */

/** The most rows one export carries; the sheet says so when the list was longer. */
export const EXPORT_MAX_ROWS = 10_000;

/** Reports rows written so far. */
export type Progress = (rowsDone: number) => Promise<void>;

export type Exporter<P> = {
  /** Unique name, stored with the job (`hazards.enterprise`). */
  kind: string;
  /** Reads the parameters back from the job row when it runs. */
  params: (stored: unknown) => P;
  /** The enterprise whose audit chain records the export, if any. */
  enterpriseId?: (p: P) => string | null;
  /** How many rows the export would write; decides between a direct download and a job. Checks access too. */
  count: (db: Db, ctx: Ctx, p: P) => Promise<number>;
  /** Writes the file, reporting progress. */
  run: (db: Db, ctx: Ctx, p: P, progress: Progress) => Promise<XlsxFile>;
};

const exporters = new Map<string, Exporter<unknown>>();

/**
 * The parameters of an export as its route validated them (queries already transformed: `true`, not `'true'`), read
 * back from the job row the export itself wrote: an object, or the job fails.
 */
export function storedParams<P>(stored: unknown): P {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw new Error('export parameters are not an object');
  return stored as P;
}

export function defineExport<P>(exporter: Exporter<P>): Exporter<P> {
  const known = exporters.get(exporter.kind);
  if (known && known !== exporter) throw new Error(`export ${exporter.kind} is defined twice`);
  exporters.set(exporter.kind, exporter as Exporter<unknown>);
  return exporter;
}

/** Passes rows through, reporting every `every` rows and at the end. */
export async function* withProgress<T>(rows: Iterable<T> | AsyncIterable<T>, progress: Progress, every = 500): AsyncGenerator<T> {
  let n = 0;
  for await (const r of rows) {
    yield r;
    if (++n % every === 0) await progress(n);
  }
  await progress(n);
}

export type ExportSettings = { exportJobRows: number; exportKeepHours: number };
export type ExportStart = { file: XlsxFile } | { exportId: string };
export const exportStarted = z.object({ exportId: z.string() });

/** Runs an export now, or, past the threshold, records it and queues its job in one transaction with the audit row. */
export async function startExport<P>(db: Db, ctx: Ctx, jobs: JobRunner, settings: ExportSettings, exporter: Exporter<P>, params: P): Promise<ExportStart> {
  const actor = requireActor(ctx);
  const total = await exporter.count(db, ctx, params);
  if (total <= settings.exportJobRows) return { file: await exporter.run(db, ctx, params, async () => {}) };
  const enterpriseId = exporter.enterpriseId?.(params) ?? null;
  const exportId = await db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('export_jobs').values({
      user_id: actor.userId, kind: exporter.kind, params: JSON.stringify(params ?? {}), locale: ctx.locale, rows_total: total,
      created_at: ctx.now, expires_at: new Date(ctx.now.getTime() + settings.exportKeepHours * 3_600_000),
    }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'export.start', entityType: 'export', entityId: row.id, enterpriseId, after: { kind: exporter.kind, params, rows: total } });
    await jobs.enqueue(tx, EXPORT_JOB, { exportId: row.id });
    return row.id;
  });
  return { exportId };
}

/** The answer of an export route: the file (200) or the started job (202). */
export function replyExport(reply: FastifyReply, start: ExportStart) {
  if ('file' in start) return sendXlsx(reply, start.file);
  return reply.code(202).send(start);
}

export const EXPORT_JOB = 'export.run';

/** The account as a job acts for it: the same scope and role as its sessions (platform/auth/session.ts). */
async function actorOfUser(db: Db, userId: string): Promise<Actor | null> {
  const u = await db.selectFrom('users as u')
    .leftJoin('org_units as ou', (j) => j.onRef('ou.enterprise_id', '=', 'u.enterprise_id').onRef('ou.id', '=', 'u.org_unit_id'))
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.district_id', 'u.department_id', 'u.subdistrict_id', 'u.enterprise_id',
      'u.institution_id', 'u.employee_id', 'u.locale', 'u.must_change_password', 'u.disabled', 'ou.path as unit_path'])
    .where('u.id', '=', userId).executeTakeFirst();
  if (!u || u.disabled) return null;
  return {
    userId: u.id, username: u.username, displayName: u.display_name, role: u.role, scope: scopeOf(u, u.unit_path ?? null),
    mustChangePassword: u.must_change_password, locale: (u.locale === 'en-US' ? 'en-US' : 'zh-CN') as Locale, sessionHash: '', csrfToken: '',
  };
}

/** The job: writes the file as the account that asked, storing progress as it goes. A failure is final (no retry). */
export async function runExportJob(db: Db, now: Date, exportId: string): Promise<void> {
  const job = await db.updateTable('export_jobs').set({ state: 'running' })
    .where('id', '=', exportId).where('state', 'in', ['pending', 'running']).returningAll().executeTakeFirst();
  if (!job) return;
  const fail = (error: string) => db.updateTable('export_jobs').set({ state: 'failed', error: error.slice(0, 2000), finished_at: now }).where('id', '=', exportId).execute();
  const exporter = exporters.get(job.kind);
  const actor = await actorOfUser(db, job.user_id);
  if (!exporter || !actor) return void await fail(exporter ? 'account unavailable' : `unknown export ${job.kind}`);
  const ctx: Ctx = { actor, ip: null, requestId: null, locale: job.locale === 'en-US' ? 'en-US' : 'zh-CN', now };
  try {
    const params = exporter.params(job.params);
    const file = await exporter.run(db, ctx, params, async (rowsDone) => {
      await db.updateTable('export_jobs').set({ rows_done: rowsDone }).where('id', '=', exportId).execute();
    });
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('export_jobs').set({
        state: 'done', content: file.buffer, filename: file.filename, fallback_name: file.fallbackName, finished_at: now,
        rows_done: job.rows_total,
      }).where('id', '=', exportId).execute();
      await writeAudit(tx, ctx, {
        action: 'export.done', entityType: 'export', entityId: exportId, enterpriseId: exporter.enterpriseId?.(params) ?? null,
        after: { kind: job.kind, bytes: file.buffer.length },
      });
    });
  } catch (e) {
    await fail(e instanceof Error ? e.message : String(e));
  }
}

/** Files past their time are deleted, rows and all. */
export async function purgeExports(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('export_jobs').where('expires_at', '<', now).execute();
}

export const exportStatus = z.object({
  id: z.string(),
  state: z.enum(['pending', 'running', 'done', 'failed']),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int(),
  filename: z.string().nullable(),
  expiresAt: z.date(),
  failed: z.boolean(),
});
export type ExportStatus = z.infer<typeof exportStatus>;

/** The caller's own export, unexpired; anyone else's (or an expired one) is 404. */
async function ownExport(db: Db, ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const row = await db.selectFrom('export_jobs')
    .select(['id', 'kind', 'params', 'state', 'rows_done', 'rows_total', 'filename', 'fallback_name', 'expires_at', 'error'])
    .where('id', '=', id).where('user_id', '=', actor.userId).where('expires_at', '>=', ctx.now).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function exportProgress(db: Db, ctx: Ctx, id: string): Promise<ExportStatus> {
  const r = await ownExport(db, ctx, id);
  return {
    id: r.id, state: r.state, rowsDone: r.rows_done, rowsTotal: r.rows_total, filename: r.state === 'done' ? r.filename : null,
    expiresAt: r.expires_at, failed: r.state === 'failed',
  };
}

/** The finished file, once; every download is audited. */
export async function downloadExport(db: Db, ctx: Ctx, id: string): Promise<XlsxFile> {
  const r = await ownExport(db, ctx, id);
  if (r.state !== 'done') throw new AppError('STATE', { messageKey: 'export.notReady' });
  const file = await db.selectFrom('export_jobs').select('content').where('id', '=', id).executeTakeFirstOrThrow();
  if (!file.content) throw notFound();
  const exporter = exporters.get(r.kind);
  await db.transaction().execute(async (tx) => {
    await writeAudit(tx, ctx, {
      action: 'export.download', entityType: 'export', entityId: id,
      enterpriseId: exporter ? exporter.enterpriseId?.(exporter.params(r.params)) ?? null : null, after: { kind: r.kind },
    });
  });
  return { filename: r.filename ?? 'export.xlsx', fallbackName: r.fallback_name ?? 'export.xlsx', buffer: Buffer.from(file.content) };
}
