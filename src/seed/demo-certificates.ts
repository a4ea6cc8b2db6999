import type { Db } from '../platform/db/database';
import { addLocalDays, addLocalMonths, localDay } from '../platform/time';
import { CATALOGUE_DEFAULTS, PERIOD_DEFAULTS } from '../modules/management/certificates/certificates.rule-sets';
import { defaultValidUntil, nextReviewFrom, typeOfPost } from '../modules/management/certificates/certificates.rules';
import { createCertificate } from '../modules/management/certificates/certificates.service';
import { accountActor, seedCtx } from './demo-actors';

/*
 * Issue 13 §2, R-TRN-2: the demo district's people on special-operation posts hold valid certificates of their posts'
 * types, and the chemical plant's principal and safety manager their safety qualification; in the plant (through the
 * service, so the renewals and reviews are duties) one electrician's certificate lapsed twenty days ago, which the
 * hourly job turns into a major hidden hazard (特种作业人员未持证上岗) on first start. The other enterprises' certificates
 * are written directly (they have no duties to show).
 */
export async function seedDemoCertificates(db: Db, input: { enterpriseId: string; now: Date }): Promise<number> {
  const { enterpriseId: eid, now } = input;
  const today = localDay(now);
  const ctx = seedCtx(await accountActor(db, 'safety'), now);
  const holders = await db.selectFrom('employee_posts as ep')
    .innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ep.enterprise_id').onRef('p.id', '=', 'ep.post_id'))
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'ep.enterprise_id').onRef('e.id', '=', 'ep.employee_id'))
    .select(['ep.enterprise_id', 'ep.employee_id', 'e.name', 'p.certificate_type'])
    .where('p.special_operation', '=', true).orderBy('ep.enterprise_id').orderBy('e.name').orderBy('e.id').execute();
  let n = 0;
  let lapsed = false;
  const others = [];
  for (const h of holders) {
    const type = typeOfPost(CATALOGUE_DEFAULTS, h.certificate_type);
    if (!type) continue;
    n++;
    // Issued 1 to 30 months ago: valid, and the first review (36 months on) still ahead.
    const issuedOn = addLocalMonths(today, -(1 + (n * 7) % 30));
    const number = `${type.kind === 'special_operation' ? 'T' : 'TS'}5301${String(110000 + n).slice(-6)}`;
    if (h.enterprise_id !== eid) {
      const p = PERIOD_DEFAULTS[type.kind];
      const validUntil = defaultValidUntil(issuedOn, p);
      others.push({
        enterprise_id: h.enterprise_id, employee_id: h.employee_id, kind: type.kind, type_code: type.code, number, issuer: '昆明市应急管理局', issued_on: issuedOn,
        valid_until: validUntil, next_review_on: nextReviewFrom(issuedOn, validUntil, p, false), compliant_since: issuedOn, created_at: now, updated_at: now,
      });
      continue;
    }
    const lapse = !lapsed && type.code === 'so-electrical';
    if (lapse) lapsed = true;
    await createCertificate(db, ctx, eid, {
      employeeId: h.employee_id, kind: type.kind, typeCode: type.code, number, issuer: type.kind === 'special_operation' ? '昆明市应急管理局' : '昆明市市场监督管理局',
      issuedOn: lapse ? addLocalDays(addLocalMonths(today, -72), -20) : issuedOn, extendedReview: false, attachmentId: null,
      note: lapse ? '持证人未按期申请延期换证' : '',
    });
  }
  for (let i = 0; i < others.length; i += 500) await db.insertInto('certificates').values(others.slice(i, i + 500)).execute();
  // R-TRN-2: the plant (hazardous chemicals) needs its principal and safety manager qualified.
  const managers = await db.selectFrom('users').select(['employee_id', 'role']).where('enterprise_id', '=', eid).where('role', 'in', ['enterprise_principal', 'safety_manager']).execute();
  for (const [i, m] of managers.entries()) {
    if (!m.employee_id) continue;
    await createCertificate(db, ctx, eid, {
      employeeId: m.employee_id, kind: 'safety_qualification', typeCode: m.role === 'enterprise_principal' ? 'sq-principal' : 'sq-manager', number: `AQ5301${String(2026000 + i)}`,
      issuer: '昆明市应急管理局', issuedOn: addLocalMonths(today, -(8 + i * 5)), extendedReview: false, attachmentId: null, note: '',
    });
    n++;
  }
  return n;
}
