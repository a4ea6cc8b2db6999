import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitSubtree, type Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { enterpriseInScope, orgUnitInScope, requireInScope } from '../../../platform/db/scope';
import { unitPathLabel } from '../../org';
import type { AssessorKind, Grade, Leader } from './duty-assessment.rules';
import { SCORE_SORT, type ScoresQuery } from './duty-assessment.schema';
import { scoreRowVisibleTo, viewerEmployee, type Viewer } from './duty-list.policy';

/*
 * R-RESP-2: assessment campaigns and their rows (migration 0084). Rows are read through `scoreRowVisibleTo`; the
 * published notice through `noticeRowVisibleTo`. `mayScoreSql` is the one statement of who may score a row, shared by
 * the "mine" filter and the progress counts; the service checks the same rule for a single row (mayScore).
 */

const ref = (c: string) => sql.ref(c);

export type CampaignRow = Awaited<ReturnType<typeof findCampaign>> & object;

export async function listCampaignRows(db: Executor, viewer: Viewer, enterpriseId: string) {
  return db.selectFrom('duty_assessments as a')
    .select(['a.id', 'a.year', 'a.name', 'a.status', 'a.publish_from', 'a.publish_to', 'a.published_at',
      (eb) => eb.selectFrom('duty_assessment_scores as s').select(sql<number>`count(*)`.as('n')).whereRef('s.enterprise_id', '=', 'a.enterprise_id').whereRef('s.assessment_id', '=', 'a.id').where(scoreRowVisibleTo(viewer, 's')).as('total'),
      (eb) => eb.selectFrom('duty_assessment_scores as s').select(sql<number>`count(*)`.as('n')).whereRef('s.enterprise_id', '=', 'a.enterprise_id').whereRef('s.assessment_id', '=', 'a.id').where(scoreRowVisibleTo(viewer, 's')).where('s.scored_at', 'is not', null).as('scored'),
    ])
    .where('a.enterprise_id', '=', enterpriseId).where(enterpriseInScope(viewer.scope, 'a.enterprise_id'))
    .orderBy('a.year', 'desc').execute();
}

export async function findCampaign(db: Executor, scope: Scope, enterpriseId: string, id: string, opts: { lock?: boolean | 'share' } = {}) {
  let q = db.selectFrom('duty_assessments as a').selectAll('a').where('a.enterprise_id', '=', enterpriseId).where('a.id', '=', id).where(enterpriseInScope(scope, 'a.enterprise_id'));
  // `share`: scores of one campaign go on side by side; publishing (for update) waits for them, and they for it.
  if (opts.lock === 'share') q = q.forShare();
  else if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function campaignOfYear(db: Executor, scope: Scope, enterpriseId: string, year: number) {
  return db.selectFrom('duty_assessments').select('id').where('enterprise_id', '=', enterpriseId).where('year', '=', year).where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
}

/** The people a new campaign assesses: every active employee, with the path of their unit. */
export async function activePeople(db: Executor, scope: Scope, enterpriseId: string) {
  return db.selectFrom('employees as m').innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'm.enterprise_id').onRef('u.id', '=', 'm.org_unit_id'))
    .select(['m.id', 'm.org_unit_id', 'u.path'])
    .where('m.enterprise_id', '=', enterpriseId).where('m.status', '=', 'active').where(enterpriseInScope(scope, 'm.enterprise_id')).execute();
}

/** The enterprise's active accounts of a role with their employee record (and, for unit leaders, their unit's path). */
export async function accountsOfRole(db: Executor, scope: Scope, enterpriseId: string, role: 'enterprise_principal' | 'unit_leader'): Promise<(Leader & { employeeId: string | null })[]> {
  const rows = await db.selectFrom('users as us')
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'us.enterprise_id').onRef('u.id', '=', 'us.org_unit_id'))
    .select(['us.id', 'us.employee_id', 'u.path'])
    .where('us.enterprise_id', '=', enterpriseId).where('us.role', '=', role).where('us.disabled', '=', false)
    .where(enterpriseInScope(scope, 'us.enterprise_id')).orderBy('us.created_at').orderBy('us.id').execute();
  return rows.map((r) => ({ userId: r.id, employeeId: r.employee_id, unitPath: r.path ?? '' }));
}

export async function insertCampaign(tx: Tx, scope: Scope, enterpriseId: string, row: {
  year: number; name: string; ruleSetVersion: number; principalAssessedBy: 'board' | 'self'; by: string; at: Date;
  people: readonly { employeeId: string; orgUnitId: string; isPrincipal: boolean; kind: AssessorKind; assessorUserId: string | null }[];
}): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const a = await tx.insertInto('duty_assessments').values({
    enterprise_id: enterpriseId, year: row.year, name: row.name, rule_set_version: row.ruleSetVersion, principal_assessed_by: row.principalAssessedBy, created_by: row.by, created_at: row.at,
  }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < row.people.length; i += 1000) {
    await tx.insertInto('duty_assessment_scores').values(row.people.slice(i, i + 1000).map((p) => ({
      enterprise_id: enterpriseId, assessment_id: a.id, employee_id: p.employeeId, org_unit_id: p.orgUnitId, is_principal: p.isPrincipal,
      assessor_kind: p.kind, assessor_user_id: p.assessorUserId,
    }))).execute();
  }
  return a.id;
}

/**
 * Who may score the row aliased `s` (R-RESP-2): the principal his own self-assessment; the managers the rows of the
 * board and of people nobody above leads; the leader named on a row, or any leader of a unit above the person; and the
 * managers anyone else's, but never their own.
 */
export function mayScoreSql(viewer: Viewer, alias = 's'): RawBuilder<SqlBool> {
  const scope = viewer.scope;
  const col = (c: string) => ref(`${alias}.${c}`);
  if (scope.kind !== 'enterprise') return sql<SqlBool>`false`;
  // Nobody scores his own row but the principal his self-assessment ("is distinct from": an account without a record scores others).
  const me = viewerEmployee(viewer);
  const self = sql<SqlBool>`(${col('assessor_kind')} = 'self' and ${col('assessor_user_id')} = ${viewer.userId})`;
  if (scope.capacity === 'manager') return sql<SqlBool>`(${self} or (${col('assessor_kind')} <> 'self' and ${col('employee_id')} is distinct from ${me}))`;
  if (scope.capacity === 'employee') return sql<SqlBool>`${self}`;
  const path = unitSubtree(scope) ?? '/none/';
  return sql<SqlBool>`(${col('assessor_kind')} = 'leader' and ${col('employee_id')} is distinct from ${me} and (${col('assessor_user_id')} = ${viewer.userId}
    or exists (select 1 from org_units su where su.enterprise_id = ${col('enterprise_id')} and su.id = ${col('org_unit_id')} and su.path like ${`${path}%`})))`;
}

function scoreSelect(db: Executor, viewer: Viewer, enterpriseId: string, assessmentId: string) {
  return db.selectFrom('duty_assessment_scores as s')
    .innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 's.enterprise_id').onRef('m.id', '=', 's.employee_id'))
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 's.enterprise_id').onRef('u.id', '=', 's.org_unit_id'))
    .where('s.enterprise_id', '=', enterpriseId).where('s.assessment_id', '=', assessmentId).where(scoreRowVisibleTo(viewer, 's'));
}

function scoreColumns(viewer: Viewer) {
  return [
    's.employee_id', 'm.name', 'm.employment_form', 's.is_principal', 's.assessor_kind', 's.assessor_user_id', 's.items', 's.total', 's.max_points', 's.percent', 's.grade',
    's.comment', 's.scored_at', 's.org_unit_id',
    sql<string>`coalesce(${unitPathLabel('u')}, '')`.as('unit_name'),
    sql<string[] | null>`(select array_agg(pp.name order by pp.name) from employee_posts ep join posts pp on pp.enterprise_id = ep.enterprise_id and pp.id = ep.post_id
      where ep.enterprise_id = s.enterprise_id and ep.employee_id = s.employee_id)`.as('post_names'),
    sql<string | null>`(select un.display_name from users un where un.id = s.assessor_user_id)`.as('assessor_name'),
    sql<string | null>`(select un.display_name from users un where un.id = s.scored_by)`.as('scored_by_name'),
    mayScoreSql(viewer, 's').as('may_score'),
  ] as const;
}

export type ScoreRow = Awaited<ReturnType<typeof findScoreRow>> & object;

export async function scoreRows(db: Executor, viewer: Viewer, enterpriseId: string, assessmentId: string, q: ScoresQuery) {
  let filtered = scoreSelect(db, viewer, enterpriseId, assessmentId);
  if (q.status === 'scored') filtered = filtered.where('s.scored_at', 'is not', null);
  if (q.status === 'unscored') filtered = filtered.where('s.scored_at', 'is', null);
  if (q.grade) filtered = filtered.where('s.grade', '=', q.grade);
  if (q.mine) filtered = filtered.where(mayScoreSql(viewer, 's'));
  if (q.q) filtered = filtered.where(searchWhere(q.q, ['m.name']));
  if (q.orgUnitId) filtered = filtered.where(sql<SqlBool>`u.path like (select ou.path from org_units ou where ou.enterprise_id = s.enterprise_id and ou.id = ${q.orgUnitId}) || '%'`);
  return listPage(filtered, {
    select: (qb) => qb.select(scoreColumns(viewer)),
    sort: { map: { name: SCORE_SORT.name, unit: [SCORE_SORT.unit, 'm.name'], percent: { by: SCORE_SORT.percent, nulls: 'last' } }, key: q.sort, order: q.order, tiebreak: ['s.employee_id'] },
    page: q.page, pageSize: q.pageSize,
  });
}

/** Every row the viewer sees, by unit then name (the HR export and the notice). */
export async function allScoreRows(db: Executor, viewer: Viewer, enterpriseId: string, assessmentId: string, visible?: RawBuilder<SqlBool>) {
  let q = db.selectFrom('duty_assessment_scores as s')
    .innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 's.enterprise_id').onRef('m.id', '=', 's.employee_id'))
    .leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 's.enterprise_id').onRef('u.id', '=', 's.org_unit_id'))
    .where('s.enterprise_id', '=', enterpriseId).where('s.assessment_id', '=', assessmentId)
    .where(visible ?? scoreRowVisibleTo(viewer, 's'));
  q = q.orderBy('u.path').orderBy('m.name').orderBy('s.employee_id');
  return q.select(scoreColumns(viewer)).execute();
}

export async function findScoreRow(db: Executor, viewer: Viewer, enterpriseId: string, assessmentId: string, employeeId: string, opts: { lock?: boolean } = {}) {
  let q = scoreSelect(db, viewer, enterpriseId, assessmentId).where('s.employee_id', '=', employeeId).select(scoreColumns(viewer));
  if (opts.lock) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

/** The current lists a person is held to: their posts' lists and their personal list, with the current version's items. */
export async function personCurrentLists(db: Executor, scope: Scope, enterpriseId: string, employeeId: string) {
  return db.selectFrom('duty_list_assignments as a')
    .innerJoin('duty_lists as l', (j) => j.onRef('l.enterprise_id', '=', 'a.enterprise_id').onRef('l.id', '=', 'a.list_id'))
    .innerJoin('duty_list_versions as v', (j) => j.onRef('v.enterprise_id', '=', 'a.enterprise_id').onRef('v.list_id', '=', 'a.list_id').on('v.status', '=', 'current'))
    .select(['l.id as list_id', 'l.name as list_name', 'v.version', 'v.items'])
    .where('a.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'a.enterprise_id'))
    .where((eb) => eb.or([
      eb('a.employee_id', '=', employeeId),
      eb.exists(eb.selectFrom('employee_posts as ep').select('ep.post_id').whereRef('ep.enterprise_id', '=', 'a.enterprise_id').whereRef('ep.post_id', '=', 'a.post_id').where('ep.employee_id', '=', employeeId)),
    ]))
    .distinct()
    .orderBy('l.name').orderBy('l.id').execute();
}

export async function saveScore(tx: Tx, scope: Scope, enterpriseId: string, assessmentId: string, employeeId: string, row: {
  items: unknown[]; max: number; total: number; percent: number; grade: Grade; comment: string; by: string; at: Date;
}): Promise<void> {
  await tx.updateTable('duty_assessment_scores').set({
    items: JSON.stringify(row.items), max_points: row.max, total: row.total, percent: row.percent, grade: row.grade, comment: row.comment, scored_by: row.by, scored_at: row.at,
  }).where('enterprise_id', '=', enterpriseId).where('assessment_id', '=', assessmentId).where('employee_id', '=', employeeId)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** Progress of the rows the viewer sees: by unit, by grade, and of those he may score. */
export async function campaignProgress(db: Executor, viewer: Viewer, enterpriseId: string, assessmentId: string) {
  const base = () => db.selectFrom('duty_assessment_scores as s')
    .where('s.enterprise_id', '=', enterpriseId).where('s.assessment_id', '=', assessmentId).where(scoreRowVisibleTo(viewer, 's'));
  const [totals, byGrade, byUnit] = await Promise.all([
    base().select([
      sql<number>`count(*)`.as('total'), sql<number>`count(s.scored_at)`.as('scored'),
      sql<number>`count(*) filter (where ${mayScoreSql(viewer, 's')})`.as('mine_total'),
      sql<number>`count(s.scored_at) filter (where ${mayScoreSql(viewer, 's')})`.as('mine_scored'),
    ]).executeTakeFirstOrThrow(),
    base().where('s.grade', 'is not', null).groupBy('s.grade').select(['s.grade', sql<number>`count(*)`.as('n')]).execute(),
    base().leftJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 's.enterprise_id').onRef('u.id', '=', 's.org_unit_id'))
      .groupBy(['s.org_unit_id', 'u.path', 'u.name', 'u.enterprise_id', 'u.parent_id'])
      .select(['s.org_unit_id', sql<string>`coalesce(${unitPathLabel('u')}, '')`.as('unit_name'), sql<number>`count(*)`.as('total'), sql<number>`count(s.scored_at)`.as('scored')])
      .orderBy('u.path').execute(),
  ]);
  return { totals, byGrade, byUnit };
}

export async function markPublished(tx: Tx, scope: Scope, enterpriseId: string, id: string, row: { from: string; to: string; by: string; at: Date }): Promise<void> {
  await tx.updateTable('duty_assessments').set({ status: 'published', publish_from: row.from, publish_to: row.to, published_by: row.by, published_at: row.at })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'open').where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/**
 * The published results (公示) as the viewer reads them: every person's, for anyone of the enterprise (a unit leader his
 * subtree and his own, D11); the principal's only, for a regulator.
 */
export function noticeRowVisibleTo(viewer: Viewer, alias = 's'): RawBuilder<SqlBool> {
  const scope = viewer.scope;
  if (scope.kind !== 'enterprise') return scoreRowVisibleTo(viewer, alias);
  const inScope = enterpriseInScope(scope, `${alias}.enterprise_id`);
  if (scope.capacity !== 'unitLeader') return inScope;
  return sql<SqlBool>`(${inScope} and (${ref(`${alias}.employee_id`)} = ${viewerEmployee(viewer)}
    or ${orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`)}))`;
}
