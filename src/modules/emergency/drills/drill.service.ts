import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { filesOf, loadFile, lockFiles, prepareFiles, storeFiles, type NewFile } from '../../../platform/files/attachments';
import { currentRules } from '../../../platform/rules';
import { enqueueOutbox, type OutboxMessage } from '../../../platform/outbox';
import { periodAt } from '../../../platform/periods';
import { localDay, localInstant, localYear } from '../../../platform/time';
import { abilitiesOf, bindWorkflow, operate, refusalError } from '../../../platform/workflow';
import { openHazardForRecord } from '../../hazards';
import {
  cancelSubjectPeriods, enterpriseOwes, ensureSubjectPeriod, fulfilByRecord, occurrencesOf, revertByRecord, triggerEvent,
} from '../../obligations';
import { emergencyRequirementsOf } from '../emergency.profile';
import { actionOverdue, drillWorkflow, recordKinds, type DrillActor, type DrillState } from './drill-workflow';
import { DRILL_FILE_OWNER } from './drill.policy';
import {
  accountsOfEmployees, actionCount, drillWorkCounts, activeEmployeeIds, drillActions, drillablePlans, drillEvents, drillOfFile, drillParticipants, employeeOfAccount,
  findAction, findDrill, insertActions, insertDrill, insertDrillEvent, issuedOnsitePlans, listDrillRows, listReportedRows, onsitePlansByStatus,
  planOf, planStatusHeld, principalAccountsOf, replaceParticipants, selectDrill, signedParticipantIds, updateAction, updateDrill, type ActionRow, type DrillRow,
} from './drill.repository';
import type {
  DrillAction, DrillDetail, DrillEvaluateInput, DrillInput, DrillListQuery, DrillPlan, DrillSummary, ReportedListQuery,
} from './drill.schema';
import { DRILL_DUTY } from './drills.obligations';
import { DRILL_RULES } from './drills.rule-sets';

/*
 * Emergency drills (issue 14 §3, R-EMG-2): a manager records a drill of one of the enterprise's plans, which fulfils
 * the drill duties in the same transaction (the yearly comprehensive/special drill; the principal's "ten ones" drill
 * when the principal organised it, decided by his own account; the on-site plan's half-year); the evaluation records
 * what worked, the problems and the follow-up actions, and may send the plan for revision; the sectors that must report
 * drills report them to the regulators, which fulfils the half-yearly reported drill; voiding reverts it all.
 */

/** The audit row's entity type and the obligations' record type of a drill. */
const DRILL = 'drill';
const ACTION = 'drill_action';

const REFUSAL_MESSAGE = {
  NOT_PRINCIPAL: 'drill.refused.notPrincipal',
  ALREADY_CONFIRMED: 'drill.refused.alreadyConfirmed',
  NOT_ENDED: 'drill.refused.notEnded',
  NOT_REQUIRED: 'drill.refused.notRequired',
} as const;

type Key = { enterpriseId: string; id: string };

/** The plan states in which an on-site plan owes its half-yearly drill. */
/** A plan in force: issued once and not withdrawn (a revision being drafted keeps its issued version in force). */
const inForce = (plan: { status: string; issued_at: Date | null }) => plan.issued_at !== null && plan.status !== 'withdrawn';

/**
 * R-EMG-2: the enterprise reports its drills when the `emergency` rule-set says so (reportDrills), or when it owes the
 * half-yearly reported drill duty (the obligations rule-set): a duty it owes can always be fulfilled.
 */
async function mustReport(db: Executor, enterpriseId: string): Promise<boolean> {
  const req = await emergencyRequirementsOf(db, enterpriseId);
  return req?.reportDrills === true || enterpriseOwes(db, enterpriseId, DRILL_DUTY.halfYear);
}

function mayWrite(actor: Actor, enterpriseId: string): boolean {
  return isEnterpriseManager(actor, enterpriseId) && can(actor, 'drill.write');
}

function relation(actor: Actor, row: Pick<DrillRow, 'enterprise_id' | 'viewer_is_principal_organiser'>): DrillActor {
  const manager = mayWrite(actor, row.enterprise_id);
  return {
    manager, reporter: manager && can(actor, 'drill.report'),
    principalOrganiser: Boolean(row.viewer_is_principal_organiser) && actor.role === 'enterprise_principal' && can(actor, 'drill.write'),
  };
}

const drillRecord = bindWorkflow({
  workflow: drillWorkflow,
  table: 'drills',
  key: (k: Key) => ({ enterprise_id: k.enterpriseId, id: k.id }),
  entityType: DRILL,
  entityId: (row: DrillRow) => row.id,
  enterpriseId: (row: DrillRow) => row.enterprise_id,
  select: (db, actor, k) => selectDrill(db, actor, k.enterpriseId, k.id),
  lockOf: 'd',
  relation,
  facts: async (db, ctx, row) => ({
    byPrincipal: row.by_principal,
    mustReport: await mustReport(db, row.enterprise_id),
    ended: row.ended_at.getTime() <= ctx.now.getTime(),
  }),
  abilityInput: {},
  history: async (tx, ctx, row, e) => insertDrillEvent(tx, requireActor(ctx).scope, row.enterprise_id, row.id, {
    op: e.op, from: e.from, to: e.to, actorId: requireActor(ctx).userId, at: ctx.now, note: e.note,
  }),
  messages: REFUSAL_MESSAGE,
});

const link = (enterpriseId: string, id: string) => `/enterprises/${enterpriseId}/drills/${id}`;

function notices(userIds: (string | null | undefined)[], kind: string, titleKey: string, bodyKey: string, params: Record<string, string | number>, to: string): OutboxMessage[] {
  return [...new Set(userIds.filter((u): u is string => !!u))].map((userId) => ({ topic: 'notify' as const, payload: { userId, kind, titleKey, bodyKey, params, link: to } }));
}

// ---- presenters ----

type SummaryRow = {
  id: string; enterprise_id: string; enterprise_name: string; plan_id: string; plan_title: string; plan_kind: DrillSummary['planKind'];
  form: DrillSummary['form']; scenario: string; started_at: Date; ended_at: Date; place: string; organiser_name: string; by_principal: boolean;
  status: DrillState; reported_at: Date | null; participant_count?: unknown; open_actions?: unknown; overdue_actions?: unknown;
};

function presentSummary(r: SummaryRow): DrillSummary {
  return {
    id: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, planId: r.plan_id, planTitle: r.plan_title, planKind: r.plan_kind,
    form: r.form, scenario: r.scenario, startedAt: r.started_at, endedAt: r.ended_at, place: r.place, organiserName: r.organiser_name,
    byPrincipal: r.by_principal, status: r.status, reportedAt: r.reported_at, participantCount: Number(r.participant_count ?? 0),
    openActions: Number(r.open_actions ?? 0), overdueActions: Number(r.overdue_actions ?? 0),
  };
}

function actionAbilities(actor: Actor, a: ActionRow, myEmployee: string | null) {
  const open = a.status === 'open' && a.drill_status !== 'voided';
  const manager = mayWrite(actor, a.enterprise_id);
  const owner = myEmployee !== null && a.owner_employee_id === myEmployee;
  return { done: open && (owner || manager), cancel: open && manager, openHazard: open && manager && a.hazard_id === null };
}

function presentAction(actor: Actor, a: ActionRow, today: string, myEmployee: string | null): DrillAction {
  return {
    id: a.id, drillId: a.drill_id, content: a.content, ownerEmployeeId: a.owner_employee_id, ownerName: a.owner_name, dueOn: a.due_on,
    status: a.status, overdue: actionOverdue(a.status, a.due_on, today), doneNote: a.done_note, doneAt: a.done_at, doneByName: a.done_by_name ?? null,
    hazardId: a.hazard_id, version: a.version, abilities: actionAbilities(actor, a, myEmployee),
  };
}

export async function getDrill(db: Executor, ctx: Ctx, enterpriseId: string, id: string): Promise<DrillDetail> {
  const actor = requireActor(ctx);
  const d = await findDrill(db, actor, enterpriseId, id);
  if (!d) throw notFound();
  const today = localDay(ctx.now);
  const [participants, actions, events, files, abilities, myEmployee, reports, rules] = await Promise.all([
    drillParticipants(db, actor, enterpriseId, id),
    drillActions(db, actor, enterpriseId, id),
    drillEvents(db, actor, enterpriseId, id),
    filesOf(db, enterpriseId, { type: DRILL_FILE_OWNER, id }),
    abilitiesOf(db, ctx, drillRecord, d),
    employeeOfAccount(db, actor.userId),
    mustReport(db, enterpriseId),
    currentRules(db, { enterpriseId }, DRILL_RULES),
  ]);
  const presented = actions.map((a) => presentAction(actor, a, today, myEmployee));
  return {
    ...presentSummary({
      ...d, participant_count: participants.length, open_actions: presented.filter((a) => a.status === 'open').length,
      overdue_actions: presented.filter((a) => a.overdue).length,
    }),
    organiserEmployeeId: d.organiser_employee_id, principalConfirmedAt: d.principal_confirmed_at, wentWell: d.went_well, problems: d.problems,
    planNeedsRevision: d.plan_needs_revision, evaluatedAt: d.evaluated_at, recordedByName: d.recorded_by_name ?? null, voidReason: d.void_reason,
    version: d.version, mustReport: reports,
    participants: participants.map((p) => ({ employeeId: p.employee_id, name: p.name, unitName: p.unit_name ?? null, signIn: p.sign_in, signedAt: p.signed_at })),
    actions: presented,
    files: files.map((f) => ({
      id: f.id, kind: f.kind === 'video' ? 'video' as const : 'photo' as const, name: f.name, mime: f.mime, size: f.size, locked: f.locked,
      url: `/api/v1/enterprises/${enterpriseId}/drill-files/${f.id}`,
    })),
    maxVideos: rules.value.maxVideos,
    events: events.map((e) => ({ op: e.op, from: e.from_status, to: e.to_status, actorName: e.display_name ?? null, at: e.at, note: e.note })),
    abilities: { ...abilities, upload: mayWrite(actor, enterpriseId) && d.status !== 'voided' },
  };
}

export async function listDrills(db: Db, ctx: Ctx, enterpriseId: string, q: DrillListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const year = q.year === undefined ? {} : { from: localInstant(q.year, 0, 1), before: localInstant(q.year + 1, 0, 1) };
  const { items, total } = await listDrillRows(db, actor, enterpriseId, { ...q, ...year, today: localDay(ctx.now) });
  return { items: items.map(presentSummary), total, page: q.page, pageSize: q.pageSize, canRecord: mayWrite(actor, enterpriseId) };
}

/** The regulators' list of reported drills in their scope (an enterprise's own people see their enterprise's). */
export async function listReportedDrills(db: Db, ctx: Ctx, q: ReportedListQuery) {
  const actor = requireActor(ctx);
  const { items, total } = await listReportedRows(db, actor, { ...q, today: localDay(ctx.now) });
  return { items: items.map(presentSummary), total, page: q.page, pageSize: q.pageSize };
}

// ---- recording ----

/**
 * The plan must be one of the enterprise's (not withdrawn), the people its active employees (400 at the field), the
 * drill ends after it starts and lies between 2000 and a day ahead. Returns the values to store.
 */
async function checkInput(tx: Tx, ctx: Ctx, enterpriseId: string, input: DrillInput) {
  const actor = requireActor(ctx);
  const startedAt = new Date(input.startedAt);
  const endedAt = new Date(input.endedAt);
  const issues: { path: string; message: string }[] = [];
  if (startedAt.getTime() < localInstant(2000, 0, 1).getTime() || startedAt.getTime() > ctx.now.getTime() + 86_400_000) {
    issues.push({ path: 'body.startedAt', message: 'drill.startedAtRange' });
  }
  if (endedAt.getTime() < startedAt.getTime() || endedAt.getTime() - startedAt.getTime() > 7 * 86_400_000) {
    issues.push({ path: 'body.endedAt', message: 'drill.endedAtRange' });
  }
  const plan = await planOf(tx, actor.scope, enterpriseId, input.planId);
  if (!plan || plan.status === 'withdrawn') issues.push({ path: 'body.planId', message: 'drill.planUnknown' });
  const active = await activeEmployeeIds(tx, actor.scope, enterpriseId, [input.organiserEmployeeId, ...input.participants.map((p) => p.employeeId)]);
  if (!active.has(input.organiserEmployeeId)) issues.push({ path: 'body.organiserEmployeeId', message: 'drill.employeeUnknown' });
  input.participants.forEach((p, i) => { if (!active.has(p.employeeId)) issues.push({ path: `body.participants.${i}.employeeId`, message: 'drill.employeeUnknown' }); });
  if (issues.length || !plan) throw new AppError('VALIDATION', { issues });
  return {
    plan,
    values: {
      plan_id: plan.id, plan_kind: plan.kind, form: input.form, scenario: input.scenario, started_at: startedAt, ended_at: endedAt,
      place: input.place, organiser_employee_id: input.organiserEmployeeId,
    },
  };
}

/**
 * R-RESP-5: the drill is the principal's own when he records it himself naming himself organiser (his account's
 * employee); anyone else's record waits for his confirmation.
 */
async function principalRecords(tx: Executor, actor: Actor, organiserEmployeeId: string): Promise<boolean> {
  if (actor.role !== 'enterprise_principal') return false;
  return (await employeeOfAccount(tx, actor.userId)) === organiserEmployeeId;
}

/** Fulfils, in the caller's transaction, the duties a recorded drill fulfils (R-EMG-2, R-RESP-5). */
async function fulfilDrill(tx: Tx, ctx: Ctx, enterpriseId: string, id: string, plan: { id: string; kind: 'comprehensive' | 'special' | 'onsite'; title: string; status: string; issued_at: Date | null },
  startedAt: Date, byPrincipal: boolean): Promise<void> {
  for (const record of recordKinds(plan.kind)) {
    if (record === 'emergency.drill_onsite') {
      // An issued plan's half-year may not be open yet (issued today, before the daily job): open it first. A plan not
      // yet issued owes nothing (R-EMG-2 counts the issued ones).
      if (inForce(plan)) await ensureSubjectPeriod(tx, ctx, { enterpriseId, key: DRILL_DUTY.onsite, subjectKey: plan.id, subjectLabel: plan.title, at: startedAt });
      await fulfilByRecord(tx, ctx, { enterpriseId, record, recordType: DRILL, recordId: id, at: startedAt, byPrincipal, subjectKey: plan.id });
    } else {
      await fulfilByRecord(tx, ctx, { enterpriseId, record, recordType: DRILL, recordId: id, at: startedAt, byPrincipal });
    }
  }
}

/** recordDrill: a manager records a drill; the duties it fulfils are fulfilled in the same transaction. */
export async function recordDrill(db: Db, ctx: Ctx, enterpriseId: string, input: DrillInput, txIn?: Tx): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const run = async (tx: Tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWrite(actor, enterpriseId)) throw forbidden();
    const { plan, values } = await checkInput(tx, ctx, enterpriseId, input);
    const byPrincipal = await principalRecords(tx, actor, input.organiserEmployeeId);
    const id = await insertDrill(tx, actor.scope, enterpriseId, {
      ...values, by_principal: byPrincipal, principal_confirmed_at: byPrincipal ? ctx.now : null, recorded_by: actor.userId, now: ctx.now,
    });
    await replaceParticipants(tx, actor.scope, enterpriseId, id, input.participants, ctx.now);
    await insertDrillEvent(tx, actor.scope, enterpriseId, id, { op: 'record', from: null, to: 'recorded', actorId: actor.userId, at: ctx.now, note: input.scenario.slice(0, 200) });
    await writeAudit(tx, ctx, { action: 'drill.record', entityType: DRILL, entityId: id, enterpriseId, after: { planId: plan.id, planKind: plan.kind, form: input.form, startedAt: input.startedAt, byPrincipal } });
    await fulfilDrill(tx, ctx, enterpriseId, id, plan, values.started_at, byPrincipal);
    // A drill the principal organised but someone else recorded waits for his own confirmation.
    if (!byPrincipal && plan.kind !== 'onsite') {
      const principals = await principalAccountsOf(tx, actor.scope, enterpriseId, input.organiserEmployeeId);
      await enqueueOutbox(tx, notices(principals.filter((u) => u !== actor.userId), 'drill.confirm', 'drill.notify.confirm.title', 'drill.notify.confirm.body', { scenario: input.scenario.slice(0, 60) }, link(enterpriseId, id)));
    }
    return { id };
  };
  return txIn ? run(txIn) : db.transaction().execute(run);
}

type Versioned = { version?: number };

/** editDrill: a manager corrects a recorded drill; what it fulfilled is reverted and fulfilled again by its new facts. */
export async function editDrill(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: DrillInput & Versioned): Promise<DrillDetail> {
  await operate(db, ctx, drillRecord, { enterpriseId, id }, 'update', { input: {}, expectedVersion: input.version }, async ({ tx, actor, row }) => {
    const { plan, values } = await checkInput(tx, ctx, enterpriseId, input);
    // The principal's own record stays his only while he remains the organiser.
    const byPrincipal = row.by_principal && row.organiser_employee_id === input.organiserEmployeeId;
    // A participant's signed sign-in is evidence of his presence: he stays on the list.
    const listed = new Set(input.participants.map((p) => p.employeeId));
    if ((await signedParticipantIds(tx, enterpriseId, id)).some((e) => !listed.has(e))) throw refusalError('SIGNED_IN', 'drill.refused.signedIn');
    await updateDrill(tx, actor.scope, enterpriseId, id, { ...values, by_principal: byPrincipal, principal_confirmed_at: byPrincipal ? row.principal_confirmed_at : null });
    await replaceParticipants(tx, actor.scope, enterpriseId, id, input.participants, ctx.now);
    await revertByRecord(tx, ctx, { enterpriseId, recordType: DRILL, recordId: id, reason: 'drill.edited' });
    await fulfilDrill(tx, ctx, enterpriseId, id, plan, values.started_at, byPrincipal);
    return { audit: { before: { planId: row.plan_id, startedAt: row.started_at, organiser: row.organiser_employee_id }, after: { planId: plan.id, startedAt: input.startedAt, organiser: input.organiserEmployeeId } } };
  });
  return getDrill(db, ctx, enterpriseId, id);
}

/** confirmPrincipal: the principal, by his own account, confirms he organised the drill (R-RESP-5: his "ten ones" drill). */
export async function confirmPrincipal(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: Versioned): Promise<DrillDetail> {
  await operate(db, ctx, drillRecord, { enterpriseId, id }, 'confirmPrincipal', { input: {}, expectedVersion: input.version }, async ({ tx, actor, row }) => {
    await updateDrill(tx, actor.scope, enterpriseId, id, { by_principal: true, principal_confirmed_at: ctx.now });
    if (row.plan_kind !== 'onsite') {
      await fulfilByRecord(tx, ctx, { enterpriseId, record: 'emergency.drill', recordType: DRILL, recordId: id, at: row.started_at, byPrincipal: true });
    }
  });
  return getDrill(db, ctx, enterpriseId, id);
}

/**
 * evaluate: a manager records the evaluation and the follow-up actions (owners notified); when the plan needs revising
 * the plan's revision duty opens (R-EMG-1: a drill's findings are a revision trigger).
 */
export async function evaluateDrill(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: DrillEvaluateInput): Promise<DrillDetail> {
  await operate(db, ctx, drillRecord, { enterpriseId, id }, 'evaluate', { input: {}, expectedVersion: input.version }, async ({ tx, actor, row }) => {
    const owners = await activeEmployeeIds(tx, actor.scope, enterpriseId, input.actions.map((a) => a.ownerEmployeeId));
    const today = localDay(ctx.now);
    const issues: { path: string; message: string }[] = [];
    input.actions.forEach((a, i) => {
      if (!owners.has(a.ownerEmployeeId)) issues.push({ path: `body.actions.${i}.ownerEmployeeId`, message: 'drill.employeeUnknown' });
      if (a.dueOn < today) issues.push({ path: `body.actions.${i}.dueOn`, message: 'drill.dueInPast' });
    });
    if (issues.length) throw new AppError('VALIDATION', { issues });
    await updateDrill(tx, actor.scope, enterpriseId, id, {
      went_well: input.wentWell, problems: input.problems, plan_needs_revision: input.planNeedsRevision, evaluated_by: actor.userId, evaluated_at: ctx.now,
    });
    await insertActions(tx, actor.scope, enterpriseId, id, input.actions, ctx.now, await actionCount(tx, enterpriseId, id));
    // The evaluated record is the drill's evidence: its photos and videos are kept as they are from now on.
    await lockFiles(tx, ctx, enterpriseId, { type: DRILL_FILE_OWNER, id });
    // A withdrawn plan (已废止) is revised no more: the drill's finding is recorded, no duty opens.
    if (input.planNeedsRevision && (await planStatusHeld(tx, enterpriseId, row.plan_id)) !== 'withdrawn') {
      await triggerEvent(tx, ctx, { enterpriseId, event: 'emergency.plan.revision_needed', at: ctx.now, subjectKey: row.plan_id, subjectLabel: row.plan_title });
    }
    const accounts = await accountsOfEmployees(tx, actor.scope, enterpriseId, input.actions.map((a) => a.ownerEmployeeId));
    return {
      audit: { actions: input.actions.length, planNeedsRevision: input.planNeedsRevision },
      outbox: notices(accounts.filter((u) => u !== actor.userId), 'drill.action', 'drill.notify.action.title', 'drill.notify.action.body', { scenario: row.scenario.slice(0, 60) }, link(enterpriseId, id)),
    };
  });
  return getDrill(db, ctx, enterpriseId, id);
}

/** report: a manager of a sector that must report drills reports an evaluated drill to the regulators (R-EMG-2). */
export async function reportDrill(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: Versioned): Promise<DrillDetail> {
  await operate(db, ctx, drillRecord, { enterpriseId, id }, 'report', { input: {}, expectedVersion: input.version }, async ({ tx, actor, row }) => {
    await updateDrill(tx, actor.scope, enterpriseId, id, { reported_by: actor.userId, reported_at: ctx.now });
    await fulfilByRecord(tx, ctx, { enterpriseId, record: 'emergency.drill_reported', recordType: DRILL, recordId: id, at: row.started_at, byPrincipal: false });
  });
  return getDrill(db, ctx, enterpriseId, id);
}

/** void: a manager voids a drill with a reason; every duty it fulfilled is reverted in the same transaction. */
export async function voidDrill(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { reason: string } & Versioned): Promise<DrillDetail> {
  await operate(db, ctx, drillRecord, { enterpriseId, id }, 'void', { input: {}, expectedVersion: input.version }, async ({ tx, actor }) => {
    await updateDrill(tx, actor.scope, enterpriseId, id, { void_reason: input.reason, voided_by: actor.userId, voided_at: ctx.now });
    await revertByRecord(tx, ctx, { enterpriseId, recordType: DRILL, recordId: id, reason: input.reason });
    return { note: input.reason, audit: { reason: input.reason } };
  });
  return getDrill(db, ctx, enterpriseId, id);
}

// ---- follow-up actions ----

async function actionStep(db: Db, ctx: Ctx, enterpriseId: string, id: string, version: number | undefined,
  decide: (a: { manager: boolean; owner: boolean; row: ActionRow }) => void,
  change: (tx: Tx, actor: Actor, row: ActionRow) => Promise<{ action: string; after: Record<string, unknown> }>): Promise<DrillAction> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const myEmployee = await employeeOfAccount(db, actor.userId);
  await db.transaction().execute(async (tx) => {
    const row = await findAction(tx, actor, enterpriseId, id, { lock: true });
    if (!row) throw notFound();
    const manager = mayWrite(actor, enterpriseId);
    const owner = myEmployee !== null && row.owner_employee_id === myEmployee;
    decide({ manager, owner, row });
    if (version !== undefined && version !== row.version) throw refusalError('STALE');
    if (row.status !== 'open' || row.drill_status === 'voided') throw refusalError('STATE', 'drill.refused.actionClosed');
    const { action, after } = await change(tx, actor, row);
    await writeAudit(tx, ctx, { action, entityType: ACTION, entityId: row.id, enterpriseId, before: { status: row.status }, after });
  });
  const row = await findAction(db, actor, enterpriseId, id);
  if (!row) throw notFound();
  return presentAction(actor, row, localDay(ctx.now), myEmployee);
}

/** An action's owner or a manager reports it done, with what was done. */
export function completeAction(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return actionStep(db, ctx, enterpriseId, id, input.version, ({ manager, owner }) => { if (!manager && !owner) throw forbidden(); },
    async (tx, actor, row) => {
      await updateAction(tx, actor.scope, row, { status: 'done', done_note: input.note, done_by: actor.userId, done_at: ctx.now, updated_at: ctx.now });
      return { action: 'drill_action.done', after: { status: 'done', note: input.note } };
    });
}

/** A manager cancels an action, with the reason. */
export function cancelAction(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { reason: string } & Versioned) {
  return actionStep(db, ctx, enterpriseId, id, input.version, ({ manager }) => { if (!manager) throw forbidden(); },
    async (tx, actor, row) => {
      await updateAction(tx, actor.scope, row, { status: 'cancelled', done_note: input.reason, done_by: actor.userId, done_at: ctx.now, updated_at: ctx.now });
      return { action: 'drill_action.cancel', after: { status: 'cancelled', reason: input.reason } };
    });
}

/** A manager opens a hidden hazard from an action's problem, through the hazards module's door (once per action). */
export function openActionHazard(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { location: string } & Versioned) {
  return actionStep(db, ctx, enterpriseId, id, input.version, ({ manager, row }) => {
    if (!manager) throw forbidden();
    if (row.hazard_id !== null) throw refusalError('STATE', 'drill.refused.hazardOpened');
  }, async (tx, actor, row) => {
    const hazard = await openHazardForRecord(tx, ctx, enterpriseId, {
      title: row.content.slice(0, 100), description: `应急演练发现的问题：${row.content}`, location: input.location || row.drill_scenario.slice(0, 100), hazardClass: 'management',
    });
    await updateAction(tx, actor.scope, row, { hazard_id: hazard.id, updated_at: ctx.now });
    return { action: 'drill_action.hazard', after: { hazardId: hazard.id, code: hazard.code } };
  });
}

// ---- files ----

/**
 * A manager adds photos (`file`) and videos (`video`, at most the `drills` rule-set's number per drill) to a drill that
 * is not voided. Each is judged by its kind before the transaction (413/415); a drill already evaluated or reported
 * locks them at once, as its evaluation locked the others.
 */
export async function uploadDrillFiles(db: Db, ctx: Ctx, enterpriseId: string, id: string, photos: NewFile[], videos: NewFile[] = []): Promise<string[]> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const seen = await findDrill(db, actor, enterpriseId, id);
  if (!seen) throw notFound();
  if (!mayWrite(actor, enterpriseId)) throw forbidden();
  if (photos.length + videos.length === 0) throw invalid('body.file', 'attachment.missing');
  const { maxVideos } = (await currentRules(db, { enterpriseId }, DRILL_RULES)).value;
  if (videos.length > maxVideos) throw tooManyVideos(maxVideos);
  const [preparedPhotos, preparedVideos] = await Promise.all([prepareFiles('photo', photos, ctx.now), prepareFiles('video', videos, ctx.now, 'body.video')]);
  return db.transaction().execute(async (tx) => {
    const d = await findDrill(tx, actor, enterpriseId, id, { lock: true });
    if (!d) throw notFound();
    if (d.status === 'voided') throw refusalError('STATE');
    const owner = { type: DRILL_FILE_OWNER, id };
    if (videos.length) {
      // Counted under the drill's lock, so two uploads at once cannot both pass the limit.
      const had = (await filesOf(tx, enterpriseId, owner)).filter((f) => f.kind === 'video').length;
      if (had + videos.length > maxVideos) throw tooManyVideos(maxVideos);
    }
    const stored = [
      ...await storeFiles(tx, ctx, enterpriseId, 'photo', preparedPhotos, { ...owner, role: 'photo' }),
      ...await storeFiles(tx, ctx, enterpriseId, 'video', preparedVideos, { ...owner, role: 'video' }, { path: 'body.video' }),
    ];
    if (d.status !== 'recorded') await lockFiles(tx, ctx, enterpriseId, owner);
    return stored.map((f) => f.id);
  });
}

const tooManyVideos = (max: number) => new AppError('VALIDATION', { issues: [{ path: 'body.video', message: 'drill.videos.tooMany', params: { max } }] });

export async function readDrillFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const drillId = await drillOfFile(db, actor.scope, enterpriseId, fileId);
  const d = drillId && await findDrill(db, actor, enterpriseId, drillId);
  const file = d && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

// ---- the drill plan (R-EMG-2) ----

/**
 * Opens, in the caller's transaction, the current and next half-year of one issued on-site disposal plan (R-EMG-2);
 * returns how many it opened. Issuing a plan calls it, so the drill plan shows the new plan's half-year at once.
 */
export async function openOnsitePeriods(tx: Tx, ctx: Ctx, plan: { enterpriseId: string; id: string; title: string }): Promise<number> {
  let opened = 0;
  for (const at of [ctx.now, periodAt('half_yearly', ctx.now).dueAt]) {
    if (await ensureSubjectPeriod(tx, ctx, { enterpriseId: plan.enterpriseId, key: DRILL_DUTY.onsite, subjectKey: plan.id, subjectLabel: plan.title, at })) opened++;
  }
  return opened;
}

/**
 * The daily job, in the caller's transaction: opens the current and next half-year of every issued on-site disposal
 * plan and cancels the open half-years of withdrawn plans. Only writers call it: the drill plan (a GET) only reads.
 */
export async function syncOnsitePeriods(tx: Tx, ctx: Ctx): Promise<number> {
  let opened = 0;
  for (const p of await onsitePlansByStatus(tx, 'issued')) opened += await openOnsitePeriods(tx, ctx, { enterpriseId: p.enterprise_id, id: p.id, title: p.title });
  for (const p of await onsitePlansByStatus(tx, 'withdrawn')) {
    await cancelSubjectPeriods(tx, ctx, { enterpriseId: p.enterprise_id, keys: [DRILL_DUTY.onsite], subjectKey: p.id, reason: '现场处置方案已废止' });
  }
  return opened;
}

/** The year's drill plan of an enterprise: each duty of R-EMG-2 and where it stands, per half-year and per on-site plan. */
export async function drillPlanOf(db: Db, ctx: Ctx, enterpriseId: string, year: number | undefined): Promise<DrillPlan> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const y = year ?? localYear(ctx.now);
  const halves = [`${y}-H1`, `${y}-H2`];
  const req = await emergencyRequirementsOf(db, enterpriseId);
  const rows = await occurrencesOf(db, enterpriseId, [DRILL_DUTY.yearly, DRILL_DUTY.halfYear, DRILL_DUTY.onsite, 'resp.ten.drill'], [String(y), ...halves]);
  const duty = (key: string, periodKey: string, subject = '') => {
    const r = rows.find((o) => o.definition_key === key && o.period_key === periodKey && o.subject_key === subject);
    return { periodKey, status: r?.status ?? 'none' as const, dueOn: r?.due_on ?? null, drillId: r?.record_type === DRILL ? r.record_id : null };
  };
  const onsitePlans = await issuedOnsitePlans(db, actor.scope, enterpriseId);
  const subjects = new Map<string, string>(onsitePlans.map((p) => [p.id, p.title]));
  for (const r of rows) if (r.definition_key === DRILL_DUTY.onsite && !subjects.has(r.subject_key)) subjects.set(r.subject_key, r.subject_label);
  return {
    year: y,
    yearly: duty(DRILL_DUTY.yearly, String(y)),
    principal: duty('resp.ten.drill', String(y)),
    halfYear: {
      owed: req?.halfYearlyDrills === true || await enterpriseOwes(db, enterpriseId, DRILL_DUTY.halfYear),
      report: await mustReport(db, enterpriseId),
      periods: halves.map((h) => duty(DRILL_DUTY.halfYear, h)),
    },
    onsite: [...subjects].map(([planId, title]) => ({ planId, title, periods: halves.map((h) => duty(DRILL_DUTY.onsite, h, planId)) })),
    plans: (await drillablePlans(db, actor.scope, enterpriseId)).map((p) => ({ id: p.id, kind: p.kind, title: p.title, status: p.status })),
    canRecord: mayWrite(actor, enterpriseId),
  };
}

/** The caller's drill work for the workbench (his confirmations as principal, his open actions). */
export async function drillWorkOf(db: Executor, ctx: Ctx, enterpriseId: string) {
  return drillWorkCounts(db, requireActor(ctx), enterpriseId, localDay(ctx.now));
}
