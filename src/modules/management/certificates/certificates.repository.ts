import { sql, type Selectable, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { CertificatesTable } from '../../../platform/db/schema';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, orgUnitInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { LOCAL_OFFSET_SQL } from '../../../platform/time';
import { untrainedSql } from '../training/training.facts';
import { certificateVisibleTo } from './certificates.policy';
import { CERTIFICATE_SORT, type CertificateListQuery } from './certificates.schema';

/*
 * Issue 13 §2: the certificates, their reviews, the minors' coming-of-age days and the hazards opened per uncertified
 * worker and post (migrations/0105_certificates.sql). Employees and posts are read for the holder's name and unit.
 */

type Fields = Selectable<CertificatesTable>;
export type CertificateRow = Omit<Fields, 'issued_on' | 'valid_until' | 'next_review_on' | 'compliant_since'> & {
  issued_on: string; valid_until: string; next_review_on: string | null; compliant_since: string;
  employee_name: string; org_unit_id: string; org_unit_name: string; employee_status: 'active' | 'left';
};

function certificateRows(db: Executor) {
  return db.selectFrom('certificates as c')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'c.enterprise_id').onRef('e.id', '=', 'c.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select([
      'c.enterprise_id', 'c.id', 'c.employee_id', 'c.kind', 'c.type_code', 'c.number', 'c.issuer', sql<string>`c.issued_on::text`.as('issued_on'),
      sql<string>`c.valid_until::text`.as('valid_until'), sql<string | null>`c.next_review_on::text`.as('next_review_on'),
      sql<string>`c.compliant_since::text`.as('compliant_since'), 'c.extended_review', 'c.attachment_id', 'c.note', 'c.status', 'c.created_by', 'c.created_at',
      'c.updated_at', 'c.version', 'e.name as employee_name', 'e.org_unit_id', 'u.name as org_unit_name', 'e.status as employee_status',
    ]);
}

export async function findCertificate(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<CertificateRow | undefined> {
  let q = certificateRows(db).where('c.enterprise_id', '=', enterpriseId).where('c.id', '=', id).where(certificateVisibleTo(scope, 'c', 'e'));
  if (opts.lock) q = q.forUpdate('c');
  return q.executeTakeFirst() as Promise<CertificateRow | undefined>;
}

/** SQL of each status on `today` (certificates.rules.ts certificateStatus, in the same order). */
export function statusSql(status: string, at: { today: string; soonUntil: string }, c = 'c') {
  const r = (col: string) => sql.ref(`${c}.${col}`);
  const active = sql<SqlBool>`${r('status')} = 'active'`;
  const notExpired = sql<SqlBool>`${active} and ${r('valid_until')} >= ${at.today}::date`;
  const reviewOk = sql<SqlBool>`(${r('next_review_on')} is null or ${r('next_review_on')} >= ${at.today}::date)`;
  switch (status) {
    case 'revoked': return sql<SqlBool>`${r('status')} = 'revoked'`;
    case 'expired': return sql<SqlBool>`${active} and ${r('valid_until')} < ${at.today}::date`;
    case 'review_overdue': return sql<SqlBool>`${notExpired} and ${r('next_review_on')} < ${at.today}::date`;
    case 'expiring': return sql<SqlBool>`${notExpired} and ${reviewOk} and ${r('valid_until')} <= ${at.soonUntil}::date`;
    case 'review_due': return sql<SqlBool>`${notExpired} and ${reviewOk} and ${r('valid_until')} > ${at.soonUntil}::date and ${r('next_review_on')} <= ${at.soonUntil}::date`;
    default: return sql<SqlBool>`${notExpired} and ${r('valid_until')} > ${at.soonUntil}::date and (${r('next_review_on')} is null or ${r('next_review_on')} > ${at.soonUntil}::date)`;
  }
}

/** Valid for work on `today`: active, not expired, review not overdue. */
export function validSql(today: string, c = 'c') {
  const r = (col: string) => sql.ref(`${c}.${col}`);
  return sql<SqlBool>`${r('status')} = 'active' and ${r('valid_until')} >= ${today}::date and (${r('next_review_on')} is null or ${r('next_review_on')} >= ${today}::date)`;
}

export async function certificatePage(db: Executor, scope: AnyScope, enterpriseId: string, q: CertificateListQuery, at: { today: string; soonUntil: string }) {
  const base = db.selectFrom('certificates as c')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'c.enterprise_id').onRef('e.id', '=', 'c.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .where('c.enterprise_id', '=', enterpriseId).where(certificateVisibleTo(scope, 'c', 'e'));
  type QB = typeof base;
  const filters: FilterMap<QB, CertificateListQuery> = {
    kind: (qb, v) => qb.where('c.kind', '=', v),
    typeCode: (qb, v) => qb.where('c.type_code', '=', v),
    status: (qb, v) => qb.where(statusSql(v, at)),
    employeeId: (qb, v) => qb.where('c.employee_id', '=', v),
    q: (qb, v) => qb.where(searchWhere(v, ['c.number', 'e.name', 'c.issuer'])),
  };
  const page = await listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.select([
      'c.id', 'c.employee_id', 'c.kind', 'c.type_code', 'c.number', 'c.issuer', sql<string>`c.issued_on::text`.as('issued_on'),
      sql<string>`c.valid_until::text`.as('valid_until'), sql<string | null>`c.next_review_on::text`.as('next_review_on'), 'c.extended_review', 'c.status',
      'c.version', 'e.name as employee_name', 'e.org_unit_id', 'u.name as org_unit_name', 'e.status as employee_status', 'c.attachment_id',
    ]),
    sort: { map: CERTIFICATE_SORT, key: q.sort, order: q.order, tiebreak: ['c.id'] },
    page: q.page, pageSize: q.pageSize,
  });
  const count = (s: string) => sql<number>`(count(*) filter (where ${statusSql(s, at)}))::int`;
  const counts = await base.select([
    sql<number>`count(*)::int`.as('total'), count('valid').as('valid'), count('expiring').as('expiring'), count('review_due').as('review_due'),
    count('review_overdue').as('review_overdue'), count('expired').as('expired'), count('revoked').as('revoked'),
  ]).executeTakeFirstOrThrow();
  return {
    page,
    counts: {
      total: Number(counts.total), valid: Number(counts.valid), expiring: Number(counts.expiring), reviewDue: Number(counts.review_due),
      reviewOverdue: Number(counts.review_overdue), expired: Number(counts.expired), revoked: Number(counts.revoked),
    },
  };
}

export type CertificateColumns = {
  employee_id: string; kind: Fields['kind']; type_code: string; number: string; issuer: string; issued_on: string; valid_until: string; next_review_on: string | null;
  compliant_since: string; extended_review: boolean; attachment_id: string | null; note: string;
};

export async function insertCertificate(tx: Tx, scope: AnyScope, enterpriseId: string, row: CertificateColumns & { created_by: string | null; now: Date }): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const { now, ...values } = row;
  const r = await tx.insertInto('certificates').values({ enterprise_id: enterpriseId, ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCertificateRow(tx: Tx, enterpriseId: string, id: string, version: number, set: Partial<CertificateColumns & { status: 'active' | 'revoked' }>, now: Date): Promise<boolean> {
  const r = await tx.updateTable('certificates').set({ ...set, updated_at: now, version: version + 1 })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
  return !!r;
}

export async function numberTaken(db: Executor, enterpriseId: string, kind: string, number: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('certificates').select('id').where('enterprise_id', '=', enterpriseId).where('kind', '=', kind as Fields['kind']).where('number', '=', number);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertReview(tx: Tx, enterpriseId: string, row: {
  certificate_id: string; kind: 'review' | 'renewal'; reviewed_on: string; result: 'pass' | 'fail'; before_valid_until: string; before_next_review: string | null;
  after_valid_until: string; after_next_review: string | null; number: string; note: string; recorded_by: string | null; now: Date;
}): Promise<string> {
  const { now, ...values } = row;
  const r = await tx.insertInto('certificate_reviews').values({ enterprise_id: enterpriseId, ...values, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function reviewsOf(db: Executor, enterpriseId: string, certificateId: string) {
  return db.selectFrom('certificate_reviews as r').leftJoin('users as u', 'u.id', 'r.recorded_by')
    .select([
      'r.id', 'r.kind', sql<string>`r.reviewed_on::text`.as('reviewed_on'), 'r.result', sql<string>`r.after_valid_until::text`.as('after_valid_until'),
      sql<string | null>`r.after_next_review::text`.as('after_next_review'), 'r.number', 'r.note', 'u.display_name as recorded_by_name', 'r.created_at',
    ])
    .where('r.enterprise_id', '=', enterpriseId).where('r.certificate_id', '=', certificateId).orderBy('r.reviewed_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

/** The employee, if he is the enterprise's and the caller sees him (a unit leader: his subtree). */
export async function findHolder(db: Executor, scope: AnyScope, enterpriseId: string, employeeId: string) {
  return db.selectFrom('employees as e').select(['e.id', 'e.name', 'e.status', 'e.org_unit_id'])
    .where('e.enterprise_id', '=', enterpriseId).where('e.id', '=', employeeId)
    .where(sql<SqlBool>`(${enterpriseInScope(scope, 'e.enterprise_id')} and ${orgUnitInScope(scope, 'e.enterprise_id', 'e.org_unit_id')})`)
    .executeTakeFirst();
}

// ---- assignments ----

export async function postsByIds(db: Executor, enterpriseId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('posts').select(['id', 'name', 'key_post', 'special_operation', 'certificate_type'])
    .where('enterprise_id', '=', enterpriseId).where('id', 'in', [...ids]).execute();
}

/** The type codes each of these employees holds a certificate of that is valid on `today`. */
export async function validTypesOf(db: Executor, enterpriseId: string, employeeIds: readonly string[], today: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!employeeIds.length) return out;
  const rows = await db.selectFrom('certificates as c').select(['c.employee_id', 'c.type_code']).distinct()
    .where('c.enterprise_id', '=', enterpriseId).where('c.employee_id', 'in', [...employeeIds]).where(validSql(today)).execute();
  for (const r of rows) {
    if (!out.has(r.employee_id)) out.set(r.employee_id, new Set());
    out.get(r.employee_id)!.add(r.type_code);
  }
  return out;
}

/** The ones among these employees who are under 18 on `today`. */
export async function minorsAmong(db: Executor, enterpriseId: string, employeeIds: readonly string[], today: string): Promise<Set<string>> {
  if (!employeeIds.length) return new Set();
  const rows = await db.selectFrom('minor_employees').select('employee_id').where('enterprise_id', '=', enterpriseId)
    .where('employee_id', 'in', [...employeeIds]).where('adult_on', '>', today).execute();
  return new Set(rows.map((r) => r.employee_id));
}

/** Keeps the day a person turns 18 (none: of age). */
export async function setAdultOn(tx: Tx, enterpriseId: string, employeeId: string, adultOn: string | null): Promise<void> {
  await tx.deleteFrom('minor_employees').where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId).execute();
  if (adultOn) await tx.insertInto('minor_employees').values({ enterprise_id: enterpriseId, employee_id: employeeId, adult_on: adultOn }).execute();
}

export async function setAdultOnMany(tx: Tx, enterpriseId: string, rows: { employeeId: string; adultOn: string }[]): Promise<void> {
  if (!rows.length) return;
  await tx.insertInto('minor_employees').values(rows.map((r) => ({ enterprise_id: enterpriseId, employee_id: r.employeeId, adult_on: r.adultOn })))
    .onConflict((oc) => oc.columns(['enterprise_id', 'employee_id']).doUpdateSet((eb) => ({ adult_on: eb.ref('excluded.adult_on') }))).execute();
}

/** A post's written certificate type mapped to a catalogue code, per district (the catalogue is a district's rule-set). */
export type TypeMap = { districtId: string; written: string; code: string }[];

/** The distinct certificate types written on special-operation posts, with the district of each (to map them). */
export async function writtenTypes(db: Executor, enterpriseIds: readonly string[] | null) {
  let q = db.selectFrom('posts as p').innerJoin('enterprises as en', 'en.id', 'p.enterprise_id')
    .select(['en.district_id', 'p.certificate_type']).distinct().where('p.special_operation', '=', true).where('p.certificate_type', 'is not', null);
  if (enterpriseIds) q = enterpriseIds.length ? q.where('p.enterprise_id', 'in', [...enterpriseIds]) : q.where(sql<SqlBool>`false`);
  return (await q.execute()).map((r) => ({ districtId: r.district_id, written: r.certificate_type! }));
}

const mapValues = (map: TypeMap) => (map.length
  ? sql`(values ${sql.join(map.map((m) => sql`(${m.districtId}::uuid, ${m.written}::text, ${m.code}::text)`))})`
  : sql`(select null::uuid, null::text, null::text where false)`);

/**
 * R-TRN-2, R-HAZ-2: the active people on special-operation posts without a valid certificate of the post's type on
 * `today`, set-based over the enterprises named (or all), with the occasion of the lapse: the day the last matching
 * certificate stopped being valid, or 'none'. `scope` narrows to what a caller sees.
 */
export async function uncertifiedAssignments(db: Executor, opts: {
  enterpriseIds: readonly string[] | null; scope: AnyScope; today: string; map: TypeMap; limit?: number;
  /** Only those without a hazard for their current lapse (the job's work list). */
  pendingOnly?: boolean;
}) {
  const m = mapValues(opts.map);
  const ids = opts.enterpriseIds;
  const rows = await sql<{
    enterprise_id: string; employee_id: string; employee_name: string; org_unit_id: string; org_unit_name: string; post_id: string; post_name: string;
    certificate_type: string | null; code: string | null; lapse: string; hazard_id: string | null;
  }>`
    select * from (
    select ep.enterprise_id, ep.employee_id, e.name as employee_name, e.org_unit_id, u.name as org_unit_name, ep.post_id, p.name as post_name,
      p.certificate_type, m.code,
      coalesce((select max(least(c.valid_until, coalesce(c.next_review_on, c.valid_until)))::text from certificates c
        where c.enterprise_id = ep.enterprise_id and c.employee_id = ep.employee_id and c.type_code = m.code), 'none') as lapse,
      (select h.hazard_id from certificate_post_hazards h where h.enterprise_id = ep.enterprise_id and h.employee_id = ep.employee_id and h.post_id = ep.post_id
        order by h.opened_at desc limit 1) as hazard_id
    from employee_posts ep
    join posts p on p.enterprise_id = ep.enterprise_id and p.id = ep.post_id and p.special_operation
    join employees e on e.enterprise_id = ep.enterprise_id and e.id = ep.employee_id and e.status = 'active'
    join org_units u on u.enterprise_id = e.enterprise_id and u.id = e.org_unit_id
    join enterprises en on en.id = ep.enterprise_id and en.status = 'active'
    left join ${m} as m(district_id, written, code) on m.district_id = en.district_id and m.written = p.certificate_type
    where ${ids ? (ids.length ? sql`ep.enterprise_id in (${sql.join(ids.map((i) => sql`${i}::uuid`))})` : sql`false`) : sql`true`}
      and ${enterpriseInScope(opts.scope, 'ep.enterprise_id')} and ${orgUnitInScope(opts.scope, 'e.enterprise_id', 'e.org_unit_id')}
      and not exists (select 1 from certificates c where c.enterprise_id = ep.enterprise_id and c.employee_id = ep.employee_id and c.type_code = m.code
        and ${validSql(opts.today)})
    ) x
    ${opts.pendingOnly ? sql`where not exists (select 1 from certificate_post_hazards h where h.enterprise_id = x.enterprise_id and h.employee_id = x.employee_id
      and h.post_id = x.post_id and h.lapse = x.lapse)` : sql``}
    order by x.enterprise_id, x.employee_name, x.post_name
    ${opts.limit ? sql`limit ${opts.limit}` : sql``}`.execute(db);
  return rows.rows;
}

/** R-TRN-2: the active minors (under 18 on `today`) on key or special-operation posts. */
export async function minorsOnHazardous(db: Executor, scope: AnyScope, enterpriseId: string, today: string) {
  return db.selectFrom('minor_employees as m')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'm.enterprise_id').onRef('e.id', '=', 'm.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .innerJoin('employee_posts as ep', (j) => j.onRef('ep.enterprise_id', '=', 'e.enterprise_id').onRef('ep.employee_id', '=', 'e.id'))
    .innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ep.enterprise_id').onRef('p.id', '=', 'ep.post_id'))
    .select(['e.id as employee_id', 'e.name as employee_name', 'e.org_unit_id', 'u.name as org_unit_name', 'p.id as post_id', 'p.name as post_name', sql<string>`m.adult_on::text`.as('adult_on')])
    .where('m.enterprise_id', '=', enterpriseId).where('m.adult_on', '>', today).where('e.status', '=', 'active')
    .where(sql<SqlBool>`(p.key_post or p.special_operation)`).where(orgUnitInScope(scope, 'e.enterprise_id', 'e.org_unit_id'))
    .orderBy('e.name').execute();
}

const idsIn = (column: string, ids: readonly string[] | null) => (ids ? (ids.length ? sql`${sql.ref(column)} in (${sql.join(ids.map((i) => sql`${i}::uuid`))})` : sql`false`) : sql`true`);

/** The pre-post training levels each district's rule-set `training` requires (R-TRN-2), to read the untrained set-based. */
export type LevelsByDistrict = { districtId: string; levels: readonly string[] }[];

/**
 * R-TRN-2: the active people on a post who have NOT passed the pre-post training — no "trained before joining" record
 * and not every induction level their district requires passed — one row per person and post, set-based over the
 * enterprises named (or all). The same test as the training module's `untrainedAmong` (training.repository.ts
 * untrainedIds), over many enterprises in one statement: the unqualified-on-post list and the regulators' competence
 * figure both read this, so they agree. `scope` narrows to what a caller sees.
 */
export async function untrainedOnPosts(db: Executor, opts: { enterpriseIds: readonly string[] | null; scope: AnyScope; levels: LevelsByDistrict }) {
  const lv = opts.levels.length
    ? sql`(values ${sql.join(opts.levels.map((l) => sql`(${l.districtId}::uuid, ${sql.val([...l.levels])}::text[])`))})`
    : sql`(select null::uuid, null::text[] where false)`;
  const rows = await sql<{
    enterprise_id: string; employee_id: string; employee_name: string; org_unit_id: string; org_unit_name: string; post_id: string; post_name: string;
  }>`
    select ep.enterprise_id, e.id as employee_id, e.name as employee_name, e.org_unit_id, u.name as org_unit_name, p.id as post_id, p.name as post_name
    from employee_posts ep
    join posts p on p.enterprise_id = ep.enterprise_id and p.id = ep.post_id
    join employees e on e.enterprise_id = ep.enterprise_id and e.id = ep.employee_id and e.status = 'active'
    join org_units u on u.enterprise_id = e.enterprise_id and u.id = e.org_unit_id
    join enterprises en on en.id = ep.enterprise_id
    join ${lv} as lv(district_id, levels) on lv.district_id = en.district_id
    where ${idsIn('ep.enterprise_id', opts.enterpriseIds)}
      and ${enterpriseInScope(opts.scope, 'ep.enterprise_id')} and ${orgUnitInScope(opts.scope, 'e.enterprise_id', 'e.org_unit_id')}
      and ${untrainedSql(sql.ref('e.enterprise_id'), sql.ref('e.id'), sql.ref('lv.levels'))}
    order by ep.enterprise_id, e.name, p.name`.execute(db);
  return rows.rows;
}

/** The district an enterprise belongs to (its rule-sets are the district's). */
export async function districtOf(db: Executor, enterpriseId: string): Promise<string> {
  return (await db.selectFrom('enterprises').select('district_id').where('id', '=', enterpriseId).executeTakeFirstOrThrow()).district_id;
}

/** Per district, the industries whose principal and safety managers need a safety qualification (rule-set `certificates`). */
export type IndustriesByDistrict = { districtId: string; industries: readonly string[] }[];

/**
 * R-TRN-2: the people who need a safety qualification — the principal's account (code sq-principal) and the safety
 * managers by account or by appointment in the safety staff (sq-manager; a principal needs only his own) — of the
 * active enterprises of the [cfg] industries or carrying hazardous goods, set-based over the enterprises named (or
 * all). Each with the day he took the role (the account's creation, the appointment's day, the earliest of them),
 * whether he holds a certificate of his code valid on `today`, and whether he ever held one.
 */
export async function qualificationAppointees(db: Executor, opts: {
  enterpriseIds: readonly string[] | null; scope: AnyScope; today: string; industries: IndustriesByDistrict; employeeIds?: readonly string[];
}) {
  if (!opts.industries.length) return [];
  const ind = sql`(values ${sql.join(opts.industries.map((d) => sql`(${d.districtId}::uuid, ${sql.val([...d.industries])}::text[])`))})`;
  const day = (ts: string) => sql`(${sql.ref(ts)} at time zone ${sql.raw(LOCAL_OFFSET_SQL)})::date`;
  const rows = await sql<{
    enterprise_id: string; district_id: string; employee_id: string; employee_name: string; org_unit_id: string; org_unit_name: string; code: string;
    appointed_on: string; holds_valid: boolean; ever_held: boolean;
  }>`
    with roles as (
      select us.enterprise_id, us.employee_id, case us.role when 'enterprise_principal' then 'sq-principal' else 'sq-manager' end as code, ${day('us.role_since')} as since
        from users us
       where us.role in ('enterprise_principal', 'safety_manager') and us.employee_id is not null and not us.disabled and ${idsIn('us.enterprise_id', opts.enterpriseIds)}
      union all
      select ss.enterprise_id, ss.employee_id, 'sq-manager', coalesce(ss.appointed_on, ${day('ss.created_at')})
        from safety_staff ss where ${idsIn('ss.enterprise_id', opts.enterpriseIds)}
    ),
    one as (
      select distinct on (r.enterprise_id, r.employee_id) r.enterprise_id, r.employee_id, r.code,
             min(r.since) over (partition by r.enterprise_id, r.employee_id, r.code) as since
        from roles r
       order by r.enterprise_id, r.employee_id, (r.code = 'sq-principal') desc
    )
    select o.enterprise_id, en.district_id, o.employee_id, e.name as employee_name, e.org_unit_id, u.name as org_unit_name, o.code, o.since::text as appointed_on,
      exists (select 1 from certificates c where c.enterprise_id = o.enterprise_id and c.employee_id = o.employee_id and c.type_code = o.code
        and ${validSql(opts.today)}) as holds_valid,
      exists (select 1 from certificates c where c.enterprise_id = o.enterprise_id and c.employee_id = o.employee_id and c.type_code = o.code) as ever_held
    from one o
    join employees e on e.enterprise_id = o.enterprise_id and e.id = o.employee_id and e.status = 'active'
    join org_units u on u.enterprise_id = e.enterprise_id and u.id = e.org_unit_id
    join enterprises en on en.id = o.enterprise_id and en.status = 'active'
    join ${ind} as ind(district_id, industries) on ind.district_id = en.district_id
    where (en.industry_code = any(ind.industries) or en.hazardous_goods_carrier)
      and ${enterpriseInScope(opts.scope, 'o.enterprise_id')} and ${orgUnitInScope(opts.scope, 'e.enterprise_id', 'e.org_unit_id')}
      ${opts.employeeIds ? (opts.employeeIds.length ? sql`and o.employee_id in (${sql.join(opts.employeeIds.map((i) => sql`${i}::uuid`))})` : sql`and false`) : sql``}
    order by o.enterprise_id, e.name`.execute(db);
  return rows.rows;
}

export async function markPostHazard(tx: Tx, row: { enterprise_id: string; employee_id: string; post_id: string; lapse: string; hazard_id: string; opened_at: Date }): Promise<boolean> {
  const r = await tx.insertInto('certificate_post_hazards').values(row).onConflict((oc) => oc.doNothing()).returning('hazard_id').executeTakeFirst();
  return !!r;
}

export async function postHazardExists(db: Executor, enterpriseId: string, employeeId: string, postId: string, lapse: string): Promise<boolean> {
  return !!(await db.selectFrom('certificate_post_hazards').select('hazard_id').where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId)
    .where('post_id', '=', postId).where('lapse', '=', lapse).executeTakeFirst());
}

/** The active people of the enterprise with these ID-number hashes (the certificates import finds holders by them). */
export async function holdersByHash(db: Executor, scope: AnyScope, enterpriseId: string, hashes: readonly string[]) {
  if (!hashes.length) return [];
  return db.selectFrom('employees as e').select(['e.id', 'e.name', 'e.id_number_hash'])
    .where('e.enterprise_id', '=', enterpriseId).where('e.id_number_hash', 'in', [...hashes]).where('e.status', '=', 'active')
    .where(orgUnitInScope(scope, 'e.enterprise_id', 'e.org_unit_id')).execute();
}

/** Every certificate the list shows with these filters (the export), holder and unit included. */
export async function allCertificates(db: Executor, scope: AnyScope, enterpriseId: string, q: Omit<CertificateListQuery, 'page' | 'pageSize'>, at: { today: string; soonUntil: string }) {
  const { page } = await certificatePage(db, scope, enterpriseId, { ...q, page: 1, pageSize: 100_000 } as CertificateListQuery, at);
  return page.items;
}
