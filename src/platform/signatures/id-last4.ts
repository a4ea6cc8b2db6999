import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database';

/*
 * Issue 11: a person without an account confirms a signature made on someone else's device with the last four
 * characters of their ID number. The platform keeps, per employee, a keyed hash of (enterprise, employee, last four):
 * bound to the row, so one person's hash says nothing about another's with the same digits.
 */

/** The last four characters of an ID number: digits, the last one possibly X (GB 11643 check character). */
export const ID_LAST4 = /^\d{3}[\dX]$/;

let secret: string | null = null;

/** The key of the hashes, derived from the configured secret (APP_SECRET) so it differs from the ID-number hash's. */
function key(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update('safeduty/signature/id-last4').digest();
}

/** The keyed hash of an employee's last four ID characters (normalised to upper case). */
export function idLast4Hash(appSecret: string, enterpriseId: string, employeeId: string, last4: string): string {
  return createHmac('sha256', key(appSecret)).update(`${enterpriseId}:${employeeId}:${last4.trim().toUpperCase()}`).digest('hex');
}

/** The real last four of a masked ID number (`530111********1234`): the masked form keeps them. */
export function last4OfMasked(masked: string): string | null {
  const tail = masked.trim().toUpperCase().slice(-4);
  return ID_LAST4.test(tail) ? tail : null;
}

/** The secret the running platform hashes with (set at start, `startSignatures`). */
export function signatureSecret(): string {
  if (secret === null) throw new Error('signatures: startSignatures() was not called');
  return secret;
}

/**
 * Whether `given` are the employee's last four: against the stored hash, or, for a row not hashed yet (registered
 * before migration 0082 or inserted around the service), against its masked number.
 */
export function idLast4Matches(row: { enterprise_id: string; id: string; id_last4_hash: string | null; id_number_masked: string }, given: string): boolean {
  const want = row.id_last4_hash ?? (() => {
    const tail = last4OfMasked(row.id_number_masked);
    return tail ? idLast4Hash(signatureSecret(), row.enterprise_id, row.id, tail) : null;
  })();
  if (!want || !ID_LAST4.test(given.trim().toUpperCase())) return false;
  const a = Buffer.from(want, 'hex');
  const b = Buffer.from(idLast4Hash(signatureSecret(), row.enterprise_id, row.id, given), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const BATCH = 1000;

/**
 * At platform start: keeps the secret and hashes the rows that have no hash yet, from their masked number (whose last
 * four are the real ones until then), and masks those four. A thousand rows per statement; returns how many were filled.
 */
export async function startSignatures(db: Db, appSecret: string): Promise<number> {
  secret = appSecret;
  let filled = 0;
  for (;;) {
    // The partial index employees_last4_pending holds exactly these rows (migration 0099).
    const rows = await db.selectFrom('employees').select(['enterprise_id', 'id', 'id_number_masked'])
      .where('id_last4_hash', 'is', null).orderBy('enterprise_id').orderBy('id').limit(BATCH).execute();
    const hashed = rows.map((r) => {
      const tail = last4OfMasked(r.id_number_masked);
      // A masked number without four real characters at its end (never written by the service) gets an unmatchable hash.
      return { ...r, hash: tail ? idLast4Hash(appSecret, r.enterprise_id, r.id, tail) : 'none' };
    });
    if (hashed.length === 0) return filled;
    const values = sql.join(hashed.map((r) => sql`(${r.enterprise_id}::uuid, ${r.id}::uuid, ${r.hash})`));
    // Once hashed, the masked number shows the region only (maskIdNumber): its last four prove identity from now on.
    await sql`update employees e set id_last4_hash = v.hash, id_number_masked = left(e.id_number_masked, 6) || repeat('*', greatest(length(e.id_number_masked) - 6, 0))
      from (values ${values}) as v(enterprise_id, id, hash)
      where e.enterprise_id = v.enterprise_id and e.id = v.id and e.id_last4_hash is null`.execute(db);
    filled += hashed.length;
    if (hashed.length < BATCH) return filled;
  }
}
