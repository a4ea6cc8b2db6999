import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { filesOf, linkFiles } from '../../../platform/files/attachments';
import { currentRules } from '../../../platform/rules';
import { localDay } from '../../../platform/time';
import { emergencyRequirementsOf } from '../emergency.profile';
import { EMERGENCY_RULES, type EmergencyRuleSet } from '../emergency.rule-sets';
import { RESCUE_AGREEMENT_FILE_OWNER } from './rescue.policy';
import {
  activeEmployees, agreementsOf, contactsOf, enterpriseName, equipmentOf, floorPlanExists, lockRow, teamsOf, type TeamRow,
} from './rescue.repository';
import { agreementState, equipmentState, nextInspectionDue, readinessFrom } from './rescue.rules';
import type {
  EmergencyContactInput, EmergencyContactUpdate, EmergencyContactView, RescueAgreementInput, RescueAgreementUpdate, RescueAgreementView,
  RescueEquipmentInput, RescueEquipmentQuery, RescueEquipmentUpdate, RescueEquipmentView, RescueInspectionInput, RescueOverview,
  RescueReadinessView, RescueTeamInput, RescueTeamUpdate, RescueTeamView,
} from './rescue.schema';

/*
 * Issue 14 §2, R-EMG-3: an enterprise's rescue organisation and resources — its rescue teams and members (or named
 * part-time rescuers), agreements with nearby professional teams, emergency equipment and materials with their
 * inspections, and emergency contacts. The principal and the safety managers keep them (one transaction per write,
 * with its audit row); whoever sees the enterprise reads them. What the enterprise must have follows from the
 * `emergency` rule-set (emergency.requirements.ts); `rescueReadiness` says whether it has it.
 */

const rulesOf = async (db: Executor, enterpriseId: string): Promise<EmergencyRuleSet> => (await currentRules(db, { enterpriseId }, EMERGENCY_RULES)).value;
const stale = () => new AppError('CONFLICT', { reason: 'STALE' });
const notManager = () => new AppError('FORBIDDEN', { reason: 'NOT_MANAGER', messageKey: 'rescue.refused.notManager' });

function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'rescue.manage') && isEnterpriseManager(actor, enterpriseId);
}

async function reader(db: Executor, ctx: Ctx, enterpriseId: string): Promise<Actor> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return actor;
}

/** The caller may write the enterprise's rescue records: in scope (404 otherwise), and a manager of it (403 otherwise). */
async function manager(db: Executor, ctx: Ctx, enterpriseId: string): Promise<Actor> {
  const actor = await reader(db, ctx, enterpriseId);
  if (!mayManage(actor, enterpriseId)) throw notManager();
  return actor;
}

type RescueTable = 'rescue_teams' | 'rescue_agreements' | 'rescue_equipment' | 'emergency_contacts';

/** For a change to one record: the record must be the enterprise's (404 first), then the caller its manager (403). */
async function managerOfRow(db: Executor, ctx: Ctx, enterpriseId: string, table: RescueTable, id: string): Promise<Actor> {
  const actor = await reader(db, ctx, enterpriseId);
  const row = await db.selectFrom(table).select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (!mayManage(actor, enterpriseId)) throw notManager();
  return actor;
}

/** Locks the row for a change: 404 when it is not the enterprise's, 409 when the client's version is stale. */
async function lockFor(tx: Tx, table: RescueTable, enterpriseId: string, id: string, version?: number) {
  const row = await lockRow(tx, table, enterpriseId, id);
  if (!row) throw notFound();
  if (version !== undefined && row.version !== version) throw stale();
  return row;
}

// ---- readiness ----

/**
 * R-EMG-3, for R-RESP-4's "emergency" indicator: whether the enterprise must have a rescue organisation and whether it
 * has one on `now`'s local day. A team (kind `team`) with at least one member meets either requirement; where small
 * and micro units may use part-time rescuers, named part-time rescuers with an agreement valid that day meet it too.
 * Reasons (codes) say what is missing. Reads for the rules, not for a person: callers check scope.
 */
export async function rescueReadiness(db: Executor, enterpriseId: string, now: Date): Promise<RescueReadinessView> {
  const req = await emergencyRequirementsOf(db, enterpriseId);
  if (!req) throw notFound();
  const requirement = req.rescueOrganisation;
  if (requirement === 'not_required') return { required: false, requirement, met: true, reasons: [] };
  const today = localDay(now);
  const [teams, agreements] = await Promise.all([teamsOf(db, enterpriseId), agreementsOf(db, enterpriseId)]);
  return { required: true, requirement, ...readinessOf(requirement, teams, agreements, today) };
}

function readinessOf(requirement: 'team' | 'team_or_parttime', teams: TeamRow[], agreements: { valid_from: string; valid_to: string }[], today: string): Pick<RescueReadinessView, 'met' | 'reasons'> {
  const staffed = (kind: 'team' | 'parttime') => teams.some((t) => t.kind === kind && t.members.length > 0);
  return readinessFrom(requirement, {
    staffedTeam: staffed('team'), staffedParttime: staffed('parttime'), teams: teams.length, fullTeams: teams.filter((t) => t.kind === 'team').length,
    agreements: agreements.length, validAgreement: agreements.some((a) => a.valid_from <= today && a.valid_to >= today),
  });
}

// ---- overview ----

export async function rescueOverview(db: Db, ctx: Ctx, enterpriseId: string): Promise<RescueOverview> {
  const actor = await reader(db, ctx, enterpriseId);
  const today = localDay(ctx.now);
  const req = await emergencyRequirementsOf(db, enterpriseId);
  if (!req) throw notFound();
  const [teams, agreements, equipment, contacts] = await Promise.all([teamsOf(db, enterpriseId), agreementsOf(db, enterpriseId), equipmentOf(db, enterpriseId), contactsOf(db, enterpriseId)]);
  const rules = req.rules.value;
  const requirement = req.rescueOrganisation;
  const readiness: RescueReadinessView = requirement === 'not_required'
    ? { required: false, requirement, met: true, reasons: [] }
    : { required: true, requirement, ...readinessOf(requirement, teams, agreements, today) };
  const agreementStates = agreements.map((a) => agreementState(a.valid_from, a.valid_to, today, rules.agreementReminderDays));
  return {
    today,
    requirements: {
      rescueOrganisation: requirement, halfYearlyDrills: req.halfYearlyDrills, reportDrills: req.reportDrills, threeYearEvaluation: req.threeYearEvaluation,
      planReview: req.planReview, sizeClass: req.profile.sizeClass, ruleSetVersion: req.rules.version,
    },
    readiness,
    counts: {
      teams: teams.length, members: teams.reduce((n, t) => n + t.members.length, 0),
      agreementsValid: agreementStates.filter((s) => s === 'valid' || s === 'expiring').length, agreementsExpiring: agreementStates.filter((s) => s === 'expiring').length,
      equipment: equipment.length,
      equipmentDue: equipment.filter((q) => equipmentState(q.next_inspection_due, q.expires_on, today, rules.equipmentReminderDays) !== 'ok').length,
      contacts: contacts.length,
    },
    abilities: { canManage: mayManage(actor, enterpriseId) },
  };
}

// ---- teams ----

function teamView(t: TeamRow): RescueTeamView {
  return {
    id: t.id, name: t.name, kind: t.kind, duties: t.duties, note: t.note, version: t.version,
    members: t.members.map((m) => ({ id: m.id, employeeId: m.employee_id, name: m.name, role: m.role, phone: m.phone, certificates: m.certificates })),
  };
}

export async function listTeams(db: Db, ctx: Ctx, enterpriseId: string): Promise<{ items: RescueTeamView[] }> {
  await reader(db, ctx, enterpriseId);
  return { items: (await teamsOf(db, enterpriseId)).map(teamView) };
}

async function teamById(db: Executor, enterpriseId: string, id: string): Promise<RescueTeamView> {
  const t = (await teamsOf(db, enterpriseId)).find((x) => x.id === id);
  if (!t) throw notFound();
  return teamView(t);
}

async function writeMembers(tx: Tx, enterpriseId: string, teamId: string, members: RescueTeamInput['members']): Promise<void> {
  const named = members.map((m) => m.employeeId).filter((x): x is string => x !== null);
  const found = await activeEmployees(tx, enterpriseId, named);
  members.forEach((m, i) => { if (m.employeeId !== null && !found.has(m.employeeId)) throw invalid(`body.members.${i}.employeeId`, 'rescue.unknownPerson'); });
  await tx.deleteFrom('rescue_team_members').where('enterprise_id', '=', enterpriseId).where('team_id', '=', teamId).execute();
  if (members.length === 0) return;
  await tx.insertInto('rescue_team_members').values(members.map((m, sort) => ({
    enterprise_id: enterpriseId, team_id: teamId, sort, employee_id: m.employeeId, name: m.name, role: m.role, phone: m.phone, certificates: m.certificates,
  }))).execute();
}

export async function createTeam(db: Db, ctx: Ctx, enterpriseId: string, input: RescueTeamInput): Promise<RescueTeamView> {
  const actor = await manager(db, ctx, enterpriseId);
  const id = await db.transaction().execute(async (tx) => {
    const { id } = await tx.insertInto('rescue_teams').values({
      enterprise_id: enterpriseId, name: input.name, kind: input.kind, duties: input.duties, note: input.note, created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).returning('id').executeTakeFirstOrThrow();
    await writeMembers(tx, enterpriseId, id, input.members);
    await writeAudit(tx, ctx, { action: 'rescue.team.create', entityType: 'rescue_team', entityId: id, enterpriseId, after: input });
    return id;
  });
  return teamById(db, enterpriseId, id);
}

export async function updateTeam(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: RescueTeamUpdate): Promise<RescueTeamView> {
  await manager(db, ctx, enterpriseId);
  const { version, ...after } = input;
  await db.transaction().execute(async (tx) => {
    const before = await lockFor(tx, 'rescue_teams', enterpriseId, id, version);
    await tx.updateTable('rescue_teams').set({ name: input.name, kind: input.kind, duties: input.duties, note: input.note, version: version + 1, updated_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeMembers(tx, enterpriseId, id, input.members);
    await writeAudit(tx, ctx, { action: 'rescue.team.update', entityType: 'rescue_team', entityId: id, enterpriseId, before: { name: before.name, kind: before.kind }, after });
  });
  return teamById(db, enterpriseId, id);
}

export async function deleteTeam(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<{ ok: true }> {
  await managerOfRow(db, ctx, enterpriseId, 'rescue_teams', id);
  await db.transaction().execute(async (tx) => {
    const before = await lockFor(tx, 'rescue_teams', enterpriseId, id);
    await tx.deleteFrom('rescue_teams').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'rescue.team.delete', entityType: 'rescue_team', entityId: id, enterpriseId, before: { name: before.name, kind: before.kind } });
  });
  return { ok: true };
}

// ---- agreements ----

type AgreementRow = Awaited<ReturnType<typeof agreementsOf>>[number];

async function agreementViews(db: Executor, enterpriseId: string, rows: AgreementRow[], today: string, soonDays: number): Promise<RescueAgreementView[]> {
  return Promise.all(rows.map(async (a) => ({
    id: a.id, counterpart: a.counterpart, contactName: a.contact_name, contactPhone: a.contact_phone, validFrom: a.valid_from, validTo: a.valid_to,
    note: a.note, attachmentIds: (await filesOf(db, enterpriseId, { type: RESCUE_AGREEMENT_FILE_OWNER, id: a.id })).map((f) => f.id),
    state: agreementState(a.valid_from, a.valid_to, today, soonDays), version: a.version,
  })));
}

export async function listAgreements(db: Db, ctx: Ctx, enterpriseId: string): Promise<{ items: RescueAgreementView[] }> {
  await reader(db, ctx, enterpriseId);
  const rules = await rulesOf(db, enterpriseId);
  return { items: await agreementViews(db, enterpriseId, await agreementsOf(db, enterpriseId), localDay(ctx.now), rules.agreementReminderDays) };
}

async function agreementById(db: Executor, ctx: Ctx, enterpriseId: string, id: string): Promise<RescueAgreementView> {
  const row = (await agreementsOf(db, enterpriseId)).find((a) => a.id === id);
  if (!row) throw notFound();
  const rules = await rulesOf(db, enterpriseId);
  return (await agreementViews(db, enterpriseId, [row], localDay(ctx.now), rules.agreementReminderDays))[0]!;
}

function checkAgreement(input: RescueAgreementInput): void {
  if (input.validTo < input.validFrom) throw invalid('body.validTo', 'rescue.validTo');
}

export async function createAgreement(db: Db, ctx: Ctx, enterpriseId: string, input: RescueAgreementInput): Promise<RescueAgreementView> {
  const actor = await manager(db, ctx, enterpriseId);
  checkAgreement(input);
  const id = await db.transaction().execute(async (tx) => {
    const { id } = await tx.insertInto('rescue_agreements').values({
      enterprise_id: enterpriseId, counterpart: input.counterpart, contact_name: input.contactName, contact_phone: input.contactPhone,
      valid_from: input.validFrom, valid_to: input.validTo, note: input.note, created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).returning('id').executeTakeFirstOrThrow();
    if (input.attachmentId) await linkFiles(tx, ctx, enterpriseId, { type: RESCUE_AGREEMENT_FILE_OWNER, id }, [input.attachmentId], { path: 'body.attachmentId' });
    await writeAudit(tx, ctx, { action: 'rescue.agreement.create', entityType: 'rescue_agreement', entityId: id, enterpriseId, after: input });
    return id;
  });
  return agreementById(db, ctx, enterpriseId, id);
}

export async function updateAgreement(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: RescueAgreementUpdate): Promise<RescueAgreementView> {
  await manager(db, ctx, enterpriseId);
  checkAgreement(input);
  const { version, ...after } = input;
  await db.transaction().execute(async (tx) => {
    const before = await lockFor(tx, 'rescue_agreements', enterpriseId, id, version);
    await tx.updateTable('rescue_agreements').set({
      counterpart: input.counterpart, contact_name: input.contactName, contact_phone: input.contactPhone, valid_from: input.validFrom, valid_to: input.validTo,
      note: input.note, version: version + 1, updated_at: ctx.now,
    }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    if (input.attachmentId) await linkFiles(tx, ctx, enterpriseId, { type: RESCUE_AGREEMENT_FILE_OWNER, id }, [input.attachmentId], { path: 'body.attachmentId' });
    await writeAudit(tx, ctx, {
      action: 'rescue.agreement.update', entityType: 'rescue_agreement', entityId: id, enterpriseId,
      before: { counterpart: before.counterpart, validFrom: before.valid_from, validTo: before.valid_to }, after,
    });
  });
  return agreementById(db, ctx, enterpriseId, id);
}

export async function deleteAgreement(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<{ ok: true }> {
  await managerOfRow(db, ctx, enterpriseId, 'rescue_agreements', id);
  await db.transaction().execute(async (tx) => {
    const before = await lockFor(tx, 'rescue_agreements', enterpriseId, id);
    await tx.deleteFrom('rescue_agreements').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, {
      action: 'rescue.agreement.delete', entityType: 'rescue_agreement', entityId: id, enterpriseId,
      before: { counterpart: before.counterpart, validFrom: before.valid_from, validTo: before.valid_to },
    });
  });
  return { ok: true };
}

// ---- equipment ----

type EquipmentRow = Awaited<ReturnType<typeof equipmentOf>>[number];

function equipmentView(q: EquipmentRow, today: string, soonDays: number): RescueEquipmentView {
  return {
    id: q.id, name: q.name, category: q.category, quantity: Number(q.quantity), unit: q.unit, location: q.location, floorPlanId: q.floor_plan_id,
    position: (q.position as { type: 'marker'; x: number; y: number } | null) ?? null, keeper: q.keeper, inspectionCycleDays: q.inspection_cycle_days,
    lastInspectedOn: q.last_inspected_on, nextInspectionDue: q.next_inspection_due, expiresOn: q.expires_on, note: q.note,
    state: equipmentState(q.next_inspection_due, q.expires_on, today, soonDays), version: q.version,
  };
}

export async function listEquipment(db: Db, ctx: Ctx, enterpriseId: string, q: RescueEquipmentQuery): Promise<{ today: string; items: RescueEquipmentView[] }> {
  await reader(db, ctx, enterpriseId);
  const today = localDay(ctx.now);
  const rules = await rulesOf(db, enterpriseId);
  const items = (await equipmentOf(db, enterpriseId)).map((r) => equipmentView(r, today, rules.equipmentReminderDays))
    .filter((r) => (q.category === undefined || r.category === q.category) && (q.state === 'all' || r.state !== 'ok'));
  return { today, items };
}

async function equipmentById(db: Executor, ctx: Ctx, enterpriseId: string, id: string): Promise<RescueEquipmentView> {
  const row = await db.selectFrom('rescue_equipment').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const rules = await rulesOf(db, enterpriseId);
  return equipmentView(row, localDay(ctx.now), rules.equipmentReminderDays);
}

async function checkEquipment(db: Executor, ctx: Ctx, enterpriseId: string, input: RescueEquipmentInput): Promise<void> {
  if (input.position !== null && input.floorPlanId === null) throw invalid('body.floorPlanId', 'validation.required');
  if (input.floorPlanId !== null && !(await floorPlanExists(db, enterpriseId, input.floorPlanId))) throw invalid('body.floorPlanId', 'rescue.unknownFloorPlan');
  if (input.lastInspectedOn !== null && input.lastInspectedOn > localDay(ctx.now)) throw invalid('body.lastInspectedOn', 'rescue.futureInspection');
}

function equipmentColumns(input: RescueEquipmentInput, today: string) {
  return {
    name: input.name, category: input.category, quantity: String(input.quantity), unit: input.unit, location: input.location,
    floor_plan_id: input.floorPlanId, position: input.position === null ? null : JSON.stringify(input.position), keeper: input.keeper,
    inspection_cycle_days: input.inspectionCycleDays, last_inspected_on: input.lastInspectedOn,
    next_inspection_due: nextInspectionDue(input.lastInspectedOn, input.inspectionCycleDays, today), expires_on: input.expiresOn, note: input.note,
  };
}

export async function createEquipment(db: Db, ctx: Ctx, enterpriseId: string, input: RescueEquipmentInput): Promise<RescueEquipmentView> {
  const actor = await manager(db, ctx, enterpriseId);
  await checkEquipment(db, ctx, enterpriseId, input);
  const id = await db.transaction().execute(async (tx) => {
    const { id } = await tx.insertInto('rescue_equipment').values({
      enterprise_id: enterpriseId, ...equipmentColumns(input, localDay(ctx.now)), created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'rescue.equipment.create', entityType: 'rescue_equipment', entityId: id, enterpriseId, after: input });
    return id;
  });
  return equipmentById(db, ctx, enterpriseId, id);
}

export async function updateEquipment(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: RescueEquipmentUpdate): Promise<RescueEquipmentView> {
  await manager(db, ctx, enterpriseId);
  await checkEquipment(db, ctx, enterpriseId, input);
  const { version, ...after } = input;
  await db.transaction().execute(async (tx) => {
    const before = await lockFor(tx, 'rescue_equipment', enterpriseId, id, version);
    await tx.updateTable('rescue_equipment').set({ ...equipmentColumns(input, localDay(ctx.now)), version: version + 1, updated_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, {
      action: 'rescue.equipment.update', entityType: 'rescue_equipment', entityId: id, enterpriseId,
      before: { name: before.name, quantity: before.quantity, lastInspectedOn: before.last_inspected_on, expiresOn: before.expires_on }, after,
    });
  });
  return equipmentById(db, ctx, enterpriseId, id);
}

export async function deleteEquipment(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<{ ok: true }> {
  await managerOfRow(db, ctx, enterpriseId, 'rescue_equipment', id);
  await db.transaction().execute(async (tx) => {
    const before = await lockFor(tx, 'rescue_equipment', enterpriseId, id);
    await tx.deleteFrom('rescue_equipment').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'rescue.equipment.delete', entityType: 'rescue_equipment', entityId: id, enterpriseId, before: { name: before.name, quantity: before.quantity } });
  });
  return { ok: true };
}

/** Records an inspection; the item's last inspection moves to it when it is the latest, and its next inspection follows. */
export async function inspectEquipment(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: RescueInspectionInput): Promise<RescueEquipmentView> {
  const actor = await manager(db, ctx, enterpriseId);
  const today = localDay(ctx.now);
  if (input.inspectedOn > today) throw invalid('body.inspectedOn', 'rescue.futureInspection');
  await db.transaction().execute(async (tx) => {
    const row = await lockFor(tx, 'rescue_equipment', enterpriseId, id) as unknown as EquipmentRow;
    await tx.insertInto('rescue_equipment_inspections').values({
      enterprise_id: enterpriseId, equipment_id: id, inspected_on: input.inspectedOn, result: input.result, note: input.note, inspected_by: actor.userId, created_at: ctx.now,
    }).execute();
    const last = row.last_inspected_on !== null && row.last_inspected_on > input.inspectedOn ? row.last_inspected_on : input.inspectedOn;
    await tx.updateTable('rescue_equipment').set({
      last_inspected_on: last, next_inspection_due: nextInspectionDue(last, row.inspection_cycle_days, today), version: row.version + 1, updated_at: ctx.now,
    }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, {
      action: 'rescue.equipment.inspect', entityType: 'rescue_equipment', entityId: id, enterpriseId,
      before: { lastInspectedOn: row.last_inspected_on }, after: { ...input, lastInspectedOn: last },
    });
  });
  return equipmentById(db, ctx, enterpriseId, id);
}

// ---- contacts ----

type ContactRow = Awaited<ReturnType<typeof contactsOf>>[number];
const contactView = (c: ContactRow): EmergencyContactView => ({
  id: c.id, kind: c.kind, name: c.name, organisation: c.organisation, role: c.role, phone: c.phone, note: c.note, sort: c.sort, version: c.version,
});

export async function listContacts(db: Db, ctx: Ctx, enterpriseId: string): Promise<{ enterpriseName: string; items: EmergencyContactView[] }> {
  await reader(db, ctx, enterpriseId);
  const [name, rows] = await Promise.all([enterpriseName(db, enterpriseId), contactsOf(db, enterpriseId)]);
  return { enterpriseName: name, items: rows.map(contactView) };
}

async function contactById(db: Executor, enterpriseId: string, id: string): Promise<EmergencyContactView> {
  const row = await db.selectFrom('emergency_contacts').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return contactView(row);
}

const contactColumns = (input: EmergencyContactInput) => ({
  kind: input.kind, name: input.name, organisation: input.organisation, role: input.role, phone: input.phone, note: input.note, sort: input.sort,
});

export async function createContact(db: Db, ctx: Ctx, enterpriseId: string, input: EmergencyContactInput): Promise<EmergencyContactView> {
  await manager(db, ctx, enterpriseId);
  const id = await db.transaction().execute(async (tx) => {
    const { id } = await tx.insertInto('emergency_contacts').values({ enterprise_id: enterpriseId, ...contactColumns(input), created_at: ctx.now, updated_at: ctx.now })
      .returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'rescue.contact.create', entityType: 'emergency_contact', entityId: id, enterpriseId, after: input });
    return id;
  });
  return contactById(db, enterpriseId, id);
}

export async function updateContact(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: EmergencyContactUpdate): Promise<EmergencyContactView> {
  await manager(db, ctx, enterpriseId);
  const { version, ...after } = input;
  await db.transaction().execute(async (tx) => {
    const before = await lockFor(tx, 'emergency_contacts', enterpriseId, id, version);
    await tx.updateTable('emergency_contacts').set({ ...contactColumns(input), version: version + 1, updated_at: ctx.now })
      .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'rescue.contact.update', entityType: 'emergency_contact', entityId: id, enterpriseId, before: { name: before.name, phone: before.phone }, after });
  });
  return contactById(db, enterpriseId, id);
}

export async function deleteContact(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<{ ok: true }> {
  await managerOfRow(db, ctx, enterpriseId, 'emergency_contacts', id);
  await db.transaction().execute(async (tx) => {
    const before = await lockFor(tx, 'emergency_contacts', enterpriseId, id);
    await tx.deleteFrom('emergency_contacts').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'rescue.contact.delete', entityType: 'emergency_contact', entityId: id, enterpriseId, before: { name: before.name, phone: before.phone } });
  });
  return { ok: true };
}
