import type { Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import type { AnyScope } from '../../../platform/db/scope';
import { isUnitVisible, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Tx } from '../../../platform/db/database';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { deleteFile, fileTooLarge, loadFile, prepareFiles, storeFiles, type PreparedFile } from '../../../platform/files/attachments';
import { GRADE_COLOUR, GRADE_NAME, type Grade } from '../points/risk-grading';
import {
  countPointsOnPlan, deleteFloorPlan, findFloorPlan, findPointForShape, insertFloorPlan, listFloorPlans, mapPoints,
  R8_COLUMNS, releaseArchivedPoints, renameFloorPlan, setPointShape, type FloorPlanRow, type MapPointRow,
} from './risk-map.repository';
import { PLAN_FILE } from './risk-map.policy';
import type { FloorPlanView, RiskMapView } from './risk-map.schema';
import type { Shape } from '../points/risk-point.schema';
import type { R8Item } from '../report/risk-report.rules';
import { getRiskPoint, mayManageRisk } from '../points/risk-point.service';

export type PlanUpload = { filename: string; name: string | null; buffer: Buffer };

function planView(r: Omit<FloorPlanRow, 'point_count' | 'file_id'> & { point_count?: unknown }): FloorPlanView {
  return { id: r.id, name: r.name, mime: r.mime, width: r.width ?? 0, height: r.height ?? 0, size: r.size, createdAt: r.created_at, pointCount: Number(r.point_count ?? 0) };
}

export async function listPlans(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await listFloorPlans(db, actor.scope, enterpriseId);
  return { items: rows.map(planView), canManage: mayManageRisk(actor, enterpriseId) };
}

/** The plan's image as stored, through the attachments store (which applies the file's visibility). */
export async function planImage(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<{ mime: string; data: Buffer }> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const plan = await findFloorPlan(db, actor.scope, enterpriseId, id);
  const file = plan && await loadFile(db, actor, enterpriseId, plan.file_id, 'floor_plan');
  if (!file) throw notFound();
  return { mime: file.mime, data: file.data };
}

const nameFromFile = (filename: string) => filename.replace(/\.[^.]*$/, '').trim().slice(0, 100) || '平面图';

/**
 * R-RISK-1: a floor plan. Its image is an attachment of kind `floor_plan` (PNG, JPEG, inert SVG, judged by its
 * content and size, never by its file name; platform/files/kinds.ts), stored and linked to the plan record.
 */
export async function uploadPlan(db: Db, ctx: Ctx, enterpriseId: string, upload: PlanUpload | null): Promise<FloorPlanView> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
  if (!upload || upload.buffer.length === 0) throw invalid('body.file', 'riskMap.plan.missing');
  const name = (upload.name ?? '').trim().slice(0, 100) || nameFromFile(upload.filename);
  // D16: the image is judged and a raster encoded again before the transaction opens.
  const [file] = await prepareFiles('floor_plan', [{ buffer: upload.buffer, name: upload.filename }], ctx.now);
  return db.transaction().execute((tx) => createPlan(tx, ctx, actor.scope, enterpriseId, { ...upload, name, file }));
}

/**
 * The plan record and its image, stored under the attachments store's rules, with the audit row, in the caller's
 * transaction: an upload (in the uploader's scope), or the demo's plan (src/seed/demo-floor-plan.ts, `systemScope`),
 * which is stored like any uploaded one.
 */
export async function createPlan(tx: Tx, ctx: Ctx, scope: AnyScope, enterpriseId: string, upload: PlanUpload & { name: string; file?: PreparedFile }): Promise<FloorPlanView> {
  const { name } = upload;
  const row = await insertFloorPlan(tx, scope, enterpriseId, { name, now: ctx.now });
  const [file] = await storeFiles(tx, ctx, enterpriseId, 'floor_plan', [upload.file ?? { buffer: upload.buffer, name: upload.filename }], { type: PLAN_FILE, id: row.id, role: 'image' });
  const { mime, width, height, size } = file!;
  await writeAudit(tx, ctx, { action: 'risk.plan.create', entityType: 'floor_plan', entityId: row.id, enterpriseId, after: { name, mime, width, height, size, file: upload.filename } });
  return planView({ ...row, mime, width, height, size });
}

export function planTooLarge() {
  return fileTooLarge('floor_plan');
}

export async function renamePlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, name: string): Promise<FloorPlanView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    const before = await findFloorPlan(tx, actor.scope, enterpriseId, id);
    if (!before) throw notFound();
    if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
    await renameFloorPlan(tx, actor.scope, enterpriseId, id, name);
    await writeAudit(tx, ctx, { action: 'risk.plan.update', entityType: 'floor_plan', entityId: id, enterpriseId, before: { name: before.name }, after: { name } });
  });
  const plan = (await listFloorPlans(db, actor.scope, enterpriseId)).find((p) => p.id === id);
  if (!plan) throw notFound();
  return planView(plan);
}

/**
 * Deleting a plan that still carries drawn points is refused (STATE) rather than silently unplacing them: the
 * drawing is work the safety manager would lose without noticing. They move or clear the points first.
 */
export async function removePlan(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    const before = await findFloorPlan(tx, actor.scope, enterpriseId, id, 'update');
    if (!before) throw notFound();
    if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
    const placed = await countPointsOnPlan(tx, actor.scope, enterpriseId, id);
    if (placed > 0) throw new AppError('STATE', { messageKey: 'riskMap.plan.inUse', params: { count: placed } });
    await releaseArchivedPoints(tx, actor.scope, enterpriseId, id);
    await deleteFloorPlan(tx, actor.scope, enterpriseId, id);
    await deleteFile(tx, ctx, enterpriseId, before.file_id, { kind: 'floor_plan' });
    await writeAudit(tx, ctx, { action: 'risk.plan.delete', entityType: 'floor_plan', entityId: id, enterpriseId, before: { name: before.name, mime: before.mime, size: before.size } });
  });
}

/** Draws a point on a plan of the same enterprise (coordinates 0..1 of the plan), or clears it with two nulls. */
export async function placePoint(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { floorPlanId: string | null; shape: Shape | null }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    const point = await findPointForShape(tx, actor.scope, enterpriseId, id);
    if (!point || !isUnitVisible(actor, point.unit_path)) throw notFound();
    if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
    if ((input.floorPlanId === null) !== (input.shape === null)) throw invalid('body.shape', 'riskMap.shape.pair');
    if (input.floorPlanId && !(await findFloorPlan(tx, actor.scope, enterpriseId, input.floorPlanId, 'keyShare'))) throw invalid('body.floorPlanId', 'riskMap.shape.plan');
    await setPointShape(tx, actor.scope, enterpriseId, id, input.floorPlanId, input.shape, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'risk.place', entityType: 'risk_point', entityId: id, enterpriseId,
      before: { floorPlanId: point.floor_plan_id, shape: point.shape ?? null }, after: input,
    });
  });
  return getRiskPoint(db, ctx, enterpriseId, id);
}

function missingR8(r: Pick<MapPointRow, 'grade' | 'has_warning_signs' | 'has_monitoring' | 'has_emergency_equipment' | 'has_escape_routes'>): R8Item[] {
  return r.grade !== null && r.grade <= 2 ? R8_COLUMNS.filter(([col]) => !r[col]).map(([, name]) => name) : [];
}

const colourOf = (g: number | null) => (g ? GRADE_COLOUR[g as Grade] : null);

/**
 * The four-colour map (R-RISK-1, R-RISK-2) of one plan, the first one when none is named: its points filled by
 * grade, a legend with counts, and the points not drawn anywhere yet.
 */
export async function riskMap(db: Db, ctx: Ctx, enterpriseId: string, floorPlanId: string | undefined): Promise<RiskMapView> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const plans = await listFloorPlans(db, actor.scope, enterpriseId);
  const plan = floorPlanId ? plans.find((p) => p.id === floorPlanId) : plans[0];
  if (floorPlanId && !plan) throw notFound();
  const rows = await mapPoints(db, actor.scope, enterpriseId, plan?.id ?? null);
  const placed = rows.filter((r) => r.shape !== null && r.floor_plan_id === plan?.id);
  const counts: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const r of placed) if (r.grade) counts[r.grade]++;
  return {
    floorPlan: plan ? planView(plan) : null,
    points: placed.map((r) => ({
      id: r.id, code: r.code, name: r.name, grade: r.grade, colour: colourOf(r.grade), shape: r.shape as Shape,
      controlFailing: r.control_failing, missingR8: missingR8(r), kind: r.kind, orgUnitName: r.org_unit_name,
    })),
    legend: ([1, 2, 3, 4] as Grade[]).map((g) => ({ grade: g, colour: GRADE_COLOUR[g], name: GRADE_NAME[g][ctx.locale], count: counts[g] })),
    unplaced: rows.filter((r) => r.shape === null).map((r) => ({ id: r.id, code: r.code, name: r.name, grade: r.grade, colour: colourOf(r.grade) })),
    canManage: mayManageRisk(actor, enterpriseId),
  };
}
