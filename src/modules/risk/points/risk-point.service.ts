import { t, type Locale } from '../../../platform/i18n/messages';
import type { Actor, Ctx, Scope } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { nextCode, reserveCode } from '../../../platform/db/codes';
import type { ControlLevelName } from '../../../platform/db/schema';
import { AppError, alreadyTaken, forbidden, invalid, notFound } from '../../../platform/errors';
import { localDay } from '../../../platform/time';
import { combineGrades, gradeMethod, InvalidRiskInput, reassessDue, requiredControlLevels, type Grade, type MethodResult } from './risk-grading';
import { riskPointVisibleTo } from './risk-point.policy';
import { listRiskPoints, loadRiskExtras, type RiskRow } from './risk-point.repository';
import type { AssessmentInput, MeasuresInput, RiskListQuery, RiskPointCreate, RiskPointUpdate, Shape, StoredMethod } from './risk-point.schema';
import { currentRiskRules, enterpriseDistrict } from '../rules/risk-rules.service';

const R8_FIELDS = [['has_warning_signs', 'warningSigns'], ['has_monitoring', 'monitoring'], ['has_emergency_equipment', 'emergencyEquipment'], ['has_escape_routes', 'escapeRoutes']] as const;

/** The district's date today (local time, platform/time.ts): re-assessment dues are local dates. */
export function today(ctx: Ctx): string {
  return localDay(ctx.now);
}

/** Enterprise managers (and the district admin) build the ledger; everyone else in scope reads it. */
export function mayManageRisk(actor: Actor, enterpriseId: string): boolean {
  if (!can(actor, 'risk.manage')) return false;
  if (actor.scope.kind === 'district') return true;
  return isEnterpriseManager(actor, enterpriseId);
}

/** "LEC 720；直接判定" in the reader's language (issue 10: en-US reads "LEC 720; Direct"). */
function scoresText(methods: MethodResult[] | null, locale: Locale): string {
  if (!methods) return '';
  return methods.map((m) => (m.method === 'DIRECT' ? t(locale, 'risk.method.directShort') : `${m.method} ${m.score}`)).join(t(locale, 'risk.method.separator'));
}

type Extras = Awaited<ReturnType<typeof loadRiskExtras>>;

function presentSummary(r: RiskRow, x: Extras, ctx: Ctx) {
  const methods = (x.latest.find((l) => l.risk_point_id === r.id)?.methods ?? null) as (MethodResult & { inputs?: unknown })[] | null;
  const factors = (r.hazard_factors ?? {}) as { people?: string[]; things?: string[]; environment?: string[]; management?: string[] };
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name, location: r.location,
    grade: r.grade, inherentGrade: r.inherent_grade, residualGrade: r.residual_grade, controlLevel: r.control_level,
    reassessDue: r.reassess_due, majorHazardSource: r.major_hazard_source, accidentTypes: r.accident_types,
    hazardFactors: { people: factors.people ?? [], things: factors.things ?? [], environment: factors.environment ?? [], management: factors.management ?? [] },
    emergencyMeasures: r.emergency_measures,
    missingR8: r.grade !== null && r.grade <= 2 ? R8_FIELDS.filter(([col]) => !r[col]).map(([, name]) => name) : [],
    overdue: r.reassess_due !== null && r.reassess_due < today(ctx),
    controlFailing: r.control_failing,
    // The column holds what `shapeInput` accepted (risk-map.service placePoint), as the methods hold what the assessment stored.
    floorPlanId: r.floor_plan_id, shape: (r.shape ?? null) as Shape | null,
    postNames: x.posts.filter((p) => p.risk_point_id === r.id).map((p) => p.name),
    controllers: x.controllers.filter((c) => c.risk_point_id === r.id).map((c) => ({ level: c.level, employeeId: c.employee_id, name: c.name })),
    measures: x.measures.filter((m) => m.risk_point_id === r.id).map((m) => ({ id: m.id, category: m.category, content: m.content })),
    scores: scoresText(methods, ctx.locale),
    version: r.version,
  };
}

export async function listLedger(db: Db, ctx: Ctx, enterpriseId: string, q: RiskListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const { rows, total } = await listRiskPoints(db, actor.scope, enterpriseId, q, today(ctx));
  const extras = await loadRiskExtras(db, actor.scope, enterpriseId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentSummary(r, extras, ctx)), total, page: q.page, pageSize: q.pageSize, canManage: mayManageRisk(actor, enterpriseId) };
}

async function loadPoint(db: Executor, enterpriseId: string, id: string, scope: Scope) {
  const row = await db.selectFrom('risk_points as r')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .selectAll('r').select(['u.name as org_unit_name', 'u.path as unit_path'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.id', '=', id).where('r.status', '=', 'active')
    .where(riskPointVisibleTo(scope, 'r')).executeTakeFirst();
  return row ?? null;
}

/** A point the caller may change: in scope (else 404), then managed by the caller (else 403). */
async function loadManagedPoint(tx: Tx, actor: Actor, enterpriseId: string, id: string) {
  await requireEnterpriseInScope(tx, actor, enterpriseId);
  const point = await loadPoint(tx, enterpriseId, id, actor.scope);
  if (!point) throw notFound();
  if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
  return point;
}

export async function getRiskPoint(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await loadPoint(db, enterpriseId, id, actor.scope);
  if (!r) throw notFound();
  const extras = await loadRiskExtras(db, actor.scope, enterpriseId, [id]);
  const assessments = await db.selectFrom('risk_assessments as a').leftJoin('users as u', 'u.id', 'a.assessed_by')
    .select(['a.id', 'a.stage', 'a.grade', 'a.methods', 'a.rule_set_version', 'a.reason', 'u.display_name', 'a.assessed_at'])
    .where('a.enterprise_id', '=', enterpriseId).where('a.risk_point_id', '=', id).orderBy('a.seq', 'desc').execute();
  const rules = await currentRiskRules(db, await enterpriseDistrict(db, enterpriseId));
  const manage = mayManageRisk(actor, enterpriseId);
  return {
    ...presentSummary({ ...r, missing_r8: false }, extras, ctx),
    postIds: extras.posts.map((p) => p.id),
    hasWarningSigns: r.has_warning_signs, hasMonitoring: r.has_monitoring, hasEmergencyEquipment: r.has_emergency_equipment, hasEscapeRoutes: r.has_escape_routes,
    measures: extras.measures.map((m) => ({
      id: m.id, category: m.category, content: m.content, ownerEmployeeId: m.owner_employee_id, ownerName: m.owner_name,
      checkItems: extras.items.filter((i) => i.measure_id === m.id).map((i) => ({ id: i.id, content: i.content, method: i.method, cycle: i.cycle, postId: i.post_id })),
    })),
    assessments: assessments.map((a) => ({ id: a.id, stage: a.stage, grade: a.grade, methods: a.methods as StoredMethod[], ruleSetVersion: a.rule_set_version, reason: a.reason, assessedBy: a.display_name, assessedAt: a.assessed_at })),
    requiredLevels: r.grade ? requiredControlLevels(r.grade as Grade, rules.rules) : [],
    abilities: { canEdit: manage, canAssess: manage },
  };
}

async function checkRefs(tx: Tx, enterpriseId: string, input: { orgUnitId?: string; postIds?: string[] }) {
  if (input.orgUnitId) {
    const u = await tx.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', input.orgUnitId).executeTakeFirst();
    if (!u) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
  }
  if (input.postIds && input.postIds.length > 0) {
    const found = await tx.selectFrom('posts').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', input.postIds).execute();
    if (found.length !== new Set(input.postIds).size) throw invalid('body.postIds', 'error.NOT_FOUND');
  }
}

/** D12: risk-point codes (FX-001…) come from the platform's one code generator. */
export const RISK_POINT_CODE_SERIES = 'risk_point';

/** The number of a code of the FX- series, if it is one. */
export function riskPointCodeNumber(code: string): number | null {
  const m = /^FX-(\d{1,9})$/.exec(code);
  return m ? Number(m[1]) : null;
}

/** Codes chosen by hand or imported move the series on past them, so no point created later is handed one of them. */
export async function reserveRiskPointCodes(tx: Tx, enterpriseId: string, codes: string[]): Promise<void> {
  const highest = codes.reduce((max, c) => Math.max(max, riskPointCodeNumber(c) ?? 0), 0);
  if (highest > 0) await reserveCode(tx, enterpriseId, RISK_POINT_CODE_SERIES, highest);
}

async function newCode(tx: Tx, enterpriseId: string): Promise<string> {
  // The series skips a code already in use (only possible for codes written before the series existed).
  for (;;) {
    const code = await nextCode(tx, enterpriseId, RISK_POINT_CODE_SERIES, { prefix: 'FX-', width: 3 });
    const taken = await tx.selectFrom('risk_points').select('id').where('enterprise_id', '=', enterpriseId).where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

/** Grades an assessment against the rule-set in force and applies it to the point; returns the new grade. */
export async function applyAssessment(tx: Tx, ctx: Ctx, enterpriseId: string, pointId: string, input: AssessmentInput): Promise<Grade> {
  const rules = await currentRiskRules(tx, await enterpriseDistrict(tx, enterpriseId));
  let results: MethodResult[];
  try {
    results = input.methods.map((m) => gradeMethod(m, rules.rules));
  } catch (err) {
    if (err instanceof InvalidRiskInput) throw invalid(`body.methods.${err.field}`, 'validation.risk.value', { field: err.field });
    throw err;
  }
  const grade = combineGrades(results);
  const methods = input.methods.map((m, i) => ({ ...results[i]!, inputs: m }));
  await tx.insertInto('risk_assessments').values({
    enterprise_id: enterpriseId, risk_point_id: pointId, stage: input.stage, methods: JSON.stringify(methods), grade,
    rule_set_version: rules.version, reason: input.reason, assessed_by: ctx.actor?.userId ?? null, assessed_at: ctx.now,
  }).execute();
  const point = await tx.selectFrom('risk_points').select(['residual_grade']).where('enterprise_id', '=', enterpriseId).where('id', '=', pointId).executeTakeFirstOrThrow();
  // The current grade is the residual one once assessed; an inherent assessment alone sets both.
  const residual = input.stage === 'residual' ? grade : point.residual_grade;
  const current = (residual ?? grade) as Grade;
  await tx.updateTable('risk_points').set({
    ...(input.stage === 'inherent' ? { inherent_grade: grade } : { residual_grade: grade }),
    grade: current,
    control_level: rules.rules.controlLevel[current] as ControlLevelName,
    last_assessed_at: ctx.now,
    reassess_due: reassessDue(ctx.now, current, rules.rules),
    // A fresh assessment answers the "control failing — re-assess" flag.
    control_failing: false,
    updated_at: ctx.now,
  }).where('enterprise_id', '=', enterpriseId).where('id', '=', pointId).execute();
  return current;
}

export async function createRiskPoint(db: Db, ctx: Ctx, enterpriseId: string, input: RiskPointCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
    await checkRefs(tx, enterpriseId, input);
    const code = input.code ?? await newCode(tx, enterpriseId);
    const dup = await tx.selectFrom('risk_points').select('id').where('enterprise_id', '=', enterpriseId).where('code', '=', code).executeTakeFirst();
    if (dup) throw alreadyTaken('body.code', 'validation.risk.codeTaken');
    if (input.code) await reserveRiskPointCodes(tx, enterpriseId, [input.code]);
    const row = await tx.insertInto('risk_points').values({
      enterprise_id: enterpriseId, code, name: input.name, kind: input.kind, org_unit_id: input.orgUnitId, location: input.location,
      hazard_factors: JSON.stringify(input.hazardFactors), accident_types: input.accidentTypes, major_hazard_source: input.majorHazardSource,
      emergency_measures: input.emergencyMeasures, has_warning_signs: input.hasWarningSigns, has_monitoring: input.hasMonitoring,
      has_emergency_equipment: input.hasEmergencyEquipment, has_escape_routes: input.hasEscapeRoutes, grade: null, inherent_grade: null,
      residual_grade: null, control_level: null, floor_plan_id: null, created_at: ctx.now, updated_at: ctx.now,
    }).returningAll().executeTakeFirstOrThrow();
    if (input.postIds.length) await tx.insertInto('risk_point_posts').values([...new Set(input.postIds)].map((p) => ({ enterprise_id: enterpriseId, risk_point_id: row.id, post_id: p }))).execute();
    if (input.assessment) await applyAssessment(tx, ctx, enterpriseId, row.id, { ...input.assessment, stage: 'inherent' });
    await writeAudit(tx, ctx, { action: 'risk.create', entityType: 'risk_point', entityId: row.id, enterpriseId, after: { ...row, postIds: input.postIds, assessment: input.assessment ?? null } });
    return row.id;
  });
  return getRiskPoint(db, ctx, enterpriseId, id);
}

export async function updateRiskPoint(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: RiskPointUpdate) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const before = await loadManagedPoint(tx, actor, enterpriseId, id);
    if (before.version !== input.version) throw new AppError('CONFLICT');
    await checkRefs(tx, enterpriseId, input);
    if (input.code && input.code !== before.code) {
      const dup = await tx.selectFrom('risk_points').select('id').where('enterprise_id', '=', enterpriseId).where('code', '=', input.code).executeTakeFirst();
      if (dup) throw alreadyTaken('body.code', 'validation.risk.codeTaken');
      await reserveRiskPointCodes(tx, enterpriseId, [input.code]);
    }
    const set = {
      code: input.code, name: input.name, kind: input.kind, org_unit_id: input.orgUnitId, location: input.location,
      hazard_factors: input.hazardFactors ? JSON.stringify(input.hazardFactors) : undefined, accident_types: input.accidentTypes,
      major_hazard_source: input.majorHazardSource, emergency_measures: input.emergencyMeasures, has_warning_signs: input.hasWarningSigns,
      has_monitoring: input.hasMonitoring, has_emergency_equipment: input.hasEmergencyEquipment, has_escape_routes: input.hasEscapeRoutes,
    };
    const after = await tx.updateTable('risk_points')
      .set({ ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)), version: before.version + 1, updated_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('version', '=', input.version).returningAll().executeTakeFirst();
    if (!after) throw new AppError('CONFLICT');
    if (input.postIds) {
      await tx.deleteFrom('risk_point_posts').where('enterprise_id', '=', enterpriseId).where('risk_point_id', '=', id).execute();
      if (input.postIds.length) await tx.insertInto('risk_point_posts').values([...new Set(input.postIds)].map((p) => ({ enterprise_id: enterpriseId, risk_point_id: id, post_id: p }))).execute();
    }
    const { org_unit_name: _n, unit_path: _p, ...beforeRow } = before;
    await writeAudit(tx, ctx, { action: 'risk.update', entityType: 'risk_point', entityId: id, enterpriseId, before: beforeRow, after: { ...after, postIds: input.postIds } });
  });
  return getRiskPoint(db, ctx, enterpriseId, id);
}

export async function archiveRiskPoint(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const before = await loadManagedPoint(tx, actor, enterpriseId, id);
    await tx.updateTable('risk_points').set({ status: 'archived', updated_at: ctx.now, version: before.version + 1 }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'risk.archive', entityType: 'risk_point', entityId: id, enterpriseId, before: { status: 'active' }, after: { status: 'archived' } });
  });
}

/** R-RISK-6: every re-assessment names its reason; history keeps inherent and residual gradings. */
export async function assessRiskPoint(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: AssessmentInput) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const before = await loadManagedPoint(tx, actor, enterpriseId, id);
    const grade = await applyAssessment(tx, ctx, enterpriseId, id, input);
    await writeAudit(tx, ctx, { action: 'risk.assess', entityType: 'risk_point', entityId: id, enterpriseId, before: { grade: before.grade }, after: { grade, stage: input.stage, methods: input.methods, reason: input.reason } });
  });
  return getRiskPoint(db, ctx, enterpriseId, id);
}

/** R-RISK-4: the responsible person at each level; levels above the point's control level are cleared. */
export async function setControllers(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: Partial<Record<ControlLevelName, string | null>>) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await loadManagedPoint(tx, actor, enterpriseId, id);
    const entries = Object.entries(input).filter(([, v]) => v) as [ControlLevelName, string][];
    const ids = [...new Set(entries.map(([, v]) => v))];
    if (ids.length) {
      const found = await tx.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).where('status', '=', 'active').execute();
      if (found.length !== ids.length) throw invalid('body', 'error.NOT_FOUND');
    }
    const before = await tx.selectFrom('risk_controllers').select(['level', 'employee_id']).where('enterprise_id', '=', enterpriseId).where('risk_point_id', '=', id).execute();
    await tx.deleteFrom('risk_controllers').where('enterprise_id', '=', enterpriseId).where('risk_point_id', '=', id).execute();
    if (entries.length) await tx.insertInto('risk_controllers').values(entries.map(([level, employeeId]) => ({ enterprise_id: enterpriseId, risk_point_id: id, level, employee_id: employeeId }))).execute();
    await writeAudit(tx, ctx, { action: 'risk.controllers', entityType: 'risk_point', entityId: id, enterpriseId, before, after: entries.map(([level, employee_id]) => ({ level, employee_id })) });
  });
  return getRiskPoint(db, ctx, enterpriseId, id);
}

/** R-RISK-5: the measures of a point with their check items, replaced as a whole (the editor saves the list). */
export async function setMeasures(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: MeasuresInput) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await loadManagedPoint(tx, actor, enterpriseId, id);
    const owners = [...new Set(input.measures.map((m) => m.ownerEmployeeId).filter((x): x is string => !!x))];
    if (owners.length) {
      const found = await tx.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', owners).execute();
      if (found.length !== owners.length) throw invalid('body.measures', 'error.NOT_FOUND');
    }
    const posts = [...new Set(input.measures.flatMap((m) => m.checkItems.map((c) => c.postId)).filter((x): x is string => !!x))];
    if (posts.length) {
      const found = await tx.selectFrom('posts').select('id').where('enterprise_id', '=', enterpriseId).where('id', 'in', posts).execute();
      if (found.length !== posts.length) throw invalid('body.measures', 'error.NOT_FOUND');
    }
    const before = await tx.selectFrom('control_measures').select(['category', 'content']).where('enterprise_id', '=', enterpriseId).where('risk_point_id', '=', id).execute();
    await tx.deleteFrom('control_measures').where('enterprise_id', '=', enterpriseId).where('risk_point_id', '=', id).execute();
    for (const [i, m] of input.measures.entries()) {
      const row = await tx.insertInto('control_measures').values({ enterprise_id: enterpriseId, risk_point_id: id, category: m.category, content: m.content, owner_employee_id: m.ownerEmployeeId, sort: i })
        .returning('id').executeTakeFirstOrThrow();
      if (m.checkItems.length) {
        await tx.insertInto('risk_check_items').values(m.checkItems.map((c) => ({ enterprise_id: enterpriseId, risk_point_id: id, measure_id: row.id, content: c.content, method: c.method, cycle: c.cycle, post_id: c.postId }))).execute();
      }
    }
    await tx.updateTable('risk_points').set({ updated_at: ctx.now }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'risk.measures', entityType: 'risk_point', entityId: id, enterpriseId, before, after: input.measures });
  });
  return getRiskPoint(db, ctx, enterpriseId, id);
}

/**
 * Counts by grade and the ledger's warning flags, for the enterprise dashboard and the regulator's overview: of the
 * points `scope` sees (D11: a unit leader's summary counts his branch, as his ledger does).
 */
export async function riskSummaryFor(db: Executor, scope: Scope, enterpriseId: string, todayIso: string) {
  const r = await db.selectFrom('risk_points as r').where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active')
    .where(riskPointVisibleTo(scope, 'r'))
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.countAll<number>().filterWhere('r.grade', '=', 1).as('g1'),
      eb.fn.countAll<number>().filterWhere('r.grade', '=', 2).as('g2'),
      eb.fn.countAll<number>().filterWhere('r.grade', '=', 3).as('g3'),
      eb.fn.countAll<number>().filterWhere('r.grade', '=', 4).as('g4'),
      eb.fn.countAll<number>().filterWhere('r.grade', 'is', null).as('unassessed'),
      eb.fn.countAll<number>().filterWhere('r.reassess_due', '<', todayIso).as('overdue'),
      eb.fn.countAll<number>().filterWhere('r.control_failing', '=', true).as('failing'),
    ]).executeTakeFirstOrThrow();
  const missing = await db.selectFrom('risk_points as r').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active').where(riskPointVisibleTo(scope, 'r')).where('r.grade', '<=', 2)
    .where((eb) => eb.not(eb.and([eb('r.has_warning_signs', '=', true), eb('r.has_monitoring', '=', true), eb('r.has_emergency_equipment', '=', true), eb('r.has_escape_routes', '=', true)])))
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  return { total: n(r.total), byGrade: { 1: n(r.g1), 2: n(r.g2), 3: n(r.g3), 4: n(r.g4) }, unassessed: n(r.unassessed), overdue: n(r.overdue), controlFailing: n(r.failing), missingR8: n(missing.n) };
}

export async function enterpriseRiskSummary(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return riskSummaryFor(db, actor.scope, enterpriseId, today(ctx));
}

/** "My risks": points where the caller's employee record is a responsible person at some level. */
export async function myRisks(db: Db, ctx: Ctx) {
  const actor = requireActor(ctx);
  if (actor.scope.kind !== 'enterprise') return { items: [] };
  const user = await db.selectFrom('users').select(['employee_id']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!user.employee_id) return { items: [] };
  const enterpriseId = actor.scope.enterpriseId;
  const rows = await db.selectFrom('risk_controllers as c')
    .innerJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'c.enterprise_id').onRef('r.id', '=', 'c.risk_point_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .select(['r.id', 'r.code', 'r.name', 'r.grade', 'r.reassess_due', 'r.control_failing', 'u.name as org_unit_name', 'c.level'])
    .where('c.enterprise_id', '=', enterpriseId).where('c.employee_id', '=', user.employee_id).where('r.status', '=', 'active')
    .orderBy('r.grade').orderBy('r.code').execute();
  return { items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, grade: r.grade, level: r.level, orgUnitName: r.org_unit_name, reassessDue: r.reassess_due, controlFailing: r.control_failing })) };
}

/**
 * The check items derived from control measures (R-RISK-5), for hidden-hazard investigation to build its
 * checklists from: by enterprise, optionally one post.
 */
export async function checkItemsFor(db: Executor, enterpriseId: string, opts: { postId?: string } = {}) {
  let q = db.selectFrom('risk_check_items as i')
    .innerJoin('risk_points as r', (j) => j.onRef('r.enterprise_id', '=', 'i.enterprise_id').onRef('r.id', '=', 'i.risk_point_id'))
    .innerJoin('control_measures as m', (j) => j.onRef('m.enterprise_id', '=', 'i.enterprise_id').onRef('m.id', '=', 'i.measure_id'))
    .select(['i.id', 'i.content', 'i.method', 'i.cycle', 'i.post_id', 'r.id as risk_point_id', 'r.code as risk_code', 'r.name as risk_name', 'r.grade', 'm.category', 'm.content as measure'])
    .where('i.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active');
  if (opts.postId) q = q.where('i.post_id', '=', opts.postId);
  const rows = await q.orderBy('r.code').execute();
  return rows.map((r) => ({ id: r.id, content: r.content, method: r.method, cycle: r.cycle, postId: r.post_id, riskPointId: r.risk_point_id, riskCode: r.risk_code, riskName: r.risk_name, grade: r.grade, category: r.category, measure: r.measure }));
}
