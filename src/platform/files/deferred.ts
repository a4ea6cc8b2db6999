import { createHash } from 'node:crypto';
import type { Ctx } from '../auth/actor';
import { writeAudit } from '../audit/audit';
import type { Db } from '../db/database';
import type { JobRunner } from '../jobs/runner';
import { asBuffer, ATTACHMENT_PROCESS_JOB } from './attachments';
import { KINDS, type Accepted, type Refused } from './kinds';

/*
 * Issue 14 §4: the processing of files stored pending (attachments.ts, `deferred`). The job judges each upload in full
 * under its kind's rules, as a request would have (D16: decoded and encoded again, so no metadata — Exif, GPS, XMP,
 * trailing bytes — survives), stores the result and marks the file ready; an upload that does not decode is marked
 * rejected and keeps no bytes. Either way its quarantined upload is deleted. A file is processed once: one already
 * ready or rejected is skipped, so a job run twice (a crash between commit and the runner's bookkeeping) does nothing.
 *
 * A file whose job is lost (deleted, its retries spent, an instance gone) would stay pending — 处理中 — for ever: the
 * periodic sweep (`attachments.sweep`) processes, through the same function, the files still pending some minutes
 * after their upload. Each try is counted (`attachment_quarantine.attempts`) before the decoder runs, so an upload
 * that makes it throw, or kills the process, is rejected after ATTACHMENT_MAX_ATTEMPTS tries instead of tried for ever.
 */

/** The periodic job that takes up the pending files whose processing job was lost or gave up. */
export const ATTACHMENT_SWEEP_JOB = 'attachments.sweep';
/** How often the sweep runs (one instance per slot). */
export const ATTACHMENT_SWEEP_EVERY_MS = 5 * 60_000;
/**
 * A file still pending this long after its upload is the sweep's: its job normally ends within seconds, and its
 * retries (2, 4, 8, 16 s of backoff) within a minute, so the sweep does not race a job that is merely slow.
 */
export const ATTACHMENT_SWEEP_AFTER_MS = 5 * 60_000;
/** Files one sweep takes at most, oldest first (a phone photo decodes in well under a second): a run stays short. */
export const ATTACHMENT_SWEEP_MAX_FILES = 20;
/** Files handed to the processing at once, per enterprise (their uploads are read into memory together). */
const ATTACHMENT_SWEEP_BATCH = 5;
/** Tries of a file's processing, by its job and the sweep together, before it is rejected as `processing failed`. */
export const ATTACHMENT_MAX_ATTEMPTS = 3;
/** The audit row's reason of a file rejected because its processing kept failing, or its upload was gone. */
export const PROCESSING_FAILED = 'processing failed';

const systemCtx = (now: Date, jobId: string): Ctx => ({ actor: null, ip: null, requestId: `job:${jobId}`, locale: 'zh-CN', now });
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/** A file whose processing threw this time and may be tried again (its attempts not spent). */
export type FailedFile = { id: string; attempts: number; error: string };
export type Processed = { ready: number; rejected: number; failed: FailedFile[] };
/** The result of a file's processing: its kind's verdict, or our own refusal (processing failed). */
type Outcome = Accepted | Refused | { ok: false; reason: string; attempts?: number };

/**
 * Processes the pending files among `ids` of the enterprise; returns how many became ready, how many were rejected,
 * and the files whose processing threw (left pending, to be tried again). A file that throws does not stop the others.
 */
export async function processPendingFiles(db: Db, enterpriseId: string, ids: readonly string[], now: Date, jobId = 'direct'): Promise<Processed> {
  const out: Processed = { ready: 0, rejected: 0, failed: [] };
  if (!ids.length) return out;
  // A left join: a pending file without its upload (a row deleted by hand) is rejected rather than swept for ever.
  const pending = await db.selectFrom('attachments as a')
    .leftJoin('attachment_quarantine as q', (j) => j.onRef('q.enterprise_id', '=', 'a.enterprise_id').onRef('q.attachment_id', '=', 'a.id'))
    .select(['a.id', 'a.kind', 'q.data']).where('a.enterprise_id', '=', enterpriseId).where('a.id', 'in', [...ids]).where('a.state', '=', 'pending')
    .orderBy('a.id').execute();
  const ctx = systemCtx(now, jobId);
  // One at a time: each decode already runs on libuv's threads, and the server's requests keep the rest of them.
  for (const file of pending) {
    let outcome: Outcome;
    if (file.data === null) outcome = { ok: false, reason: PROCESSING_FAILED };
    else {
      // Counted and committed before the decoder runs: a try that kills the process is counted too.
      const counted = await db.updateTable('attachment_quarantine').set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', file.id).returning('attempts').executeTakeFirst();
      if (!counted) continue;
      if (counted.attempts > ATTACHMENT_MAX_ATTEMPTS) outcome = { ok: false, reason: PROCESSING_FAILED, attempts: counted.attempts - 1 };
      else {
        try {
          outcome = await KINDS[file.kind].accept(asBuffer(file.data), now);
        } catch (err) {
          if (counted.attempts < ATTACHMENT_MAX_ATTEMPTS) {
            out.failed.push({ id: file.id, attempts: counted.attempts, error: messageOf(err) });
            continue;
          }
          outcome = { ok: false, reason: PROCESSING_FAILED, attempts: counted.attempts };
        }
      }
    }
    if (await settle(db, ctx, enterpriseId, file.id, file.kind === 'photo' ? 'photo' : 'attachment', outcome)) {
      if (outcome.ok) out.ready++;
      else out.rejected++;
    }
  }
  return out;
}

/** Records a file's outcome, if it is still pending (read under its lock): its bytes or its rejection, and the audit row. */
async function settle(db: Db, ctx: Ctx, enterpriseId: string, id: string, entityType: 'photo' | 'attachment', outcome: Outcome): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const still = await tx.selectFrom('attachments').select('state').where('enterprise_id', '=', enterpriseId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (still?.state !== 'pending') return false;
    if (outcome.ok) {
      await tx.updateTable('attachments').set({
        state: 'ready', mime: outcome.mime, data: outcome.data, size: outcome.data.length, sha256: sha256(outcome.data),
        width: outcome.width, height: outcome.height, taken_at: outcome.takenAt,
      }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    } else {
      await tx.updateTable('attachments').set({ state: 'rejected' }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    }
    await tx.deleteFrom('attachment_quarantine').where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', id).execute();
    await writeAudit(tx, ctx, {
      action: entityType === 'photo' ? 'photo.process' : 'attachment.process', entityType, entityId: id, enterpriseId,
      after: outcome.ok ? { state: 'ready', mime: outcome.mime, size: outcome.data.length }
        : 'messageKey' in outcome ? { state: 'rejected', reason: outcome.messageKey }
          : { state: 'rejected', reason: outcome.reason, ...(outcome.attempts ? { attempts: outcome.attempts } : {}) },
    });
    return true;
  });
}

export type Swept = Processed & { found: number };

/**
 * One pass of the sweep: the files still pending ATTACHMENT_SWEEP_AFTER_MS after their upload, oldest first and at most
 * `maxFiles`, processed per enterprise in batches. Uses the partial index of migration 0128.
 */
export async function sweepPendingFiles(db: Db, now: Date, jobId = 'direct', opts: { maxFiles?: number } = {}): Promise<Swept> {
  const out: Swept = { found: 0, ready: 0, rejected: 0, failed: [] };
  const stale = await db.selectFrom('attachments').select(['enterprise_id', 'id']).where('state', '=', 'pending')
    .where('created_at', '<', new Date(now.getTime() - ATTACHMENT_SWEEP_AFTER_MS))
    .orderBy('created_at').orderBy('enterprise_id').orderBy('id').limit(opts.maxFiles ?? ATTACHMENT_SWEEP_MAX_FILES).execute();
  out.found = stale.length;
  const byEnterprise = new Map<string, string[]>();
  for (const f of stale) byEnterprise.set(f.enterprise_id, [...(byEnterprise.get(f.enterprise_id) ?? []), f.id]);
  for (const [enterpriseId, ids] of byEnterprise) {
    for (let i = 0; i < ids.length; i += ATTACHMENT_SWEEP_BATCH) {
      const done = await processPendingFiles(db, enterpriseId, ids.slice(i, i + ATTACHMENT_SWEEP_BATCH), now, jobId);
      out.ready += done.ready;
      out.rejected += done.rejected;
      out.failed.push(...done.failed);
    }
  }
  return out;
}

/** Mounts the processing job and the sweep on the runner (platform/jobs/platform-jobs.ts schedules the sweep). */
export function registerAttachmentJobs(jobs: JobRunner): void {
  jobs.register(ATTACHMENT_PROCESS_JOB, async (payload, { db, now, jobId }) => {
    const p = (payload ?? {}) as { enterpriseId?: unknown; ids?: unknown };
    if (typeof p.enterpriseId !== 'string' || !Array.isArray(p.ids)) return;
    const done = await processPendingFiles(db, p.enterpriseId, p.ids.filter((x): x is string => typeof x === 'string'), now, jobId);
    // Thrown after the others were processed, so the runner tries again (with backoff) only the files that failed.
    if (done.failed.length) throw new Error(`attachment processing failed: ${done.failed.map((f) => `${f.id} (try ${f.attempts}): ${f.error}`).join('; ')}`);
  });
  jobs.register(ATTACHMENT_SWEEP_JOB, async (_payload, { db, now, jobId, log }) => {
    const swept = await sweepPendingFiles(db, now, jobId);
    if (!swept.found) return;
    log?.info({ found: swept.found, ready: swept.ready, rejected: swept.rejected, failed: swept.failed.length }, `attachments swept: ${swept.found} pending`);
    if (swept.failed.length) log?.error({ failed: swept.failed }, 'attachment processing failed, to be tried again');
  });
}
