import { t, type Locale } from '../../../platform/i18n/messages';
import type { Actor, Ctx, Scope } from '../../../platform/auth/actor';
import { can, requireActor, wholeEnterprise } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { nextCode, reserveCode } from '../../../platform/db/codes';
import type { ControlLevelName } from '../../../platform/db/schema';
import { AppError, alreadyTaken, forbidden, invalid, notFound } from '../../../platform/errors';
import { localDay } from '../../../platform/time';
import { combineGrades, gradeMethod, InvalidRiskInput, reassessDue, requiredControlLevels, type Grade, type MethodResult } from './risk-grading';
import {
  accountEmployeeId, deletePointPosts, employeesFound, findRiskPoint, insertAssessment, insertPointPosts, insertRiskPoint, listRiskPoints, loadRiskExtras,
  orgUnitExists, pointAssessments, pointControllers, pointMeasureTexts, postsFound, replaceControllers, replaceMeasures, residualGradeOf, riskCheckItems,
  riskPointCodeTaken, riskSummaryCounts, risksControlledBy, updateRiskPointAt, updateRiskPointRow, type RiskRow,
} from './risk-point.repository';
import type { AssessmentInput, MeasuresInput, RiskListQuery, RiskPointCreate, RiskPointUpdate, Shape, StoredMethod } from './risk-point.schema';
import { currentRiskRules } from '../rules/risk-rules.service';
import { enterpriseDistrict } from '../rules/risk-rules.repository';

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

/** A point the caller may change: in scope (else 404), then managed by the caller (else 403). */
async function loadManagedPoint(tx: Tx, actor: Actor, enterpriseId: string, id: string) {
  await requireEnterpriseInScope(tx, actor, enterpriseId);
  const point = await findRiskPoint(tx, actor.scope, enterpriseId, id);
  if (!point) throw notFound();
  if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
  return point;
}

export async function getRiskPoint(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await findRiskPoint(db, actor.scope, enterpriseId, id);
  if (!r) throw notFound();
  const extras = await loadRiskExtras(db, actor.scope, enterpriseId, [id]);
  const assessments = await pointAssessments(db, actor.scope, enterpriseId, id);
  const rules = await currentRiskRules(db, await enterpriseDistrict(db, actor.scope, enterpriseId));
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

async function checkRefs(tx: Tx, scope: Scope, enterpriseId: string, input: { orgUnitId?: string; postIds?: string[] }) {
  if (input.orgUnitId && !await orgUnitExists(tx, scope, enterpriseId, input.orgUnitId)) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
  if (input.postIds && input.postIds.length > 0) {
    const found = await postsFound(tx, scope, enterpriseId, input.postIds);
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

async function newCode(tx: Tx, scope: Scope, enterpriseId: string): Promise<string> {
  // The series skips a code already in use (only possible for codes written before the series existed).
  for (;;) {
    const code = await nextCode(tx, enterpriseId, RISK_POINT_CODE_SERIES, { prefix: 'FX-', width: 3 });
    if (!await riskPointCodeTaken(tx, scope, enterpriseId, code)) return code;
  }
}

/**
 * Grades an assessment against the rule-set in force and applies it to the point; returns the new grade. Its callers
 * have decided the point is the caller's to assess (a manager's point, the ledger import): it works in the whole
 * enterprise.
 */
export async function applyAssessment(tx: Tx, ctx: Ctx, enterpriseId: string, pointId: string, input: AssessmentInput): Promise<Grade> {
  const whole = wholeEnterprise(enterpriseId);
  const rules = await currentRiskRules(tx, await enterpriseDistrict(tx, whole, enterpriseId));
  let results: MethodResult[];
  try {
    results = input.methods.map((m) => gradeMethod(m, rules.rules));
  } catch (err) {
    if (err instanceof InvalidRiskInput) throw invalid(`body.methods.${err.field}`, 'validation.risk.value', { field: err.field });
    throw err;
  }
  const grade = combineGrades(results);
  const methods = input.methods.map((m, i) => ({ ...results[i]!, inputs: m }));
  await insertAssessment(tx, whole, enterpriseId, {
    risk_point_id: pointId, stage: input.stage, methods: JSON.stringify(methods), grade,
    rule_set_version: rules.version, reason: input.reason, assessed_by: ctx.actor?.userId ?? null, assessed_at: ctx.now,
  });
  // The current grade is the residual one once assessed; an inherent assessment alone sets both.
  const residual = input.stage === 'residual' ? grade : await residualGradeOf(tx, whole, enterpriseId, pointId);
  const current = (residual ?? grade) as Grade;
  await updateRiskPointRow(tx, whole, enterpriseId, pointId, {
    ...(input.stage === 'inherent' ? { inherent_grade: grade } : { residual_grade: grade }),
    grade: current,
    control_level: rules.rules.controlLevel[current] as ControlLevelName,
    last_assessed_at: ctx.now,
    reassess_due: reassessDue(ctx.now, current, rules.rules),
    // A fresh assessment answers the "control failing — re-assess" flag.
    control_failing: false,
    updated_at: ctx.now,
  });
  return current;
}

export async function createRiskPoint(db: Db, ctx: Ctx, enterpriseId: string, input: RiskPointCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
    await checkRefs(tx, actor.scope, enterpriseId, input);
    const code = input.code ?? await newCode(tx, actor.scope, enterpriseId);
    if (await riskPointCodeTaken(tx, actor.scope, enterpriseId, code)) throw alreadyTaken('body.code', 'validation.risk.codeTaken');
    if (input.code) await reserveRiskPointCodes(tx, enterpriseId, [input.code]);
    const row = await insertRiskPoint(tx, actor.scope, enterpriseId, {
      code, name: input.name, kind: input.kind, org_unit_id: input.orgUnitId, location: input.location,
      hazard_factors: JSON.stringify(input.hazardFactors), accident_types: input.accidentTypes, major_hazard_source: input.majorHazardSource,
      emergency_measures: input.emergencyMeasures, has_warning_signs: input.hasWarningSigns, has_monitoring: input.hasMonitoring,
      has_emergency_equipment: input.hasEmergencyEquipment, has_escape_routes: input.hasEscapeRoutes, grade: null, inherent_grade: null,
      residual_grade: null, control_level: null, floor_plan_id: null, created_at: ctx.now, updated_at: ctx.now,
    });
    await insertPointPosts(tx, actor.scope, enterpriseId, row.id, input.postIds);
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
    await checkRefs(tx, actor.scope, enterpriseId, input);
    if (input.code && input.code !== before.code) {
      if (await riskPointCodeTaken(tx, actor.scope, enterpriseId, input.code)) throw alreadyTaken('body.code', 'validation.risk.codeTaken');
      await reserveRiskPointCodes(tx, enterpriseId, [input.code]);
    }
    const set = {
      code: input.code, name: input.name, kind: input.kind, org_unit_id: input.orgUnitId, location: input.location,
      hazard_factors: input.hazardFactors ? JSON.stringify(input.hazardFactors) : undefined, accident_types: input.accidentTypes,
      major_hazard_source: input.majorHazardSource, emergency_measures: input.emergencyMeasures, has_warning_signs: input.hasWarningSigns,
      has_monitoring: input.hasMonitoring, has_emergency_equipment: input.hasEmergencyEquipment, has_escape_routes: input.hasEscapeRoutes,
    };
    const after = await updateRiskPointAt(tx, actor.scope, enterpriseId, id, input.version,
      { ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)), version: before.version + 1, updated_at: ctx.now });
    if (!after) throw new AppError('CONFLICT');
    if (input.postIds) {
      await deletePointPosts(tx, actor.scope, enterpriseId, id);
      await insertPointPosts(tx, actor.scope, enterpriseId, id, input.postIds);
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
    await updateRiskPointRow(tx, actor.scope, enterpriseId, id, { status: 'archived', updated_at: ctx.now, version: before.version + 1 });
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

/**
 * Issue 14, R-ACC-2 with R-RISK-3/6: an accident happened at the point (the accident module's door, in its
 * transaction). The point is graded 1 by direct judgement ("a past accident with controls not improved"), flagged
 * control-failing and due for re-assessment today; a later assessment, once its controls improve, clears the flag.
 * Null when the point is not an active point of the enterprise.
 */
export async function markAccidentAtPoint(tx: Tx, ctx: Ctx, enterpriseId: string, pointId: string, reason: string): Promise<{ code: string; name: string } | null> {
  const whole = wholeEnterprise(enterpriseId);
  const point = await findRiskPoint(tx, whole, enterpriseId, pointId);
  if (!point) return null;
  const grade = await applyAssessment(tx, ctx, enterpriseId, pointId, {
    stage: 'residual', methods: [{ method: 'DIRECT', conditions: ['past_accident_uncontrolled'] }], reason,
  });
  await updateRiskPointRow(tx, whole, enterpriseId, pointId, { control_failing: true, reassess_due: today(ctx), updated_at: ctx.now });
  await writeAudit(tx, ctx, {
    action: 'risk.assess', entityType: 'risk_point', entityId: pointId, enterpriseId,
    before: { grade: point.grade, controlFailing: point.control_failing }, after: { grade, controlFailing: true, reason },
  });
  return { code: point.code, name: point.name };
}

/** R-RISK-4: the responsible person at each level; levels above the point's control level are cleared. */
export async function setControllers(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: Partial<Record<ControlLevelName, string | null>>) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await loadManagedPoint(tx, actor, enterpriseId, id);
    const entries = Object.entries(input).filter(([, v]) => v) as [ControlLevelName, string][];
    const ids = [...new Set(entries.map(([, v]) => v))];
    if (ids.length) {
      const found = await employeesFound(tx, actor.scope, enterpriseId, ids, { activeOnly: true });
      if (found.length !== ids.length) throw invalid('body', 'error.NOT_FOUND');
    }
    const before = await pointControllers(tx, actor.scope, enterpriseId, id);
    await replaceControllers(tx, actor.scope, enterpriseId, id, entries);
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
      const found = await employeesFound(tx, actor.scope, enterpriseId, owners, { activeOnly: false });
      if (found.length !== owners.length) throw invalid('body.measures', 'error.NOT_FOUND');
    }
    const posts = [...new Set(input.measures.flatMap((m) => m.checkItems.map((c) => c.postId)).filter((x): x is string => !!x))];
    if (posts.length) {
      const found = await postsFound(tx, actor.scope, enterpriseId, posts);
      if (found.length !== posts.length) throw invalid('body.measures', 'error.NOT_FOUND');
    }
    const before = await pointMeasureTexts(tx, actor.scope, enterpriseId, id);
    await replaceMeasures(tx, actor.scope, enterpriseId, id, input.measures);
    await updateRiskPointRow(tx, actor.scope, enterpriseId, id, { updated_at: ctx.now });
    await writeAudit(tx, ctx, { action: 'risk.measures', entityType: 'risk_point', entityId: id, enterpriseId, before, after: input.measures });
  });
  return getRiskPoint(db, ctx, enterpriseId, id);
}

/**
 * Counts by grade and the ledger's warning flags, for the enterprise dashboard and the regulator's overview: of the
 * points `scope` sees (D11: a unit leader's summary counts his branch, as his ledger does).
 */
export async function riskSummaryFor(db: Executor, scope: Scope, enterpriseId: string, todayIso: string) {
  return riskSummaryCounts(db, scope, enterpriseId, todayIso);
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
  const employeeId = await accountEmployeeId(db, actor.scope, actor.userId);
  if (!employeeId) return { items: [] };
  const rows = await risksControlledBy(db, actor.scope, actor.scope.enterpriseId, employeeId);
  return { items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, grade: r.grade, level: r.level, orgUnitName: r.org_unit_name, reassessDue: r.reassess_due, controlFailing: r.control_failing })) };
}

/**
 * The check items derived from control measures (R-RISK-5), for hidden-hazard investigation to build its
 * checklists from: by enterprise, optionally one post. Its callers have put the enterprise in scope (the route, a
 * checks manager, the demo seed): the items are the whole enterprise's.
 */
/**
 * The check items the risk ledger derives from control measures, of the risk points `scope` may see (D11: a unit
 * leader's picker shows his branch's); building a checklist passes `wholeEnterprise` (it takes from every source).
 */
export async function checkItemsFor(db: Executor, scope: Scope, enterpriseId: string, opts: { postId?: string } = {}) {
  const rows = await riskCheckItems(db, scope, enterpriseId, opts);
  return rows.map((r) => ({ id: r.id, content: r.content, method: r.method, cycle: r.cycle, postId: r.post_id, riskPointId: r.risk_point_id, riskCode: r.risk_code, riskName: r.risk_name, grade: r.grade, category: r.category, measure: r.measure }));
}
