import { sql } from 'kysely';
import type { Scope } from '../../../platform/auth/actor';
import type { Executor, Tx } from '../../../platform/db/database';
import { enterpriseInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { riskPointVisibleTo } from '../points/risk-point.policy';
import { PLAN_FILE } from './risk-map.policy';

/**
 * A plan with its image, an attachment (kind `floor_plan`) linked to it (issue 8 §3): the image's type, size and
 * dimensions are the file's.
 */
function plansWithFile(db: Executor) {
  return db.selectFrom('floor_plans as f')
    .innerJoin('attachment_links as l', (j) => j.onRef('l.enterprise_id', '=', 'f.enterprise_id').onRef('l.owner_id', '=', 'f.id').on('l.owner_type', '=', PLAN_FILE))
    .innerJoin('attachments as a', (j) => j.onRef('a.enterprise_id', '=', 'l.enterprise_id').onRef('a.id', '=', 'l.attachment_id'));
}
const PLAN_COLUMNS = ['f.id', 'f.name', 'a.mime', 'a.width', 'a.height', 'a.size', 'f.created_at', 'a.id as file_id'] as const;

/**
 * The enterprise's plans with the number of points drawn on each (as far as the caller sees them). R-RISK-1: the plans
 * are the whole site's, seen by whoever has the enterprise in scope (risk-map.policy.ts).
 */
export async function listFloorPlans(db: Executor, scope: Scope, enterpriseId: string) {
  return plansWithFile(db)
    .select([...PLAN_COLUMNS, (eb) => {
      const q = eb.selectFrom('risk_points as r')
        .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.enterprise_id', '=', 'f.enterprise_id').whereRef('r.floor_plan_id', '=', 'f.id').where('r.status', '=', 'active');
      // Unit leaders count the points of their own branch only, as in the ledger.
      return q.where(riskPointVisibleTo(scope, 'r')).as('point_count');
    }])
    .where('f.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'f.enterprise_id'))
    .orderBy('f.created_at').orderBy('f.name').execute();
}
export type FloorPlanRow = Awaited<ReturnType<typeof listFloorPlans>>[number];

/** R-RISK-8 items: the risk_points column and the name the API uses. */
export const R8_COLUMNS = [['has_warning_signs', 'warningSigns'], ['has_monitoring', 'monitoring'], ['has_emergency_equipment', 'emergencyEquipment'], ['has_escape_routes', 'escapeRoutes']] as const;

/**
 * A plan of the enterprise. Inside a transaction `lock` serialises placing points on a plan with deleting it: the
 * deletion takes the row for update, a placement shares its key, so neither sees the other half done.
 */
export async function findFloorPlan(db: Executor, scope: Scope, enterpriseId: string, id: string, lock?: 'update' | 'keyShare') {
  let q = plansWithFile(db).select(PLAN_COLUMNS).where('f.enterprise_id', '=', enterpriseId).where('f.id', '=', id)
    .where(enterpriseInScope(scope, 'f.enterprise_id'));
  if (lock === 'update') q = q.forUpdate('f');
  if (lock === 'keyShare') q = q.forKeyShare('f');
  return q.executeTakeFirst();
}

/** A new plan record (its image is stored and linked to it by the attachments store); the demo seed's too. */
export async function insertFloorPlan(tx: Tx, scope: AnyScope, enterpriseId: string, row: { name: string; now: Date }) {
  await requireInScope(tx, scope, enterpriseId);
  return tx.insertInto('floor_plans').values({ enterprise_id: enterpriseId, name: row.name, created_at: row.now })
    .returning(['id', 'name', 'created_at']).executeTakeFirstOrThrow();
}

export async function renameFloorPlan(tx: Tx, scope: Scope, enterpriseId: string, id: string, name: string) {
  await tx.updateTable('floor_plans').set({ name }).where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/**
 * Active points drawn on a plan: every one of the enterprise, not only those of the caller's branch, since a plan in use
 * by any of them stays.
 */
export async function countPointsOnPlan(tx: Executor, scope: Scope, enterpriseId: string, id: string): Promise<number> {
  const r = await tx.selectFrom('risk_points').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId).where('floor_plan_id', '=', id).where('status', '=', 'active')
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Archived points are on no map, but the foreign key still ties them to their plan: let go of it. */
export async function releaseArchivedPoints(tx: Tx, scope: Scope, enterpriseId: string, id: string) {
  await tx.updateTable('risk_points').set({ floor_plan_id: null, shape: null })
    .where('enterprise_id', '=', enterpriseId).where('floor_plan_id', '=', id).where('status', '=', 'archived')
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

export async function deleteFloorPlan(tx: Tx, scope: Scope, enterpriseId: string, id: string) {
  await tx.deleteFrom('floor_plans').where('enterprise_id', '=', enterpriseId).where('id', '=', id)
    .where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/** Draws a point on a plan, or clears it; the demo seed draws its ledger's points with `systemScope`. */
export async function setPointShape(tx: Tx, scope: AnyScope, enterpriseId: string, id: string, floorPlanId: string | null, shape: unknown, now: Date) {
  await tx.updateTable('risk_points').set({ floor_plan_id: floorPlanId, shape: shape === null ? null : JSON.stringify(shape), updated_at: now })
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
}

/**
 * The points of one plan and the enterprise's undrawn ones, in one query: the map of 500 points is one round trip.
 */
export async function mapPoints(db: Executor, scope: Scope, enterpriseId: string, floorPlanId: string | null) {
  return db.selectFrom('risk_points as r')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .select(['r.id', 'r.code', 'r.name', 'r.kind', 'r.grade', 'r.shape', 'r.floor_plan_id', 'r.control_failing', 'u.name as org_unit_name',
      'r.has_warning_signs', 'r.has_monitoring', 'r.has_emergency_equipment', 'r.has_escape_routes'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.status', '=', 'active')
    .where((eb) => floorPlanId
      ? eb.or([eb('r.floor_plan_id', '=', floorPlanId), eb('r.shape', 'is', null)])
      : eb('r.shape', 'is', null))
    // Unit leaders see the points of their own branch only, as in the ledger.
    .where(riskPointVisibleTo(scope, 'r'))
    .orderBy(sql`r.grade asc nulls last`).orderBy('r.code').execute();
}
export type MapPointRow = Awaited<ReturnType<typeof mapPoints>>[number];

/** An active point the scope sees (risk-point.policy.ts), with what placing it changes. */
export async function findPointForShape(tx: Executor, scope: Scope, enterpriseId: string, id: string) {
  return tx.selectFrom('risk_points as r')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'r.enterprise_id').onRef('u.id', '=', 'r.org_unit_id'))
    .select(['r.id', 'r.floor_plan_id', 'r.shape', 'u.path as unit_path'])
    .where('r.enterprise_id', '=', enterpriseId).where('r.id', '=', id).where('r.status', '=', 'active').where(riskPointVisibleTo(scope, 'r')).executeTakeFirst();
}
