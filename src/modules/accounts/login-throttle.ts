import type { Config } from '../../platform/config';
import type { Executor, Tx } from '../../platform/db/database';
import type { SystemScope } from '../../platform/db/scope';
import {
  deleteThrottleRows, lockedAmong, lockThrottleRow, purgeThrottleRows, throttleLockedUntil, updateThrottleRow, type AccountCaller,
} from './user.repository';

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
export async function lockedMinutes(db: Executor, scope: SystemScope, username: string, source: string, now: Date): Promise<number | null> {
  const lockedUntil = await throttleLockedUntil(db, scope, username, source);
  return lockedUntil && lockedUntil > now ? minutesUntil(lockedUntil, now) : null;
}

/** Counts a failure; returns the minutes of the lock it caused, or null. */
export async function recordFailure(tx: Tx, scope: SystemScope, config: Config, username: string, source: string, now: Date): Promise<number | null> {
  const row = await lockThrottleRow(tx, scope, username, source, now);
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
  await updateThrottleRow(tx, scope, username, source, { failures, lockouts, locked_until: lockedUntil, last_failure_at: now });
  return lockedUntil ? minutesUntil(lockedUntil, now) : null;
}

/** Forgets the failures of a user name: from one source (a sign-in that succeeded), or from all (an unlock). */
export async function clearFailures(tx: Executor, who: AccountCaller, username: string, source?: string): Promise<void> {
  await deleteThrottleRows(tx, who, username, source);
}

/** Of these user names, those locked out from some source right now. */
export async function lockedUsernames(db: Executor, who: AccountCaller, usernames: string[], now: Date): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  return new Set(await lockedAmong(db, who, usernames, now));
}

/** Housekeeping: rows whose last failure is a day old and whose lock has run out. */
export async function purgeStaleThrottle(db: Executor, scope: SystemScope, now: Date): Promise<void> {
  await purgeThrottleRows(db, scope, new Date(now.getTime() - FORGET_AFTER_MS), now);
}
