import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, isUnitVisible, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { t } from '../../../platform/i18n/messages';
import { currentRules } from '../../../platform/rules';
import { addLocalDays, localDay, startOfLocalDay } from '../../../platform/time';
import { openHazardForRecord } from '../../hazards';
import { cancelBySubject, fulfilByRecord, reopenBySubject, triggerEvent } from '../../obligations';
import {
  codeTaken, equipmentOverviewPage, equipmentPage, findEquipment, findRenovation, findUnit, floorPlanExists, insertEquipment, insertInspection, insertRenovation,
  inspectionsOf, linkedRiskPoints, markOverdueHazard, overdueWithoutHazard, renovationsOf, replaceRiskLinks, setInspectionDates, updateEquipmentRow,
  updateRenovationRow, visibleRiskPoints, type EquipmentColumns, type EquipmentRow, type RenovationColumns, type RenovationRow,
} from './equipment.repository';
import { INSPECTION_RECORDED, INSPECTION_SCHEDULED } from './equipment.obligations';
import { EQUIPMENT_RULES, specialTypeName } from './equipment.rule-sets';
import { daysOverdue, decimal2, inspectionState, nextInspectionDue, SPECIAL_TYPES, sumDecimal, type SpecialType } from './equipment.rules';
import type {
  EquipmentCreate, EquipmentDetail, EquipmentListQuery, EquipmentOverviewQuery, EquipmentPatch, EquipmentSummary, InspectionInput, RenovationInput,
  RenovationPatch, RenovationView,
} from './equipment.schema';

/*
 * Issue 12 §5: the equipment register of an enterprise, its special equipment's registration and periodic inspection,
 * the flag against the obsolete catalogue, and the 机械化换人、自动化减人 renovation projects. Each special equipment's
 * next inspection is a duty on the obligations engine (opened when its due day is recorded, fulfilled by recording
 * the inspection, both in the transaction of the record); an inspection left overdue opens one hidden hazard per
 * overdue due day, from the hourly job, through the hazards module's door.
 */

type Rules = Awaited<ReturnType<typeof rulesOf>>;
const rulesOf = async (db: Executor, enterpriseId: string) => (await currentRules(db, { enterpriseId }, EQUIPMENT_RULES)).value;

const refused = (code: 'STATE' | 'FORBIDDEN', reason: string, messageKey: string) => new AppError(code, { reason, messageKey });
const stale = () => new AppError('CONFLICT', { reason: 'STALE' });

function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'equipment.manage') && isEnterpriseManager(actor, enterpriseId);
}
function requireManager(actor: Actor, enterpriseId: string): void {
  if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'equipment.refused.notManager');
}

const isSpecial = (v: string | null): v is SpecialType => v !== null && (SPECIAL_TYPES as readonly string[]).includes(v);

function obsoleteOf(rules: Rules, code: string | null) {
  const item = code ? rules.obsolete.find((i) => i.code === code) : undefined;
  return item ? { code: item.code, name: item.name, kind: item.kind, source: item.source } : null;
}

function summaryOf(r: Pick<EquipmentRow, 'id' | 'code' | 'name' | 'type' | 'model' | 'org_unit_id' | 'org_unit_name' | 'location' | 'status' | 'special_type' | 'registration_no'
  | 'last_inspected_on' | 'next_inspection_due' | 'obsolete_item' | 'overdue_hazard_id' | 'risk_point_count' | 'version'>, rules: Rules, today: string): EquipmentSummary {
  const special = isSpecial(r.special_type) ? r.special_type : null;
  const live = special !== null && r.status !== 'retired';
  return {
    id: r.id, code: r.code, name: r.name, type: r.type, model: r.model, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name, location: r.location,
    status: r.status, specialType: special, registrationNo: r.registration_no, lastInspectedOn: r.last_inspected_on, nextInspectionDue: r.next_inspection_due,
    inspectionState: live ? inspectionState(r.next_inspection_due, today, rules.dueSoonDays) : 'none',
    daysOverdue: live ? daysOverdue(r.next_inspection_due, today) : 0,
    obsolete: obsoleteOf(rules, r.obsolete_item), obsoleteItem: r.obsolete_item, overdueHazardId: r.overdue_hazard_id,
    riskPointCount: Number(r.risk_point_count), version: r.version,
  };
}

async function equipmentIn(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<EquipmentRow> {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await findEquipment(db, actor.scope, enterpriseId, id, opts);
  if (!r) throw notFound();
  return r;
}

export async function getEquipment(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<EquipmentDetail> {
  const actor = requireActor(ctx);
  const r = await equipmentIn(db, actor, enterpriseId, id);
  const [rules, points, inspections] = await Promise.all([
    rulesOf(db, enterpriseId), linkedRiskPoints(db, actor.scope, enterpriseId, id), inspectionsOf(db, enterpriseId, id),
  ]);
  const manager = mayManage(actor, enterpriseId);
  return {
    ...summaryOf(r, rules, localDay(ctx.now)),
    floorPlanId: r.floor_plan_id, position: (r.position ?? null) as EquipmentDetail['position'], monitoringMeasures: r.monitoring_measures,
    registrationCertNo: r.registration_cert_no, inspectionCertNo: r.inspection_cert_no,
    riskPoints: points.map((p) => ({ id: p.id, code: p.code, name: p.name, grade: p.grade })),
    inspections: inspections.map((i) => ({
      id: i.id, inspectedOn: i.inspected_on, nextDue: i.next_due, result: i.result, inspector: i.inspector, certificateNo: i.certificate_no, note: i.note,
      recordedByName: i.recorded_by_name, createdAt: i.created_at,
    })),
    createdAt: r.created_at, updatedAt: r.updated_at,
    abilities: { canEdit: manager, canRecordInspection: manager && isSpecial(r.special_type) && r.status !== 'retired' },
  };
}

export async function listEquipment(db: Db, ctx: Ctx, enterpriseId: string, q: EquipmentListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const today = localDay(ctx.now);
  const rules = await rulesOf(db, enterpriseId);
  const { page, counts } = await equipmentPage(db, actor.scope, enterpriseId, q, { today, soonUntil: addLocalDays(today, rules.dueSoonDays) });
  return {
    ...page, today, counts,
    items: page.items.map((r) => summaryOf(r as EquipmentRow, rules, today)),
    catalogue: {
      specialTypes: SPECIAL_TYPES.map((code) => ({ code, intervalMonths: rules.intervals[code] })),
      obsolete: rules.obsolete.map((i) => ({ code: i.code, name: i.name, kind: i.kind, source: i.source, verified: i.verified })),
      dueSoonDays: rules.dueSoonDays,
    },
    abilities: { canCreate: mayManage(actor, enterpriseId) },
  };
}

type Refs = Partial<Pick<EquipmentCreate, 'orgUnitId' | 'floorPlanId' | 'position' | 'riskPointIds' | 'obsoleteItem' | 'code'>>;

/** The references a create or an edit names, each checked in the enterprise (and the caller's sight): 400 at the field. */
async function checkRefs(tx: Tx, actor: Actor, enterpriseId: string, rules: Rules, v: Refs, current?: EquipmentRow): Promise<void> {
  if (v.code !== undefined && await codeTaken(tx, enterpriseId, v.code, current?.id)) throw invalid('body.code', 'equipment.codeTaken');
  if (v.orgUnitId !== undefined) {
    const u = await findUnit(tx, enterpriseId, v.orgUnitId);
    if (!u || !isUnitVisible(actor, u.path)) throw invalid('body.orgUnitId', 'equipment.unknownUnit');
  }
  if (v.floorPlanId && !(await floorPlanExists(tx, enterpriseId, v.floorPlanId))) throw invalid('body.floorPlanId', 'equipment.unknownFloorPlan');
  const plan = v.floorPlanId !== undefined ? v.floorPlanId : current?.floor_plan_id ?? null;
  const position = v.position !== undefined ? v.position : current?.position ?? null;
  if (position && !plan) throw invalid('body.position', 'equipment.positionWithoutPlan');
  if (v.riskPointIds?.length) {
    const ids = [...new Set(v.riskPointIds)];
    const seen = await visibleRiskPoints(tx, actor.scope, enterpriseId, ids);
    if (seen.length !== ids.length) throw invalid('body.riskPointIds', 'equipment.unknownRiskPoint');
  }
  // A flag chosen on the record names an item of the catalogue in force; an item later dropped stays on old records.
  if (v.obsoleteItem && v.obsoleteItem !== current?.obsolete_item && !rules.obsolete.some((i) => i.code === v.obsoleteItem)) {
    throw invalid('body.obsoleteItem', 'equipment.unknownObsolete');
  }
}

/** Opens the duty of the special equipment's next inspection, due on that day (one per equipment and due day). */
async function scheduleInspection(tx: Tx, ctx: Ctx, enterpriseId: string, e: { id: string; name: string; code: string }, due: string): Promise<void> {
  // The event's local day is the due day itself (cadence: 0 days after it), so the engine's due day is the certificate's.
  await triggerEvent(tx, ctx, { enterpriseId, event: INSPECTION_SCHEDULED, at: startOfLocalDay(due), subjectKey: e.id, subjectLabel: `${e.name}（${e.code}）` });
}

export async function createEquipment(db: Db, ctx: Ctx, enterpriseId: string, input: EquipmentCreate): Promise<EquipmentDetail> {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  const id = await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    requireManager(actor, enterpriseId);
    const rules = await rulesOf(tx, enterpriseId);
    await checkRefs(tx, actor, enterpriseId, rules, input);
    if (!input.specialType && (input.lastInspectedOn || input.nextInspectionDue)) throw invalid('body.specialType', 'equipment.specialFieldsNeedType');
    if (input.lastInspectedOn && input.lastInspectedOn > today) throw invalid('body.lastInspectedOn', 'equipment.futureInspection');
    const nextDue = input.specialType
      ? input.nextInspectionDue ?? (input.lastInspectedOn ? nextInspectionDue(input.lastInspectedOn, rules.intervals[input.specialType]) : null)
      : null;
    if (nextDue && input.lastInspectedOn && nextDue <= input.lastInspectedOn) throw invalid('body.nextInspectionDue', 'equipment.nextDueBeforeInspection');
    const columns: EquipmentColumns = {
      code: input.code, name: input.name, type: input.type, model: input.model, org_unit_id: input.orgUnitId, location: input.location,
      floor_plan_id: input.floorPlanId, position: input.position, monitoring_measures: input.monitoringMeasures, special_type: input.specialType,
      registration_no: input.registrationNo, registration_cert_no: input.registrationCertNo, last_inspected_on: input.lastInspectedOn,
      next_inspection_due: nextDue, inspection_cert_no: input.inspectionCertNo, obsolete_item: input.obsoleteItem, status: input.status,
    };
    const created = await insertEquipment(tx, actor.scope, enterpriseId, { ...columns, created_by: actor.userId, now: ctx.now });
    await replaceRiskLinks(tx, enterpriseId, created, [...new Set(input.riskPointIds)]);
    if (nextDue && input.status !== 'retired') await scheduleInspection(tx, ctx, enterpriseId, { id: created, name: input.name, code: input.code }, nextDue);
    await writeAudit(tx, ctx, { action: 'equipment.create', entityType: 'equipment', entityId: created, enterpriseId, after: { ...input, nextInspectionDue: nextDue } });
    return created;
  });
  return getEquipment(db, ctx, enterpriseId, id);
}

export async function updateEquipment(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: EquipmentPatch): Promise<EquipmentDetail> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const r = await equipmentIn(tx, actor, enterpriseId, id, { lock: true });
    requireManager(actor, enterpriseId);
    if (r.version !== patch.version) throw stale();
    const rules = await rulesOf(tx, enterpriseId);
    await checkRefs(tx, actor, enterpriseId, rules, patch, r);
    const set: Partial<EquipmentColumns> = {};
    const before: Record<string, unknown> = {};
    const map = {
      code: 'code', name: 'name', type: 'type', model: 'model', orgUnitId: 'org_unit_id', location: 'location', floorPlanId: 'floor_plan_id', position: 'position',
      monitoringMeasures: 'monitoring_measures', registrationNo: 'registration_no', registrationCertNo: 'registration_cert_no', obsoleteItem: 'obsolete_item', status: 'status',
    } as const satisfies Partial<Record<keyof EquipmentPatch, keyof EquipmentColumns>>;
    for (const [k, col] of Object.entries(map) as [keyof typeof map, keyof EquipmentColumns][]) {
      const v = patch[k];
      if (v === undefined) continue;
      (set as Record<string, unknown>)[col] = v;
      before[k] = r[col as keyof EquipmentRow];
    }
    if (!(await updateEquipmentRow(tx, enterpriseId, id, r.version, set, ctx.now))) throw stale();
    // A retired equipment owes no inspection: its open duty is withdrawn, and comes back if it returns to use.
    if (patch.status === 'retired' && r.status !== 'retired') {
      await cancelBySubject(tx, ctx, { enterpriseId, event: INSPECTION_SCHEDULED, subjectKey: id, reason: '设备已报废' });
    } else if (patch.status && patch.status !== 'retired' && r.status === 'retired' && isSpecial(r.special_type) && r.next_inspection_due) {
      await reopenBySubject(tx, ctx, { enterpriseId, event: INSPECTION_SCHEDULED, subjectKey: id, at: startOfLocalDay(r.next_inspection_due), reason: '设备恢复使用' });
    }
    if (patch.riskPointIds) {
      before.riskPointIds = (await linkedRiskPoints(tx, systemScope, enterpriseId, id)).map((p) => p.id);
      await replaceRiskLinks(tx, enterpriseId, id, [...new Set(patch.riskPointIds)]);
    }
    const { version: _v, ...after } = patch;
    await writeAudit(tx, ctx, { action: 'equipment.update', entityType: 'equipment', entityId: id, enterpriseId, before, after });
  });
  return getEquipment(db, ctx, enterpriseId, id);
}

/**
 * Records a periodic inspection of a special equipment: the next due day is the report's, else the type's interval
 * from the inspection day. In one transaction: the history row, the equipment's dates, the current duty fulfilled, the
 * next one opened, the audit row.
 */
export async function recordInspection(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: InspectionInput): Promise<EquipmentDetail> {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  await db.transaction().execute(async (tx) => {
    const r = await equipmentIn(tx, actor, enterpriseId, id, { lock: true });
    requireManager(actor, enterpriseId);
    if (!isSpecial(r.special_type)) throw refused('STATE', 'NOT_SPECIAL', 'equipment.refused.notSpecial');
    if (r.status === 'retired') throw refused('STATE', 'RETIRED', 'equipment.refused.retired');
    if (r.version !== input.version) throw stale();
    if (input.inspectedOn > today) throw invalid('body.inspectedOn', 'equipment.futureInspection');
    if (r.last_inspected_on && input.inspectedOn < r.last_inspected_on) throw refused('STATE', 'OLDER_INSPECTION', 'equipment.refused.olderInspection');
    const rules = await rulesOf(tx, enterpriseId);
    const nextDue = input.nextDue ?? nextInspectionDue(input.inspectedOn, rules.intervals[r.special_type]);
    if (nextDue <= input.inspectedOn) throw invalid('body.nextDue', 'equipment.nextDueBeforeInspection');
    const inspectionId = await insertInspection(tx, enterpriseId, {
      equipment_id: id, inspected_on: input.inspectedOn, next_due: nextDue, result: input.result, inspector: input.inspector, certificate_no: input.certificateNo,
      note: input.note, recorded_by: actor.userId, now: ctx.now,
    });
    await setInspectionDates(tx, enterpriseId, id, { last_inspected_on: input.inspectedOn, next_inspection_due: nextDue, inspection_cert_no: input.certificateNo || r.inspection_cert_no }, ctx.now);
    const fulfilled = await fulfilByRecord(tx, ctx, {
      enterpriseId, record: INSPECTION_RECORDED, recordType: 'equipment_inspection', recordId: inspectionId, at: ctx.now, byPrincipal: false, subjectKey: id,
    });
    await scheduleInspection(tx, ctx, enterpriseId, r, nextDue);
    await writeAudit(tx, ctx, {
      action: 'equipment.inspect', entityType: 'equipment', entityId: id, enterpriseId,
      before: { lastInspectedOn: r.last_inspected_on, nextInspectionDue: r.next_inspection_due },
      after: { inspectionId, inspectedOn: input.inspectedOn, result: input.result, nextInspectionDue: nextDue, certificateNo: input.certificateNo, dutiesFulfilled: fulfilled },
    });
  });
  return getEquipment(db, ctx, enterpriseId, id);
}

// ---- the hourly job: overdue inspection opens a hidden hazard ----

const systemCtx = (now: Date): Ctx => ({ actor: null, ip: null, requestId: null, locale: 'zh-CN', now });
const MAX_PER_RUN = 500;

/**
 * Every special equipment in use whose inspection due day has passed gets one hidden hazard for that due day (the
 * equipment row remembers the due day it opened one for, under the row's lock, so a rerun or a second instance opens
 * none). A later inspection moves the due day: if that one passes too, it opens another.
 */
export async function openOverdueHazards(db: Db, now: Date): Promise<number> {
  const ctx = systemCtx(now);
  const today = localDay(now);
  let opened = 0;
  for (const c of await overdueWithoutHazard(db, today, MAX_PER_RUN)) {
    opened += await db.transaction().execute(async (tx) => {
      const r = await findEquipment(tx, systemScope, c.enterprise_id, c.id, { lock: true });
      if (!r || !isSpecial(r.special_type) || r.status === 'retired' || !r.next_inspection_due) return 0;
      if (r.next_inspection_due >= today || r.overdue_hazard_due === r.next_inspection_due) return 0;
      const params = {
        name: r.name, code: r.code, type: specialTypeName(r.special_type, true), registrationNo: r.registration_no || '—', due: r.next_inspection_due,
      };
      const points = await linkedRiskPoints(tx, systemScope, c.enterprise_id, r.id);
      const hazard = await openHazardForRecord(tx, ctx, c.enterprise_id, {
        title: t('zh-CN', 'equipment.hazard.title', params).slice(0, 200), description: t('zh-CN', 'equipment.hazard.description', params).slice(0, 2000),
        orgUnitId: r.org_unit_id, riskPointId: points[0]?.id ?? null, location: r.location,
      });
      await markOverdueHazard(tx, c.enterprise_id, r.id, hazard.id, r.next_inspection_due);
      await writeAudit(tx, ctx, {
        action: 'equipment.overdueHazard', entityType: 'equipment', entityId: r.id, enterpriseId: c.enterprise_id,
        after: { nextInspectionDue: r.next_inspection_due, hazardId: hazard.id, hazardCode: hazard.code },
      });
      return 1;
    });
  }
  return opened;
}

// ---- renovation projects ----

function renovationView(r: RenovationRow, canEdit: boolean): RenovationView {
  return {
    id: r.id, name: r.name, year: r.year, kind: r.kind, investment: decimal2(r.investment), peopleReduced: r.people_reduced, status: r.status, note: r.note,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at, abilities: { canEdit },
  };
}

export async function listRenovations(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await renovationsOf(db, actor.scope, enterpriseId);
  const manager = mayManage(actor, enterpriseId);
  return {
    items: rows.map((r) => renovationView(r, manager)),
    totals: { count: rows.length, investment: sumDecimal(rows.map((r) => r.investment)), peopleReduced: rows.reduce((n, r) => n + r.people_reduced, 0) },
    abilities: { canCreate: manager },
  };
}

async function renovationIn(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await findRenovation(db, actor.scope, enterpriseId, id, opts);
  if (!r) throw notFound();
  return r;
}

export async function getRenovation(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<RenovationView> {
  const actor = requireActor(ctx);
  return renovationView(await renovationIn(db, actor, enterpriseId, id), mayManage(actor, enterpriseId));
}

export async function createRenovation(db: Db, ctx: Ctx, enterpriseId: string, input: RenovationInput): Promise<RenovationView> {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    requireManager(actor, enterpriseId);
    const created = await insertRenovation(tx, actor.scope, enterpriseId, {
      name: input.name, year: input.year, kind: input.kind, investment: decimal2(input.investment), people_reduced: input.peopleReduced, status: input.status,
      note: input.note, created_by: actor.userId, now: ctx.now,
    });
    await writeAudit(tx, ctx, { action: 'renovation.create', entityType: 'renovation_project', entityId: created, enterpriseId, after: input });
    return created;
  });
  return getRenovation(db, ctx, enterpriseId, id);
}

export async function updateRenovation(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: RenovationPatch): Promise<RenovationView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const r = await renovationIn(tx, actor, enterpriseId, id, { lock: true });
    requireManager(actor, enterpriseId);
    if (r.version !== patch.version) throw stale();
    const set: Partial<RenovationColumns> = {
      name: patch.name, year: patch.year, kind: patch.kind, investment: patch.investment === undefined ? undefined : decimal2(patch.investment),
      people_reduced: patch.peopleReduced, status: patch.status, note: patch.note,
    };
    for (const k of Object.keys(set) as (keyof RenovationColumns)[]) if (set[k] === undefined) delete set[k];
    if (!(await updateRenovationRow(tx, enterpriseId, id, r.version, set, ctx.now))) throw stale();
    const { version: _v, ...after } = patch;
    await writeAudit(tx, ctx, {
      action: 'renovation.update', entityType: 'renovation_project', entityId: id, enterpriseId,
      before: { name: r.name, year: r.year, kind: r.kind, investment: r.investment, peopleReduced: r.people_reduced, status: r.status, note: r.note }, after,
    });
  });
  return getRenovation(db, ctx, enterpriseId, id);
}

// ---- the regulators' view ----

export async function equipmentOverview(db: Db, ctx: Ctx, q: EquipmentOverviewQuery) {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  const rules = await currentRules(db, ctx, EQUIPMENT_RULES);
  const { page, totals } = await equipmentOverviewPage(db, actor.scope, q, { today, soonUntil: addLocalDays(today, rules.value.dueSoonDays) });
  return {
    ...page, today,
    items: page.items.map((r) => ({
      enterpriseId: r.enterprise_id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
      special: Number(r.special), overdue: Number(r.overdue), dueSoon: Number(r.due_soon), earliestOverdue: r.earliest_overdue, obsolete: Number(r.obsolete),
      renovations: Number(r.renovations), investment: r.investment, peopleReduced: Number(r.people_reduced),
    })),
    totals: {
      enterprises: Number(totals.enterprises), withOverdue: Number(totals.with_overdue), overdue: Number(totals.overdue), renovations: Number(totals.renovations),
      investment: totals.investment, peopleReduced: Number(totals.people_reduced),
    },
  };
}
