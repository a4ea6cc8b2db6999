import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { deleteFile, filesOf, loadFile, lockFiles, prepareFiles, storeFiles, type NewFile } from '../../../platform/files/attachments';
import { enqueueOutbox, type OutboxMessage } from '../../../platform/outbox';
import { periodAt } from '../../../platform/periods';
import { localDay, localInstant } from '../../../platform/time';
import { abilitiesOf, bindWorkflow, operate, refusalError, type EffectResult } from '../../../platform/workflow';
import { fulfilByRecord, revertByRecord } from '../../obligations';
import { actionOverdue, fulfilledRecord, meetingWorkflow, type MeetingActor, type MeetingOp, type MeetingState, type Refusal } from './meeting-workflow';
import { MEETING_FILE_OWNER } from './meeting.policy';
import {
  accountOfEmployee, accountsOfEmployees, activeEmployeeIds, cancelOpenDecisions, countMeetingWork, employeeOfAccount, findAction, findMeeting,
  findVoidedMeeting, insertMeeting, insertMeetingEvent, listActionRows, listMeetingRows, meetingAttendees, meetingDecisions, meetingEvents,
  meetingOfFile, replaceAttendees, replaceDecisions, selectMeeting, updateAction, updateMeeting, type ActionRow, type MeetingRow,
} from './meeting.repository';
import {
  MEETING_FILE_ROLES, type ActionListQuery, type MeetingAction, type MeetingCreateInput, type MeetingDetail, type MeetingFileRole,
  type MeetingInput, type MeetingListQuery, type MeetingSummary,
} from './meeting.schema';

/*
 * Safety meetings (issue 11 §8, R-RESP-5): the principal or a safety manager records a meeting as a draft and may edit
 * it; the chair confirms the minutes with his own account, which locks the record and its files and, for a safety
 * meeting or a 职代会 session with the safety work report, fulfils the principal's duty in the same transaction; a
 * manager voids a record with a reason (its duty is reverted in that transaction) and records the correction anew.
 * Decisions become tracked actions their owners report done.
 */

/** The audit row's record type and the obligations' record type of a meeting. */
const MEETING = 'meeting';

const REFUSAL_MESSAGE: Partial<Record<Refusal, string>> = {
  NOT_CHAIR: 'meeting.refused.notChair',
  NOT_HELD_YET: 'meeting.refused.notHeldYet',
  MINUTES_REQUIRED: 'meeting.refused.minutesRequired',
};

type Versioned = { version?: number };
type Key = { enterpriseId: string; id: string };

/** A manager of the meeting's enterprise who records meetings: its principal or a safety manager. */
function mayRecord(actor: Actor, enterpriseId: string): boolean {
  return isEnterpriseManager(actor, enterpriseId) && can(actor, 'meeting.record');
}

function relation(actor: Actor, row: Pick<MeetingRow, 'enterprise_id' | 'viewer_chairs'>): MeetingActor {
  return { manager: mayRecord(actor, row.enterprise_id), chair: Boolean(row.viewer_chairs) && can(actor, 'meeting.act') };
}

async function hasFile(db: Executor, row: Pick<MeetingRow, 'enterprise_id' | 'id'>, role: MeetingFileRole): Promise<boolean> {
  return (await filesOf(db, row.enterprise_id, { type: MEETING_FILE_OWNER, id: row.id })).some((f) => f.role === role);
}

/** How a meeting is bound to its table: the scoped select locked by `operate()`, the caller's relation, the guards' facts. */
const meetingRecord = bindWorkflow({
  workflow: meetingWorkflow,
  table: 'meetings',
  key: (k: Key) => ({ enterprise_id: k.enterpriseId, id: k.id }),
  entityType: MEETING,
  entityId: (row: MeetingRow) => row.id,
  enterpriseId: (row: MeetingRow) => row.enterprise_id,
  select: (db, actor, k) => selectMeeting(db, actor, k.enterpriseId, k.id),
  lockOf: 'm',
  relation,
  facts: async (db, ctx, row) => ({
    held: row.held_at.getTime() <= ctx.now.getTime(),
    hasMinutes: row.minutes.trim() !== '' || await hasFile(db, row, 'minutes'),
  }),
  abilityInput: {},
  history: async (tx, ctx, row, e) => insertMeetingEvent(tx, requireActor(ctx).scope, row.enterprise_id, row.id, {
    op: e.op, from: e.from, to: e.to, actorId: requireActor(ctx).userId, at: ctx.now, note: e.note,
  }),
  messages: REFUSAL_MESSAGE,
});

const link = (enterpriseId: string, id: string) => `/enterprises/${enterpriseId}/meetings/${id}`;

function notices(userIds: (string | null | undefined)[], kind: string, titleKey: string, bodyKey: string, params: Record<string, string | number>, to: string): OutboxMessage[] {
  return [...new Set(userIds.filter((u): u is string => !!u))].map((userId) => ({ topic: 'notify' as const, payload: { userId, kind, titleKey, bodyKey, params, link: to } }));
}

/** The district's date today (local time): actions are overdue from the local midnight after their due date. */
const todayOf = (ctx: Ctx) => localDay(ctx.now);

// ---- presenters ----

function presentSummary(r: {
  id: string; type: MeetingSummary['type']; title: string; held_at: Date; place: string; chair_employee_id: string; chair_name: string;
  status: MeetingState; confirmed_at: Date | null; attendee_count?: unknown; decision_count?: unknown; open_actions?: unknown; overdue_actions?: unknown;
}): MeetingSummary {
  return {
    id: r.id, type: r.type, title: r.title, heldAt: r.held_at, place: r.place, quarter: periodAt('quarterly', r.held_at).key,
    chairEmployeeId: r.chair_employee_id, chairName: r.chair_name, status: r.status, confirmedAt: r.confirmed_at,
    attendeeCount: Number(r.attendee_count ?? 0), decisionCount: Number(r.decision_count ?? 0),
    openActions: Number(r.open_actions ?? 0), overdueActions: Number(r.overdue_actions ?? 0),
  };
}

/** What the caller may do with an action: its owner or a manager reports it done, a manager cancels it. */
function actionAbilities(actor: Actor, a: ActionRow, myEmployee: string | null) {
  const open = a.status === 'open' && a.meeting_status === 'confirmed';
  const manager = mayRecord(actor, a.enterprise_id);
  const owner = a.owner_account_id === actor.userId || (myEmployee !== null && a.owner_employee_id === myEmployee);
  return { done: open && can(actor, 'meeting.act') && (owner || manager), cancel: open && manager };
}

function presentAction(actor: Actor, a: ActionRow, today: string, myEmployee: string | null): MeetingAction {
  return {
    id: a.id, meetingId: a.meeting_id, meetingTitle: a.meeting_title, meetingType: a.meeting_type, meetingHeldAt: a.meeting_held_at,
    content: a.content, ownerEmployeeId: a.owner_employee_id, ownerName: a.owner_name, ownerHasAccount: a.owner_account_id !== null,
    dueOn: a.due_on, status: a.status, overdue: actionOverdue(a.status, a.due_on, today), doneNote: a.done_note, doneAt: a.done_at,
    doneByName: a.done_by_name ?? null, version: a.version, abilities: actionAbilities(actor, a, myEmployee),
  };
}

export async function getMeeting(db: Executor, ctx: Ctx, enterpriseId: string, id: string): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  const m = await findMeeting(db, actor, enterpriseId, id);
  if (!m) throw notFound();
  const today = todayOf(ctx);
  const [attendees, decisions, events, files, abilities, myEmployee] = await Promise.all([
    meetingAttendees(db, actor, enterpriseId, id),
    meetingDecisions(db, actor, enterpriseId, id),
    meetingEvents(db, actor, enterpriseId, id),
    filesOf(db, enterpriseId, { type: MEETING_FILE_OWNER, id }),
    abilitiesOf(db, ctx, meetingRecord, m),
    employeeOfAccount(db, actor.userId),
  ]);
  const manager = mayRecord(actor, enterpriseId);
  const actions = decisions.map((d) => presentAction(actor, d, today, myEmployee));
  return {
    ...presentSummary({
      ...m, attendee_count: attendees.length, decision_count: decisions.length,
      open_actions: actions.filter((a) => a.status === 'open').length, overdue_actions: actions.filter((a) => a.overdue).length,
    }),
    enterpriseId, agenda: m.agenda, minutes: m.minutes, version: m.version,
    chairUserId: m.chair_user_id, chairHasAccount: m.chair_account_id !== null, chairIsPrincipal: m.chair_is_principal,
    recordedByName: m.recorded_by_name ?? null, confirmedByName: m.confirmed_by_name ?? null,
    voidReason: m.void_reason, voidedAt: m.voided_at, replacesId: m.replaces_id, replacedById: m.replaced_by_id,
    attendees: attendees.map((a) => ({ employeeId: a.employee_id, name: a.name, unitName: a.unit_name ?? null })),
    decisions: actions.map(({ meetingId: _m, meetingTitle: _t, meetingType: _y, meetingHeldAt: _h, ...rest }) => rest),
    files: files.map((f) => ({
      id: f.id, role: (MEETING_FILE_ROLES as readonly string[]).includes(f.role) ? f.role as MeetingFileRole : 'minutes', name: f.name, mime: f.mime, size: f.size,
      locked: f.locked, url: `/api/v1/enterprises/${enterpriseId}/meeting-files/${f.id}`,
    })),
    events: events.map((e) => ({ op: e.op, from: e.from_status, to: e.to_status, actorName: e.display_name, at: e.at, note: e.note })),
    fulfils: fulfilledRecord(m.type, files.some((f) => f.role === 'report')),
    abilities: {
      ...abilities,
      upload: manager && m.status === 'draft',
      correct: manager && m.status === 'voided' && m.replaced_by_id === null,
    },
  };
}

export async function listMeetings(db: Db, ctx: Ctx, enterpriseId: string, q: MeetingListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const year = q.year === undefined ? {} : { heldFrom: localInstant(q.year, 0, 1), heldBefore: localInstant(q.year + 1, 0, 1) };
  const { items, total } = await listMeetingRows(db, actor, enterpriseId, { ...q, ...year, today: todayOf(ctx) });
  return { items: items.map(presentSummary), total, page: q.page, pageSize: q.pageSize, canRecord: mayRecord(actor, enterpriseId) };
}

// ---- recording and editing ----

/**
 * The people a meeting names must be active employees of the enterprise (400 at the field otherwise); a decision is
 * not due before the meeting's day; the meeting's time lies between 2000 and a year ahead. Returns the values to store.
 */
async function checkInput(tx: Tx, ctx: Ctx, enterpriseId: string, input: MeetingInput) {
  const actor = requireActor(ctx);
  const heldAt = new Date(input.heldAt);
  if (heldAt.getTime() < localInstant(2000, 0, 1).getTime() || heldAt.getTime() > ctx.now.getTime() + 366 * 86_400_000) {
    throw invalid('body.heldAt', 'meeting.heldAtRange');
  }
  const named = [input.chairEmployeeId, ...input.attendeeIds, ...input.decisions.map((d) => d.ownerEmployeeId)];
  const active = await activeEmployeeIds(tx, actor.scope, enterpriseId, named);
  const issues: { path: string; message: string }[] = [];
  if (!active.has(input.chairEmployeeId)) issues.push({ path: 'body.chairEmployeeId', message: 'meeting.employeeUnknown' });
  input.attendeeIds.forEach((id, i) => { if (!active.has(id)) issues.push({ path: `body.attendeeIds.${i}`, message: 'meeting.employeeUnknown' }); });
  const heldDay = localDay(heldAt);
  input.decisions.forEach((d, i) => {
    if (!active.has(d.ownerEmployeeId)) issues.push({ path: `body.decisions.${i}.ownerEmployeeId`, message: 'meeting.employeeUnknown' });
    if (d.dueOn !== null && d.dueOn < heldDay) issues.push({ path: `body.decisions.${i}.dueOn`, message: 'meeting.dueBeforeMeeting' });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  // The chair's account is notified to confirm; the chair confirms with whichever active account he has then.
  const chairAccount = await accountOfEmployee(tx, actor.scope, enterpriseId, input.chairEmployeeId);
  return {
    values: {
      type: input.type, title: input.title, held_at: heldAt, place: input.place, chair_employee_id: input.chairEmployeeId,
      chair_user_id: chairAccount?.id ?? null, agenda: input.agenda, minutes: input.minutes,
    },
    chairAccount,
  };
}

/** What an audit row keeps of a meeting's content. */
const auditOf = (input: MeetingInput) => ({
  type: input.type, title: input.title, heldAt: input.heldAt, place: input.place, chairEmployeeId: input.chairEmployeeId,
  attendees: input.attendeeIds.length, decisions: input.decisions.length,
});

/** recordMeeting: a manager records a meeting as a draft (or a correction of a voided one); its chair is asked to confirm. */
export async function recordMeeting(db: Db, ctx: Ctx, enterpriseId: string, input: MeetingCreateInput, txIn?: Tx): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const run = async (tx: Tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayRecord(actor, enterpriseId)) throw forbidden();
    const { values, chairAccount } = await checkInput(tx, ctx, enterpriseId, input);
    let replacesId: string | null = null;
    if (input.replacesId) {
      const old = await findVoidedMeeting(tx, actor, enterpriseId, input.replacesId);
      if (!old || old.status !== 'voided') throw invalid('body.replacesId', 'meeting.replacesNotVoided');
      replacesId = old.id;
    }
    const id = await insertMeeting(tx, actor.scope, enterpriseId, values, { by: actor.userId, at: ctx.now, replacesId, note: input.title });
    await replaceAttendees(tx, actor.scope, enterpriseId, id, input.attendeeIds);
    await replaceDecisions(tx, actor.scope, enterpriseId, id, input.decisions, ctx.now);
    await writeAudit(tx, ctx, { action: 'meeting.record', entityType: MEETING, entityId: id, enterpriseId, after: { ...auditOf(input), ...(replacesId ? { replacesId } : {}) } });
    if (chairAccount && chairAccount.id !== actor.userId) {
      await enqueueOutbox(tx, notices([chairAccount.id], 'meeting.confirm', 'meeting.notify.confirm.title', 'meeting.notify.confirm.body', { title: input.title }, link(enterpriseId, id)));
    }
    return { id };
  };
  return txIn ? run(txIn) : db.transaction().execute(run);
}

/** One step of the record's workflow, then the detail as the caller now sees it. */
async function step(db: Db, ctx: Ctx, enterpriseId: string, id: string, op: MeetingOp, version: number | undefined,
  effect: (c: { tx: Tx; actor: Actor; row: MeetingRow; from: MeetingState }) => Promise<EffectResult | void>, txIn?: Tx): Promise<MeetingDetail> {
  await operate(txIn ?? db, ctx, meetingRecord, { enterpriseId, id }, op, { input: {}, expectedVersion: version }, ({ tx, actor, row, from }) => effect({ tx, actor, row, from }));
  return getMeeting(txIn ?? db, ctx, enterpriseId, id);
}

/** updateMeeting: a manager edits a draft (its content, attendees and decisions, replaced as sent). */
export function editMeeting(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: MeetingInput & Versioned) {
  return step(db, ctx, enterpriseId, id, 'update', input.version, async ({ tx, actor, row }) => {
    const { values } = await checkInput(tx, ctx, enterpriseId, input);
    await updateMeeting(tx, actor.scope, enterpriseId, id, values);
    await replaceAttendees(tx, actor.scope, enterpriseId, id, input.attendeeIds);
    await replaceDecisions(tx, actor.scope, enterpriseId, id, input.decisions, ctx.now);
    return { audit: { before: { title: row.title, heldAt: row.held_at, chairEmployeeId: row.chair_employee_id }, after: auditOf(input) } };
  });
}

/**
 * confirmMeeting: the chair confirms the minutes with his own account. The record and its files are locked, its
 * decisions become tracked actions (their owners are told), and — R-RESP-5 — the duty it fulfils is fulfilled in the
 * same transaction; the principal's own act only when the principal chairs and confirms it himself.
 */
export function confirmMeeting(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned, txIn?: Tx) {
  return step(db, ctx, enterpriseId, id, 'confirm', input.version, async ({ tx, actor, row }) => {
    await updateMeeting(tx, actor.scope, enterpriseId, id, { confirmed_by: actor.userId, confirmed_at: ctx.now, chair_user_id: actor.userId });
    await lockFiles(tx, ctx, enterpriseId, { type: MEETING_FILE_OWNER, id });
    const record = fulfilledRecord(row.type, await hasFile(tx, row, 'report'));
    // R-RESP-5: a duty owed by the principal is fulfilled only by the principal's own act: he chairs and confirms.
    const byPrincipal = actor.role === 'enterprise_principal' && isEnterpriseManager(actor, enterpriseId);
    const fulfilled = record
      ? await fulfilByRecord(tx, ctx, { enterpriseId, record, recordType: MEETING, recordId: id, at: row.held_at, byPrincipal, note: row.title })
      : 0;
    const owners = (await meetingDecisions(tx, actor, enterpriseId, id)).filter((d) => d.status === 'open').map((d) => d.owner_employee_id);
    const recipients = (await accountsOfEmployees(tx, actor.scope, enterpriseId, owners)).filter((u) => u !== actor.userId);
    return {
      note: input.note,
      audit: { record, byPrincipal, fulfilled },
      outbox: notices(recipients, 'meeting.action', 'meeting.notify.action.title', 'meeting.notify.action.body', { title: row.title }, link(enterpriseId, id)),
    };
  }, txIn);
}

/**
 * voidMeeting: a manager voids a record with its reason (a correction is then recorded anew, naming it). Its open
 * actions are cancelled, and what its confirmation fulfilled is reverted in the same transaction.
 */
export function voidMeeting(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { reason: string } & Versioned) {
  return step(db, ctx, enterpriseId, id, 'void', input.version, async ({ tx, actor, from }) => {
    await updateMeeting(tx, actor.scope, enterpriseId, id, { void_reason: input.reason, voided_by: actor.userId, voided_at: ctx.now });
    const cancelled = await cancelOpenDecisions(tx, actor.scope, enterpriseId, id, { note: input.reason, by: actor.userId, at: ctx.now });
    const reverted = from === 'confirmed' ? await revertByRecord(tx, ctx, { enterpriseId, recordType: MEETING, recordId: id, reason: input.reason }) : 0;
    return { note: input.reason, audit: { reason: input.reason, cancelledActions: cancelled, reverted } };
  });
}

// ---- files ----

/** The kind of file each role takes: photos, else a PDF document (the minutes, the safety work report). */
const kindOf = (role: MeetingFileRole) => (role === 'photo' ? 'photo' as const : 'document' as const);

/** Files attached to a draft by a manager: judged before the transaction, stored and linked under the meeting's lock. */
export async function uploadMeetingFiles(db: Db, ctx: Ctx, enterpriseId: string, id: string, role: string | undefined, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const seen = await findMeeting(db, actor, enterpriseId, id);
  if (!seen) throw notFound();
  if (!mayRecord(actor, enterpriseId)) throw forbidden();
  if (!role || !(MEETING_FILE_ROLES as readonly string[]).includes(role)) throw invalid('body.role', 'meeting.fileRole');
  if (files.length === 0) throw invalid('body.file', 'attachment.missing');
  const kind = kindOf(role as MeetingFileRole);
  // D16: judged (and a photo encoded again) before the transaction opens.
  const prepared = await prepareFiles(kind, files, ctx.now);
  return db.transaction().execute(async (tx) => {
    const m = await findMeeting(tx, actor, enterpriseId, id, { lock: true });
    if (!m) throw notFound();
    // A confirmed meeting's files are locked evidence; a voided one is corrected by a new record.
    if (m.status !== 'draft') throw refusalError('STATE', 'meeting.refused.locked');
    const stored = await storeFiles(tx, ctx, enterpriseId, kind, prepared, { type: MEETING_FILE_OWNER, id, role });
    return stored.map((f) => f.id);
  });
}

/** A meeting's file, if the caller sees the meeting it is attached to. */
export async function readMeetingFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const meetingId = await meetingOfFile(db, actor.scope, enterpriseId, fileId);
  const m = meetingId && await findMeeting(db, actor, enterpriseId, meetingId);
  const file = m && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

/** A file taken off a draft by a manager (a confirmed meeting's files are locked: 409 ATTACHMENT_LOCKED). */
export async function deleteMeetingFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string): Promise<void> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  await db.transaction().execute(async (tx) => {
    const meetingId = await meetingOfFile(tx, actor.scope, enterpriseId, fileId);
    const m = meetingId && await findMeeting(tx, actor, enterpriseId, meetingId, { lock: true });
    if (!m) throw notFound();
    if (!mayRecord(actor, enterpriseId)) throw forbidden();
    if (m.status !== 'draft') throw refusalError('STATE', 'meeting.refused.locked');
    await deleteFile(tx, ctx, enterpriseId, fileId, { actor });
  });
}

// ---- tracked actions ----

export async function listActions(db: Db, ctx: Ctx, enterpriseId: string, q: ActionListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const today = todayOf(ctx);
  const [{ items, total }, myEmployee] = await Promise.all([listActionRows(db, actor, enterpriseId, q, today), employeeOfAccount(db, actor.userId)]);
  return { items: items.map((a) => presentAction(actor, a, today, myEmployee)), total, page: q.page, pageSize: q.pageSize };
}

/** An action's step: read under its row lock, who may act before the state (D19), then the version the client saw. */
async function actOnAction(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned, op: 'done' | 'cancel'): Promise<MeetingAction> {
  const actor = requireActor(ctx);
  const today = todayOf(ctx);
  return db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    const a = await findAction(tx, actor, enterpriseId, id, { lock: true });
    if (!a) throw notFound();
    const myEmployee = await employeeOfAccount(tx, actor.userId);
    const manager = mayRecord(actor, enterpriseId);
    const owner = a.owner_account_id === actor.userId || (myEmployee !== null && a.owner_employee_id === myEmployee);
    if (op === 'done' ? !(can(actor, 'meeting.act') && (owner || manager)) : !manager) throw refusalError('FORBIDDEN');
    if (input.version !== undefined && input.version !== a.version) throw refusalError('STALE');
    if (a.status !== 'open' || a.meeting_status !== 'confirmed') throw refusalError('STATE');
    const status = op === 'done' ? 'done' as const : 'cancelled' as const;
    if (!await updateAction(tx, actor.scope, enterpriseId, id, a.version, { status, done_note: input.note, done_by: actor.userId, done_at: ctx.now, updated_at: ctx.now })) {
      throw refusalError('STALE');
    }
    await writeAudit(tx, ctx, {
      action: op === 'done' ? 'meeting_action.done' : 'meeting_action.cancel', entityType: 'meeting_action', entityId: id, enterpriseId,
      before: { status: a.status }, after: { status, note: input.note, meetingId: a.meeting_id, overdue: actionOverdue(a.status, a.due_on, today) },
    });
    const row = await findAction(tx, actor, enterpriseId, id);
    if (!row) throw notFound();
    return presentAction(actor, row, today, myEmployee);
  });
}

/** The owner (or a manager) reports an action done, with a note on what was done. */
export function completeAction(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return actOnAction(db, ctx, enterpriseId, id, input, 'done');
}

/** A manager cancels an action that is no longer wanted, saying why. */
export function cancelAction(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return actOnAction(db, ctx, enterpriseId, id, input, 'cancel');
}

/** The workbench's meeting figures for the caller in his enterprise (meetings.workbench.ts). */
export async function meetingWorkCounts(db: Db, ctx: Ctx, enterpriseId: string) {
  return countMeetingWork(db, requireActor(ctx), enterpriseId, todayOf(ctx));
}
