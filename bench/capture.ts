/**
 * The raw side of a benchmark's ratio: the statements a service call sends, captured through Kysely's log hook for
 * the same actor (loaded from a real session) and query, then replayed through `pg` without HTTP, session, JSON or
 * the checks between them.
 */
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { Ctx } from '../src/platform/auth/actor';
import { loadSession } from '../src/platform/auth/session';
import type { Db } from '../src/platform/db/database';
import type { DB } from '../src/platform/db/schema';

/** The reads a service call sends for the session `token`, captured on a Kysely of its own over `pool`. */
export async function captureReads(pool: pg.Pool, token: string, call: (db: Db, ctx: Ctx) => Promise<unknown>): Promise<CompiledQuery[]> {
  const list: CompiledQuery[] = [];
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (ev) => { if (ev.level === 'query') list.push(ev.query); } });
  const actor = await loadSession(db, token, new Date());
  if (!actor) throw new Error('no session to capture with');
  list.length = 0;
  await call(db as unknown as Db, { actor, ip: '127.0.0.1', requestId: 'bench', locale: 'zh-CN', now: new Date() } as unknown as Ctx);
  // Not destroyed: it does not own the pool.
  return list.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
}

/** One raw operation: the captured statements sent in order through `pool`. */
export const replayReads = (pool: pg.Pool, qs: readonly CompiledQuery[]) => async () => {
  for (const q of qs) await pool.query(q.sql, [...q.parameters]);
  return true;
};
