import { onAccountChange, type AccountPlace } from '../../accounts';
import { reconcileQualificationDuties } from './certificates.service';

/*
 * R-TRN-2: an account made an enterprise's principal or safety manager owes the safety qualification from that day, so
 * its person's duty opens at once, in the account's transaction (the daily job remains the net); an account that
 * loses the role, moves to another person, or is disabled withdraws the duty it no longer owes.
 */
const QUALIFIED_ROLES = new Set(['enterprise_principal', 'safety_manager']);
const concerned = (p: AccountPlace | null): p is AccountPlace & { enterpriseId: string; employeeId: string } =>
  !!p && QUALIFIED_ROLES.has(p.role) && !!p.enterpriseId && !!p.employeeId;

onAccountChange(async (tx, ctx, change) => {
  const people = new Map<string, { enterpriseId: string; employeeId: string }>();
  for (const p of [change.before, change.after]) if (concerned(p)) people.set(`${p.enterpriseId}:${p.employeeId}`, p);
  for (const p of people.values()) await reconcileQualificationDuties(tx, ctx, p.enterpriseId, p.employeeId);
});
