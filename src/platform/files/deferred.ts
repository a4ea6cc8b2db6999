import { createHash } from 'node:crypto';
import type { Ctx } from '../auth/actor';
import { writeAudit } from '../audit/audit';
import type { Db } from '../db/database';
import type { JobRunner } from '../jobs/runner';
import { asBuffer, ATTACHMENT_PROCESS_JOB } from './attachments';
import { KINDS } from './kinds';

/*
 * Issue 14 §4: the processing of files stored pending (attachments.ts, `deferred`). The job judges each upload in full
 * under its kind's rules, as a request would have (D16: decoded and encoded again, so no metadata — Exif, GPS, XMP,
 * trailing bytes — survives), stores the result and marks the file ready; an upload that does not decode is marked
 * rejected and keeps no bytes. Either way its quarantined upload is deleted. A file is processed once: one already
 * ready or rejected is skipped, so a job run twice (a crash between commit and the runner's bookkeeping) does nothing.
 */

const systemCtx = (now: Date, jobId: string): Ctx => ({ actor: null, ip: null, requestId: `job:${jobId}`, locale: 'zh-CN', now });
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Processes the pending files among `ids` of the enterprise; returns how many became ready and how many were rejected. */
export async function processPendingFiles(db: Db, enterpriseId: string, ids: readonly string[], now: Date, jobId = 'direct'): Promise<{ ready: number; rejected: number }> {
  const out = { ready: 0, rejected: 0 };
  if (!ids.length) return out;
  const pending = await db.selectFrom('attachments as a')
    .innerJoin('attachment_quarantine as q', (j) => j.onRef('q.enterprise_id', '=', 'a.enterprise_id').onRef('q.attachment_id', '=', 'a.id'))
    .select(['a.id', 'a.kind', 'q.data']).where('a.enterprise_id', '=', enterpriseId).where('a.id', 'in', [...ids]).where('a.state', '=', 'pending')
    .orderBy('a.id').execute();
  const ctx = systemCtx(now, jobId);
  // One at a time: each decode already runs on libuv's threads, and the server's requests keep the rest of them.
  for (const file of pending) {
    const accepted = await KINDS[file.kind].accept(asBuffer(file.data), now);
    await db.transaction().execute(async (tx) => {
      const still = await tx.selectFrom('attachments').select('state').where('enterprise_id', '=', enterpriseId).where('id', '=', file.id).forUpdate().executeTakeFirst();
      if (still?.state !== 'pending') return;
      const entityType = file.kind === 'photo' ? 'photo' : 'attachment';
      if (accepted.ok) {
        await tx.updateTable('attachments').set({
          state: 'ready', mime: accepted.mime, data: accepted.data, size: accepted.data.length, sha256: sha256(accepted.data),
          width: accepted.width, height: accepted.height, taken_at: accepted.takenAt,
        }).where('enterprise_id', '=', enterpriseId).where('id', '=', file.id).execute();
        out.ready++;
      } else {
        await tx.updateTable('attachments').set({ state: 'rejected' }).where('enterprise_id', '=', enterpriseId).where('id', '=', file.id).execute();
        out.rejected++;
      }
      await tx.deleteFrom('attachment_quarantine').where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', file.id).execute();
      await writeAudit(tx, ctx, {
        action: entityType === 'photo' ? 'photo.process' : 'attachment.process', entityType, entityId: file.id, enterpriseId,
        after: accepted.ok ? { state: 'ready', mime: accepted.mime, size: accepted.data.length } : { state: 'rejected', reason: accepted.messageKey },
      });
    });
  }
  return out;
}

/** Mounts the processing job on the runner (platform/jobs/platform-jobs.ts). */
export function registerAttachmentJobs(jobs: JobRunner): void {
  jobs.register(ATTACHMENT_PROCESS_JOB, async (payload, { db, now, jobId }) => {
    const p = (payload ?? {}) as { enterpriseId?: unknown; ids?: unknown };
    if (typeof p.enterpriseId !== 'string' || !Array.isArray(p.ids)) return;
    await processPendingFiles(db, p.enterpriseId, p.ids.filter((x): x is string => typeof x === 'string'), now, jobId);
  });
}
