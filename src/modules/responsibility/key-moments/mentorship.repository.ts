import { sql, type Updateable } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import type { MentorshipsTable, MentorshipStatus } from '../../../platform/db/schema';
import { enterpriseInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { mentorshipRowVisibleTo, mentorshipVisibleTo, myEmployee, newHireVisibleTo, type Viewer } from './key-moment.policy';
import type { MentorshipListQuery, SkillInput, SkillKind } from './mentorship.schema';

/*
 * Mentoring's SQL (issue 11 §9, R-RESP-9): mentorships, their skills and history. Reads are filtered by
 * `mentorshipVisibleTo` (key-moment.policy.ts), so a mentorship outside it is "not found"; writes are guarded by the
 * enterprise scope (which one a caller may change is decided by the service on the row it loaded under its lock).
 */

/** One mentorship the viewer sees, as a select not yet run: the workflow adds its `for update` to this same statement. */
export function selectMentorship(db: Executor, viewer: Viewer, enterpriseId: string, id: string) {
  return db.selectFrom('mentorships as ms')
    .innerJoin('employees as me', (j) => j.onRef('me.enterprise_id', '=', 'ms.enterprise_id').onRef('me.id', '=', 'ms.mentor_employee_id'))
    .innerJoin('employees as ap', (j) => j.onRef('ap.enterprise_id', '=', 'ms.enterprise_id').onRef('ap.id', '=', 'ms.apprentice_employee_id'))
    .leftJoin('org_units as mu', (j) => j.onRef('mu.enterprise_id', '=', 'me.enterprise_id').onRef('mu.id', '=', 'me.org_unit_id'))
    .leftJoin('org_units as au', (j) => j.onRef('au.enterprise_id', '=', 'ap.enterprise_id').onRef('au.id', '=', 'ap.org_unit_id'))
    .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ms.enterprise_id').onRef('p.id', '=', 'ms.post_id'))
    .leftJoin('users as cb', 'cb.id', 'ms.created_by')
    .selectAll('ms')
    .select([
      'me.name as mentor_name', 'mu.name as mentor_unit', 'ap.name as apprentice_name', 'au.name as apprentice_unit', 'p.name as post_name',
      'cb.display_name as created_by_name',
      sql<boolean>`coalesce(ms.mentor_employee_id = ${myEmployee(viewer)}, false)`.as('viewer_is_mentor'),
      sql<number>`(select count(*)::int from mentorship_skills s where s.enterprise_id = ms.enterprise_id and s.mentorship_id = ms.id)`.as('skill_count'),
      sql<number>`(select count(*)::int from mentorship_skills s where s.enterprise_id = ms.enterprise_id and s.mentorship_id = ms.id
        and s.signed_at is not null)`.as('signed_count'),
    ])
    .where('ms.enterprise_id', '=', enterpriseId).where('ms.id', '=', id)
    .where(mentorshipVisibleTo(viewer, 'ms'));
}

export async function findMentorship(db: Executor, viewer: Viewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = selectMentorship(db, viewer, enterpriseId, id);
  return (await (opts.lock ? q.forUpdate('ms') : q).executeTakeFirst()) ?? null;
}
export type MentorshipRow = NonNullable<Awaited<ReturnType<typeof findMentorship>>>;

const SORT = { startsOn: 'ms.starts_on', endsOn: 'ms.ends_on', apprentice: 'ap.name' } as const;

export async function listMentorshipRows(db: Executor, viewer: Viewer, enterpriseId: string, q: MentorshipListQuery) {
  let base = db.selectFrom('mentorships as ms')
    .innerJoin('employees as me', (j) => j.onRef('me.enterprise_id', '=', 'ms.enterprise_id').onRef('me.id', '=', 'ms.mentor_employee_id'))
    .innerJoin('employees as ap', (j) => j.onRef('ap.enterprise_id', '=', 'ms.enterprise_id').onRef('ap.id', '=', 'ms.apprentice_employee_id'))
    .where('ms.enterprise_id', '=', enterpriseId).where(mentorshipVisibleTo(viewer, 'ms'));
  if (q.status) base = base.where('ms.status', '=', q.status);
  if (q.q) base = base.where(searchWhere(q.q, ['me.name', 'ap.name']));
  return listPage(base, {
    select: (qb) => qb
      .leftJoin('org_units as mu', (j) => j.onRef('mu.enterprise_id', '=', 'me.enterprise_id').onRef('mu.id', '=', 'me.org_unit_id'))
      .leftJoin('org_units as au', (j) => j.onRef('au.enterprise_id', '=', 'ap.enterprise_id').onRef('au.id', '=', 'ap.org_unit_id'))
      .leftJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ms.enterprise_id').onRef('p.id', '=', 'ms.post_id'))
      .select(['ms.id', 'ms.mentor_employee_id', 'ms.apprentice_employee_id', 'ms.post_id', 'ms.starts_on', 'ms.ends_on', 'ms.status',
        'me.name as mentor_name', 'mu.name as mentor_unit', 'ap.name as apprentice_name', 'au.name as apprentice_unit', 'p.name as post_name',
        sql<number>`(select count(*)::int from mentorship_skills s where s.enterprise_id = ms.enterprise_id and s.mentorship_id = ms.id)`.as('skill_count'),
        sql<number>`(select count(*)::int from mentorship_skills s where s.enterprise_id = ms.enterprise_id and s.mentorship_id = ms.id
          and s.signed_at is not null)`.as('signed_count')]),
    sort: { map: SORT, key: q.sort, order: q.order, tiebreak: [{ by: 'ms.id', dir: 'asc' }] },
    page: q.page, pageSize: q.pageSize,
  });
}

/** The skills of a mentorship, in order, with who signed them off. */
export async function skillsOf(db: Executor, viewer: Viewer, enterpriseId: string, mentorshipId: string) {
  return db.selectFrom('mentorship_skills as s')
    .leftJoin('employees as se', (j) => j.onRef('se.enterprise_id', '=', 's.enterprise_id').onRef('se.id', '=', 's.signed_by_employee_id'))
    .leftJoin('users as su', 'su.id', 's.signed_by_user_id')
    .select(['s.id', 's.kind', 's.title', 's.risk_point_id', 's.signed_at', 'se.name as signed_by_name', 'su.display_name as recorded_by_name'])
    .where('s.enterprise_id', '=', enterpriseId).where('s.mentorship_id', '=', mentorshipId).where(mentorshipRowVisibleTo(viewer, 's'))
    .orderBy('s.sort').orderBy('s.created_at').orderBy('s.id').execute();
}

/** One skill of the mentorship, under its lock. */
export async function lockSkill(tx: Tx, scope: AnyScope, enterpriseId: string, mentorshipId: string, id: string) {
  return tx.selectFrom('mentorship_skills').select(['id', 'kind', 'title', 'signed_at'])
    .where('enterprise_id', '=', enterpriseId).where('mentorship_id', '=', mentorshipId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).forUpdate().executeTakeFirst();
}

export async function eventsOf(db: Executor, viewer: Viewer, enterpriseId: string, mentorshipId: string) {
  return db.selectFrom('mentorship_events as ev').leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.op', 'ev.from_status', 'ev.to_status', 'u.display_name', 'ev.at', 'ev.note'])
    .where('ev.enterprise_id', '=', enterpriseId).where('ev.mentorship_id', '=', mentorshipId).where(mentorshipRowVisibleTo(viewer, 'ev'))
    .orderBy('ev.seq').execute();
}

/**
 * R-RESP-9: the active employees the viewer sees hired on or after `since`, with no active or completed mentorship:
 * "new hires without a mentor", earliest hire first.
 */
export async function newHiresWithoutMentor(db: Executor, viewer: Viewer, enterpriseId: string, since: string) {
  return db.selectFrom('employees as e')
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['e.id', 'e.name', 'e.hire_date', 'u.name as unit_name'])
    .where('e.enterprise_id', '=', enterpriseId).where('e.status', '=', 'active').where('e.hire_date', '>=', since)
    .where(newHireVisibleTo(viewer, 'e'))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('mentorships as ms').select('ms.id')
      .whereRef('ms.enterprise_id', '=', 'e.enterprise_id').whereRef('ms.apprentice_employee_id', '=', 'e.id')
      .where('ms.status', 'in', ['active', 'completed']))))
    .orderBy('e.hire_date').orderBy('e.name').orderBy('e.id').limit(500).execute();
}

// ---- people ----

/** Of the given ids, the active employees of the enterprise, with their name. */
export async function activeEmployees(db: Executor, scope: AnyScope, enterpriseId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { name: string }>();
  const rows = await db.selectFrom('employees').select(['id', 'name'])
    .where('enterprise_id', '=', enterpriseId).where('id', 'in', unique).where('status', '=', 'active')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name }]));
}

export async function postExists(db: Executor, scope: AnyScope, enterpriseId: string, postId: string): Promise<boolean> {
  const row = await db.selectFrom('posts').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', postId)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  return !!row;
}

export async function hasActiveMentorship(db: Executor, scope: AnyScope, enterpriseId: string, apprenticeId: string, except?: string): Promise<boolean> {
  let q = db.selectFrom('mentorships').select('id').where('enterprise_id', '=', enterpriseId).where('apprentice_employee_id', '=', apprenticeId)
    .where('status', '=', 'active').where(enterpriseInScope(scope, 'enterprise_id'));
  if (except) q = q.where('id', '<>', except);
  return !!(await q.executeTakeFirst());
}

/** The active accounts behind an employee (the mentor, to notify). */
export async function accountsOfEmployee(db: Executor, scope: AnyScope, enterpriseId: string, employeeId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId)
    .where('disabled', '=', false).where(enterpriseInScope(scope, 'enterprise_id')).execute();
  return rows.map((r) => r.id);
}

// ---- writes ----

export type MentorshipValues = {
  mentor_employee_id: string; apprentice_employee_id: string; post_id: string | null; starts_on: string; ends_on: string; note: string;
};

export async function insertMentorship(tx: Tx, scope: AnyScope, enterpriseId: string, v: MentorshipValues, c: { by: string; at: Date }): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const row = await tx.insertInto('mentorships').values({ ...v, enterprise_id: enterpriseId, created_by: c.by, created_at: c.at, updated_at: c.at })
    .returning('id').executeTakeFirstOrThrow();
  await insertMentorshipEvent(tx, scope, enterpriseId, row.id, { op: 'start', from: null, to: 'active', actorId: c.by, at: c.at, note: '' });
  return row.id;
}

export async function updateMentorship(tx: Tx, scope: AnyScope, enterpriseId: string, id: string, changes: Updateable<MentorshipsTable>): Promise<void> {
  await tx.updateTable('mentorships').set(changes).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function insertSkills(tx: Tx, scope: AnyScope, enterpriseId: string, mentorshipId: string, skills: (SkillInput & { kind: SkillKind })[], at: Date): Promise<string[]> {
  await requireInScope(tx, scope, enterpriseId);
  if (skills.length === 0) return [];
  const last = await tx.selectFrom('mentorship_skills').select((eb) => eb.fn.coalesce(eb.fn.max('sort'), eb.val(-1)).as('n'))
    .where('enterprise_id', '=', enterpriseId).where('mentorship_id', '=', mentorshipId).executeTakeFirstOrThrow();
  const rows = await tx.insertInto('mentorship_skills').values(skills.map((s, i) => ({
    enterprise_id: enterpriseId, mentorship_id: mentorshipId, sort: Number(last.n) + 1 + i, kind: s.kind, title: s.title, risk_point_id: s.riskPointId, created_at: at,
  }))).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function signSkillRow(tx: Tx, scope: AnyScope, enterpriseId: string, id: string, c: { employeeId: string; userId: string; at: Date }): Promise<void> {
  await tx.updateTable('mentorship_skills').set({ signed_by_employee_id: c.employeeId, signed_by_user_id: c.userId, signed_at: c.at })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function deleteSkillRow(tx: Tx, scope: AnyScope, enterpriseId: string, id: string): Promise<void> {
  await tx.deleteFrom('mentorship_skills').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export type MentorshipEvent = { op: string; from: MentorshipStatus | null; to: MentorshipStatus; actorId: string | null; at: Date; note: string };

export async function insertMentorshipEvent(tx: Tx, scope: AnyScope, enterpriseId: string, mentorshipId: string, e: MentorshipEvent): Promise<void> {
  await requireInScope(tx, scope, enterpriseId);
  await tx.insertInto('mentorship_events').values({
    enterprise_id: enterpriseId, mentorship_id: mentorshipId, op: e.op, from_status: e.from, to_status: e.to, actor_id: e.actorId, at: e.at, note: e.note,
  }).execute();
}
