import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../db/database';
import { AppError } from '../errors';
import { isMultipartBody, multipartDigest } from './multipart';
import type { AppInstance } from './route';

/**
 * D18: idempotent writes. A phone that repeats a write — a double tap, a retry after an answer lost on a bad network —
 * sends the same `Idempotency-Key` header. The first request claims the key for its account (the primary key of
 * `idempotency_keys` lets only one claim succeed, so two at once never both run); its answer is stored, and a repeat
 * with the same body gets that answer again. The same key with another body is refused.
 * An upload (multipart) is read at the edge before this hook (platform/http/multipart.ts) and compared by its fields
 * and its files' SHA-256, so a repeated photo or floor-plan upload gets the first answer and stores one file. A
 * multipart body sent to a route that declares no upload is not read, and its key is ignored.
 */

/** [cfg] How long a key's answer is kept: longer than any offline period of a phone. */
export const IDEMPOTENCY_KEEP_DAYS = 14;
/** A claim still without an answer after this long belongs to a request that died (a crash): the key is free again. */
const ABANDONED_MS = 120_000;
/** How long a repeat waits for the first request's answer before it is told to look again later. */
const WAIT_MS = 10_000;
const POLL_MS = 50;
const KEY = /^[A-Za-z0-9_.:-]{1,100}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH']);
/**
 * Answers that carry secrets (a session's CSRF token, an initial password) are never stored: sign-in and account
 * writes ignore the key. Repeating them is harmless (a second session, a refused duplicate username, a newer password).
 */
const NOT_STORED = ['/api/v1/auth/', '/api/v1/users'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

function requestHash(req: FastifyRequest): string {
  const body = isMultipartBody(req.body) ? `multipart ${multipartDigest(req.body)}` : JSON.stringify(req.body ?? null);
  return createHash('sha256').update(`${req.method} ${req.url}\n`).update(body).digest('hex');
}

async function replayOrClaim(db: Executor, req: FastifyRequest, reply: FastifyReply, userId: string, key: string): Promise<FastifyReply | undefined> {
  const hash = requestHash(req);
  for (let waited = 0; ; waited += POLL_MS) {
    const claimed = await db.insertInto('idempotency_keys').values({ user_id: userId, key, request_hash: hash, created_at: req.ctx.now })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()).returning('key').executeTakeFirst();
    if (claimed) {
      req.idempotencyKey = key;
      return undefined;
    }
    const row = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    // Gone in between (the first request failed and let go of it): claim it again.
    if (!row) continue;
    if (row.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (row.status !== null) {
      return reply.status(row.status).header('content-type', row.content_type || 'application/json; charset=utf-8')
        .header('idempotent-replayed', 'true').send(row.response_body ?? '');
    }
    if (req.ctx.now.getTime() - row.created_at.getTime() > ABANDONED_MS) {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).where('status', 'is', null).execute();
      continue;
    }
    if (waited >= WAIT_MS) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    await sleep(POLL_MS);
  }
}

/**
 * Registers the edge hooks for every POST, PUT and PATCH under /api/v1: after access control (the caller is known),
 * before validation (a repeat is answered as the first was, valid or not).
 */
export function registerIdempotency(app: AppInstance, db: Executor): void {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preValidation', async (req, reply) => {
    const header = req.headers['idempotency-key'];
    if (header === undefined || !req.actor || !WRITES.has(req.method) || !req.url.startsWith('/api/v1/')) return;
    if (NOT_STORED.some((prefix) => req.url.startsWith(prefix))) return;
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw new AppError('VALIDATION', { issues: [{ path: 'headers.idempotency-key', message: 'validation.idempotencyKey' }] });
    }
    if (req.isMultipart() && !isMultipartBody(req.body)) return;
    return replayOrClaim(db, req, reply, req.actor.userId, header);
  });

  // Stores the answer; a server error lets go of the key, so a retry runs again.
  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    if (!key || !req.actor) return payload;
    req.idempotencyKey = null;
    const userId = req.actor.userId;
    const body = payload === undefined || payload === null ? '' : payload;
    if (reply.statusCode >= 500 || typeof body !== 'string') {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();
      return payload;
    }
    await db.updateTable('idempotency_keys')
      .set({ status: reply.statusCode, content_type: String(reply.getHeader('content-type') ?? ''), response_body: body })
      .where('user_id', '=', userId).where('key', '=', key).execute();
    return payload;
  });
}

/** The platform job's clean-up: answers older than IDEMPOTENCY_KEEP_DAYS. */
export async function purgeIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEEP_DAYS * 86_400_000);
  const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}
