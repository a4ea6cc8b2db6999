import type { Config } from '../../platform/config';
import type { Executor, Tx } from '../../platform/db/database';

/**
 * D13: failed sign-ins are counted per (user name, source), the source being a known device or else the client
 * address. After `loginMaxFailures` failures that source is locked out of that user name for `loginLockMinutes`,
 * doubling with every further lockout (at most a day); a day without failures forgets the history. Unknown user
 * names are counted like real ones, so a locked account and a made-up name answer alike.
 */
const MAX_LOCK_MS = 24 * 3600_000;
const FORGET_AFTER_MS = 24 * 3600_000;

export function sourceKey(deviceId: string | null, ip: string | null): string {
  return deviceId ? `device:${deviceId}` : `ip:${ip ?? 'unknown'}`;
}

function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** Minutes left of a lock on this (user name, source), or null when it may try. */
export async function lockedMinutes(db: Executor, username: string, source: string, now: Date): Promise<number | null> {
  const row = await db.selectFrom('login_throttle').select('locked_until').where('username', '=', username).where('source', '=', source).executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? minutesUntil(row.locked_until, now) : null;
}

/** Counts a failure; returns the minutes of the lock it caused, or null. */
export async function recordFailure(tx: Tx, config: Config, username: string, source: string, now: Date): Promise<number | null> {
  await tx.insertInto('login_throttle').values({ username, source, last_failure_at: now })
    .onConflict((oc) => oc.columns(['username', 'source']).doNothing()).execute();
  const row = await tx.selectFrom('login_throttle').selectAll().where('username', '=', username).where('source', '=', source).forUpdate().executeTakeFirstOrThrow();
  const stale = now.getTime() - row.last_failure_at.getTime() > FORGET_AFTER_MS;
  let lockouts = stale ? 0 : row.lockouts;
  let failures = (stale ? 0 : row.failures) + 1;
  let lockedUntil: Date | null = null;
  if (failures >= config.loginMaxFailures) {
    lockouts += 1;
    const ms = Math.min(MAX_LOCK_MS, config.loginLockMinutes * 60_000 * 2 ** (lockouts - 1));
    lockedUntil = new Date(now.getTime() + ms);
    failures = 0;
  }
  await tx.updateTable('login_throttle').set({ failures, lockouts, locked_until: lockedUntil, last_failure_at: now })
    .where('username', '=', username).where('source', '=', source).execute();
  return lockedUntil ? minutesUntil(lockedUntil, now) : null;
}

export async function clearFailures(tx: Executor, username: string, source?: string): Promise<void> {
  let q = tx.deleteFrom('login_throttle').where('username', '=', username);
  if (source) q = q.where('source', '=', source);
  await q.execute();
}

/** Of these user names, those locked out from some source right now. */
export async function lockedUsernames(db: Executor, usernames: string[], now: Date): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db.selectFrom('login_throttle').select('username').distinct()
    .where('username', 'in', usernames).where('locked_until', '>', now).execute();
  return new Set(rows.map((r) => r.username));
}

/** Housekeeping: rows whose last failure is a day old and whose lock has run out. */
export async function purgeStaleThrottle(db: Executor, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - FORGET_AFTER_MS);
  await db.deleteFrom('login_throttle').where('last_failure_at', '<', cutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])).execute();
}
