import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Executor, Tx } from '../../platform/db/database';
import { deleteOneTimeCode, oneTimeCodeOf, upsertOneTimeCode, type AccountCaller } from './user.repository';

/**
 * D2: a password reset (or a new account) issues a one-time sign-in code rather than a password. The person who
 * resets sees the code once and passes it on; the user signs in with it and must choose a password, which consumes
 * it. It lasts 24 hours. Only its SHA-256 is stored: the code is random (60 bits), so a slow hash adds nothing, and
 * sign-in attempts are throttled anyway.
 */
export const ONE_TIME_CODE_TTL_MS = 24 * 3600_000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 12 characters in three groups (`K7MP-Q2XR-9HTW`), without look-alikes. */
function newCode(): string {
  let raw = '';
  while (raw.length < 12) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** Case, spaces and dashes do not matter when the code is typed in. */
function hashCode(code: string): Buffer {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest();
}

export async function issueOneTimeCode(tx: Tx, who: AccountCaller, userId: string, issuedBy: string | null, now: Date): Promise<{ code: string; expiresAt: Date }> {
  const code = newCode();
  const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_TTL_MS);
  await upsertOneTimeCode(tx, who, { user_id: userId, code_hash: hashCode(code).toString('hex'), issued_by: issuedBy, created_at: now, expires_at: expiresAt });
  return { code, expiresAt };
}

/** Whether `input` is the user's unexpired one-time code. */
export async function matchesOneTimeCode(db: Executor, who: AccountCaller, userId: string, input: string, now: Date): Promise<boolean> {
  if (input.length > 40) return false;
  const row = await oneTimeCodeOf(db, who, userId);
  if (!row || row.expires_at <= now) return false;
  const stored = Buffer.from(row.code_hash, 'hex');
  const given = hashCode(input);
  return stored.length === given.length && timingSafeEqual(stored, given);
}

export async function consumeOneTimeCode(tx: Tx, who: AccountCaller, userId: string): Promise<void> {
  await deleteOneTimeCode(tx, who, userId);
}
