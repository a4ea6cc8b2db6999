import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { systemScope, type AnyScope } from '../../../platform/db/scope';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { filesOf, loadFile, prepareFiles, storeFiles, type NewFile } from '../../../platform/files/attachments';
import { enqueueOutbox, type OutboxMessage } from '../../../platform/outbox';
import { addLocalDays, localDay } from '../../../platform/time';
import { refusalError } from '../../../platform/workflow';
import { liabilityPolicyOn } from '../../management';
import { eventDays, fulfilByRecord, obligationParams } from '../../obligations';
import { dutyListsInForceAt } from '../../responsibility';
import { markAccidentAtPoint } from '../../risk';
import { presentCorrections, presentHistory, updateDetail } from './followup-history';
import { insertInvestigationEvent, interviewCorrectionsOf, investigationEventsOf } from './followup-history.repository';
import { DECISION_DUTY, DECISION_RECORD, INTERVIEW_DUTY } from './followup.obligations';
import { FINDING_FILE_OWNER, INTERVIEW_FILE_OWNER } from './followup.policy';
import {
  accidentsAwaitingInterview, actionsOfAccident, activeEmployees, findingsInScope, listActionRows, responsibilityAccidents, employeeOfAccount, findAccident, findAction, findFinding, findingsOfAccident, findInvestigation, insertAction,
  insertFinding, insertInsurerNotice, insertInvestigation, insertRiskLink, institutionAccounts, insurerNoticesOf, interviewsOfAccident, managerAccounts,
  officeOf, riskLinksOf, updateAction, updateInvestigation, type AccidentRow, type ActionRow, type FindingRow, type InterviewRow, type InvestigationRow,
} from './followup.repository';
import type {
  ActionCreate, ActionView, FindingCreate, FindingListQuery, FindingView, FollowupView, InterviewView, InvestigationUpdate,
} from './followup.schema';

/*
 * What follows an accident report (issue 14 §4–5): the government's decision on the investigation (the district for
 * 一般, entrusted to the enterprise when nobody was hurt, the higher level for 较大 and above), the investigation's
 * findings citing the duty lists in force on the day, corrective and preventive actions, the regulators' findings of
 * 漏报/谎报/瞒报, the risk points linked (R-RISK-3/6, through the risk module), the 安责险 insurer's notice, and the
 * interviews (interview.service.ts). Near misses have none of it. Each write is one transaction with its audit row;
 * the investigation's operations also append its history (migration 0123), shown in the accident's detail to the
 * enterprise and the regulators. Corrections of interviews and findings: correction.service.ts; the insurer's side:
 * insurer.service.ts.
 */

export const ACCIDENT_RECORD = 'accident';
const INVESTIGATION = 'accident_investigation';

type Versioned = { version?: number };

// ---- who may do what ----

const regulatorScope = (actor: Actor) => actor.scope.kind === 'district' || actor.scope.kind === 'department';
/** A department officer or the district admin: interviews (R-RESP-8). */
export const mayInterview = (actor: Actor) => regulatorScope(actor) && can(actor, 'accident.interview');
/** The district's investigators: a department officer or the district admin. */
export const mayRegulateInvestigation = (actor: Actor) => regulatorScope(actor) && can(actor, 'accident.investigate');
const manager = (actor: Actor, enterpriseId: string) => isEnterpriseManager(actor, enterpriseId);
/** Every regulator records 漏报/谎报/瞒报. */
const mayFind = (actor: Actor) => actor.scope.kind !== 'enterprise' && actor.scope.kind !== 'institution' && can(actor, 'accident.finding');

/** Whether anyone was hurt or is missing: the enterprise may be entrusted only with an accident without casualties. */
export const hasCasualties = (a: Pick<AccidentRow, 'deaths' | 'missing' | 'serious_injuries' | 'minor_injuries'>) =>
  a.deaths + a.missing + a.serious_injuries + a.minor_injuries > 0;
/** R-ACC-1: 一般 (a grade not yet computed counts as the lowest). */
const isGeneral = (a: Pick<AccidentRow, 'grade'>) => a.grade === null || a.grade === 'general';

/** Who may edit the investigation: its investigators (an entrusted one: the enterprise's managers too), while open. */
function mayEdit(actor: Actor, a: AccidentRow, inv: InvestigationRow | null): boolean {
  if (!inv || inv.status !== 'open' || !can(actor, 'accident.investigate')) return false;
  return mayRegulateInvestigation(actor) || (inv.conducted_by === 'enterprise' && manager(actor, a.enterprise_id));
}

/** Who may record (and so correct) the responsibility finding: the investigators of the accident, whatever its state. */
export function mayRecordFinding(actor: Actor, a: AccidentRow, inv: InvestigationRow): boolean {
  return mayEdit(actor, a, { ...inv, status: 'open' });
}

export function refuseNearMiss(a: AccidentRow) {
  // R-ACC-2: a near miss is not an accident: no investigation by the district, no interview, no credit entry.
  if (a.kind !== 'accident') throw refusalError('NEAR_MISS', 'accidentFollowup.refused.nearMiss');
}

export async function loadAccident(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const a = await findAccident(db, actor, enterpriseId, id, opts);
  if (!a) throw notFound();
  return a;
}

/** A duty's due day for an accident: its report day plus the duty's [cfg] days. */
async function dueOf(db: Executor, a: AccidentRow, key: string): Promise<string | null> {
  if (a.kind !== 'accident' || !a.regulators_received_at) return null;
  const days = eventDays((await obligationParams(db, a.district_id, key)).params) ?? 15;
  return addLocalDays(localDay(a.regulators_received_at), days);
}

function notices(userIds: readonly (string | null | undefined)[], kind: string, key: string, params: Record<string, string | number>, link: string): OutboxMessage[] {
  return [...new Set(userIds.filter((u): u is string => !!u))].map((userId) => ({
    topic: 'notify' as const, payload: { userId, kind, titleKey: `${key}.title`, bodyKey: `${key}.body`, params, link },
  }));
}
const followupLink = (enterpriseId: string, id: string) => `/enterprises/${enterpriseId}/accidents/${id}/followup`;
const fileUrl = (enterpriseId: string, id: string) => `/api/v1/enterprises/${enterpriseId}/accident-followup-files/${id}`;

// ---- presenters ----

type Person = { name: string; role: string; organisation: string };
const people = (v: unknown): Person[] => (Array.isArray(v) ? v as Person[] : []);

export async function presentInterview(db: Executor, actor: Actor, r: InterviewRow, today: string): Promise<InterviewView> {
  const [files, corrections] = await Promise.all([
    filesOf(db, r.enterprise_id, { type: INTERVIEW_FILE_OWNER, id: r.id }), interviewCorrectionsOf(db, r.enterprise_id, [r.id]),
  ]);
  return {
    id: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, accidentIds: r.accident_ids, merged: r.accident_ids.length > 1,
    heldAt: r.held_at, place: r.place, principalName: r.principal_name, participants: people(r.participants), record: r.record,
    commitments: r.commitments, followUp: r.follow_up, followUpDue: r.follow_up_due, followUpDoneAt: r.follow_up_done_at, followUpNote: r.follow_up_note,
    followUpOverdue: r.follow_up_due !== null && r.follow_up_done_at === null && r.follow_up_due < today,
    departmentName: r.department_name, recordedByName: r.recorded_by_name, version: r.version,
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, url: fileUrl(r.enterprise_id, f.id) })),
    corrections: presentCorrections(corrections),
    abilities: { followUpDone: mayInterview(actor) && r.follow_up_done_at === null && r.follow_up !== '', upload: mayInterview(actor), correct: mayInterview(actor) },
  };
}

export function presentAction(actor: Actor, x: ActionRow, today: string, myEmployee: string | null, investigators: boolean): ActionView {
  const owner = myEmployee !== null && x.owner_employee_id === myEmployee;
  return {
    id: x.id, accidentId: x.accident_id, accidentSummary: x.accident_summary, accidentOccurredAt: x.accident_occurred_at, kind: x.kind, content: x.content,
    ownerEmployeeId: x.owner_employee_id, ownerName: x.owner_name, dueOn: x.due_on, status: x.status, overdue: x.status === 'open' && x.due_on < today,
    doneNote: x.done_note, doneAt: x.done_at, doneByName: x.done_by_name ?? null, version: x.version,
    abilities: { done: x.status === 'open' && can(actor, 'accident_followup.act') && (owner || investigators || manager(actor, x.enterprise_id)) },
  };
}

async function presentFinding(db: Executor, f: FindingRow): Promise<FindingView> {
  const files = await filesOf(db, f.enterprise_id, { type: FINDING_FILE_OWNER, id: f.id });
  return {
    id: f.id, enterpriseId: f.enterprise_id, enterpriseName: f.enterprise_name, accidentId: f.accident_id, accidentSummary: f.accident_summary,
    accidentOccurredAt: f.accident_occurred_at, kind: f.kind, description: f.description, foundOn: f.found_on, officeName: f.office_name,
    recordedByName: f.recorded_by_name,
    files: files.map((x) => ({ id: x.id, name: x.name, mime: x.mime, size: x.size, url: fileUrl(f.enterprise_id, x.id) })),
  };
}

export type StoredFinding = { name: string; employeeId: string | null; role: string; finding: string; duties: { listId: string; listName: string; version: number; items: number[]; texts: string[] }[] };

function presentInvestigation(v: InvestigationRow): NonNullable<FollowupView['investigation']> {
  return {
    conductedBy: v.conducted_by, entrustedAt: v.entrusted_at, status: v.status, team: people(v.team),
    causeDirect: v.cause_direct, causeIndirect: v.cause_indirect, causeManagement: v.cause_management,
    fiveWhys: Array.isArray(v.five_whys) ? v.five_whys as string[] : [], responsibilityAccident: v.responsibility_accident,
    personFindings: Array.isArray(v.person_findings) ? v.person_findings as StoredFinding[] : [],
    higherReport: v.higher_report, lessons: v.lessons, lessonsPublishedAt: v.lessons_published_at, concludedAt: v.concluded_at,
    concludedByName: v.concluded_by_name ?? null, version: v.version,
  };
}

/** The follow-up page of one accident: everything above, with what the caller may do. */
export async function getFollowup(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<FollowupView> {
  const actor = requireActor(ctx);
  const a = await loadAccident(db, actor, enterpriseId, id);
  const today = localDay(ctx.now);
  const [inv, interviews, actions, findings, links, insurer, myEmployee, interviewDueOn, decisionDueOn, history] = await Promise.all([
    findInvestigation(db, enterpriseId, id), interviewsOfAccident(db, actor, enterpriseId, id), actionsOfAccident(db, actor, enterpriseId, id),
    findingsOfAccident(db, actor, enterpriseId, id), riskLinksOf(db, enterpriseId, id), insurerNoticesOf(db, enterpriseId, id),
    employeeOfAccount(db, actor.userId), dueOf(db, a, INTERVIEW_DUTY), dueOf(db, a, DECISION_DUTY), investigationEventsOf(db, enterpriseId, id),
  ]);
  const isAccident = a.kind === 'accident';
  const reported = isAccident && a.regulators_received_at !== null;
  const editing = isAccident && mayEdit(actor, a, inv);
  const regulates = mayRegulateInvestigation(actor);
  const linker = isAccident && can(actor, 'accident.investigate') && (regulates || manager(actor, enterpriseId));
  return {
    accident: {
      id: a.id, enterpriseId, enterpriseName: a.enterprise_name, kind: a.kind, occurredAt: a.occurred_at, place: a.place, summary: a.summary,
      deaths: a.deaths, missing: a.missing, seriousInjuries: a.serious_injuries, minorInjuries: a.minor_injuries, directLoss: a.direct_loss,
      grade: a.grade, receivedAt: a.regulators_received_at, casualties: hasCasualties(a),
    },
    interviewDueOn, interviewOverdue: interviewDueOn !== null && interviews.length === 0 && interviewDueOn < today,
    decisionDueOn, decisionOverdue: decisionDueOn !== null && inv === null && decisionDueOn < today,
    investigation: inv ? presentInvestigation(inv) : null,
    creditOffer: isAccident && inv?.status === 'concluded' && inv.responsibility_accident === true,
    interviews: await Promise.all(interviews.map((r) => presentInterview(db, actor, r, today))),
    actions: actions.map((x) => presentAction(actor, x, today, myEmployee, editing)),
    findings: await Promise.all(findings.map((f) => presentFinding(db, f))),
    riskLinks: links.map((l) => ({
      riskPointId: l.risk_point_id, code: l.code, name: l.name, grade: l.grade, controlFailing: l.control_failing, reassessDue: l.reassess_due, linkedAt: l.linked_at,
    })),
    insurerNotices: insurer.map((n) => ({ id: n.id, institutionName: n.institution_name, policyNumber: n.policy_number, createdAt: n.created_at })),
    history: presentHistory(history),
    abilities: {
      interview: reported && mayInterview(actor),
      open: reported && inv === null && regulates,
      entrust: reported && regulates && isGeneral(a) && !hasCasualties(a) && (inv === null || (inv.status === 'open' && inv.conducted_by === 'district')),
      edit: editing,
      conclude: editing,
      addAction: editing,
      finding: reported && mayFind(actor),
      linkRisk: linker,
      notifyInsurer: linker,
      correctFinding: isAccident && inv?.status === 'concluded' && mayRecordFinding(actor, a, inv),
    },
  };
}

// ---- the investigation ----

/** The government's decision (fulfils the decision duty) and, with it, the insurer's notice. */
async function decided(tx: Tx, ctx: Ctx, a: AccidentRow, conductedBy: string): Promise<void> {
  await fulfilByRecord(tx, ctx, {
    enterpriseId: a.enterprise_id, record: DECISION_RECORD, recordType: INVESTIGATION, recordId: a.id, at: ctx.now, byPrincipal: false,
    subjectKey: a.id, note: conductedBy,
  });
  await notifyInsurerIn(tx, ctx, a);
}

/**
 * The district decides who investigates: itself for a 一般 accident, or records that the higher level does for 较大
 * and above. A second decision is refused (409 DECIDED); a near miss has none (409 NEAR_MISS).
 */
export async function openInvestigation(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { conductedBy: 'district' | 'higher' }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const a = await loadAccident(tx, actor, enterpriseId, id, { lock: true });
    if (!mayRegulateInvestigation(actor)) throw forbidden();
    refuseNearMiss(a);
    if (!a.regulators_received_at) throw refusalError('NOT_REPORTED', 'accidentFollowup.refused.notReported');
    if (await findInvestigation(tx, enterpriseId, id)) throw refusalError('DECIDED', 'accidentFollowup.refused.decided');
    // R-ACC-2: the district investigates 一般 accidents; 较大 and above are investigated by the higher level.
    if (input.conductedBy === 'district' && !isGeneral(a)) throw refusalError('HIGHER_LEVEL', 'accidentFollowup.refused.higherOnly');
    if (input.conductedBy === 'higher' && isGeneral(a)) throw refusalError('GENERAL', 'accidentFollowup.refused.generalDistrict');
    await insertInvestigation(tx, enterpriseId, id, { conducted_by: input.conductedBy, entrusted_at: null, entrusted_by: null, created_by: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, { action: 'accident_investigation.open', entityType: INVESTIGATION, entityId: id, enterpriseId, after: { conductedBy: input.conductedBy } });
    await insertInvestigationEvent(tx, enterpriseId, id, { op: 'open', at: ctx.now, actorId: actor.userId, detail: { conductedBy: input.conductedBy } });
    await decided(tx, ctx, a, input.conductedBy);
  });
  return getFollowup(db, ctx, enterpriseId, id);
}

/**
 * The district entrusts the enterprise with the investigation of a 一般 accident without casualties (issue 14 §4): as
 * its decision, or in place of its own open investigation. Anything else is refused 409 with the reason.
 */
export async function entrustInvestigation(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const a = await loadAccident(tx, actor, enterpriseId, id, { lock: true });
    if (!mayRegulateInvestigation(actor)) throw forbidden();
    refuseNearMiss(a);
    if (!a.regulators_received_at) throw refusalError('NOT_REPORTED', 'accidentFollowup.refused.notReported');
    if (!isGeneral(a)) throw refusalError('HIGHER_LEVEL', 'accidentFollowup.refused.higherOnly');
    if (hasCasualties(a)) throw refusalError('CASUALTIES', 'accidentFollowup.refused.casualties');
    const inv = await findInvestigation(tx, enterpriseId, id, { lock: true });
    if (inv && (inv.status !== 'open' || inv.conducted_by !== 'district')) throw refusalError('DECIDED', 'accidentFollowup.refused.decided');
    if (inv) {
      if (!await updateInvestigation(tx, enterpriseId, id, inv.version, { conducted_by: 'enterprise', entrusted_at: ctx.now, entrusted_by: actor.userId, updated_at: ctx.now })) throw refusalError('STALE');
    } else {
      await insertInvestigation(tx, enterpriseId, id, { conducted_by: 'enterprise', entrusted_at: ctx.now, entrusted_by: actor.userId, created_by: actor.userId, at: ctx.now });
      await decided(tx, ctx, a, 'enterprise');
    }
    await insertInvestigationEvent(tx, enterpriseId, id, { op: 'entrust', at: ctx.now, actorId: actor.userId, note: input.note, detail: { conductedBy: 'enterprise' } });
    await writeAudit(tx, ctx, { action: 'accident_investigation.entrust', entityType: INVESTIGATION, entityId: id, enterpriseId, before: inv ? { conductedBy: inv.conducted_by } : null, after: { conductedBy: 'enterprise', note: input.note } });
    await enqueueOutbox(tx, notices(await managerAccounts(tx, enterpriseId), 'accident.entrusted', 'accidentFollowup.notify.entrusted', { summary: a.summary.slice(0, 60) }, followupLink(enterpriseId, id)));
  });
  return getFollowup(db, ctx, enterpriseId, id);
}

/**
 * R-RESP-3 via the investigation: each person's finding cites duty items of the list versions in force on the
 * accident's day (the responsibility module's door); a version not in force then, or an item it does not have, is a
 * 400 at its field. Returns the findings to store, each citation with its list name and the items' texts.
 */
export async function checkFindings(tx: Tx, a: AccidentRow, input: Pick<InvestigationUpdate, 'personFindings'>): Promise<StoredFinding[]> {
  const lists = await dutyListsInForceAt(tx, systemScope, a.enterprise_id, a.occurred_at);
  const employees = await activeEmployees(tx, a.enterprise_id, input.personFindings.flatMap((p) => (p.employeeId ? [p.employeeId] : [])));
  const issues: { path: string; message: string }[] = [];
  const out = input.personFindings.map((p, i) => {
    if (p.employeeId && !employees.has(p.employeeId)) issues.push({ path: `body.personFindings.${i}.employeeId`, message: 'accidentFollowup.employeeUnknown' });
    const duties = p.duties.map((d, j) => {
      const list = lists.find((l) => l.listId === d.listId && l.version === d.version);
      if (!list) {
        issues.push({ path: `body.personFindings.${i}.duties.${j}.version`, message: 'accidentFollowup.dutyVersionUnknown' });
        return { listId: d.listId, listName: '', version: d.version, items: d.items, texts: [] };
      }
      const bad = d.items.findIndex((n) => n >= list.items.length);
      if (bad >= 0) issues.push({ path: `body.personFindings.${i}.duties.${j}.items.${bad}`, message: 'accidentFollowup.dutyItemUnknown' });
      return { listId: d.listId, listName: list.listName, version: d.version, items: d.items, texts: d.items.map((n) => list.items[n] ?? '') };
    });
    return { name: p.name, employeeId: p.employeeId, role: p.role, finding: p.finding, duties };
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return out;
}

/**
 * The accident and its open investigation, both read under their row locks, for an investigator's change: refused for a
 * near miss, an undecided or concluded investigation, someone who may not edit it, or a stale version.
 */
async function openInvestigationUnderLock(tx: Tx, actor: Actor, enterpriseId: string, id: string, version: number | undefined) {
    const a = await loadAccident(tx, actor, enterpriseId, id, { lock: true });
    refuseNearMiss(a);
    const inv = await findInvestigation(tx, enterpriseId, id, { lock: true });
    if (!inv) throw refusalError('NOT_DECIDED', 'accidentFollowup.refused.noInvestigation');
    if (!mayEdit(actor, a, { ...inv, status: 'open' })) throw forbidden();
    if (inv.status !== 'open') throw refusalError('CONCLUDED', 'accidentFollowup.refused.concluded');
    if (version !== undefined && version !== inv.version) throw refusalError('STALE');
    return { a, inv };
}

/** The investigators save the team, causes, findings, the higher level's report and the lessons (while open). */
export async function updateInvestigationContent(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: InvestigationUpdate) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const { a, inv } = await openInvestigationUnderLock(tx, actor, enterpriseId, id, input.version);
    const findings = await checkFindings(tx, a, input);
    const changes = {
      team: JSON.stringify(input.team), cause_direct: input.causeDirect, cause_indirect: input.causeIndirect, cause_management: input.causeManagement,
      five_whys: JSON.stringify(input.fiveWhys), responsibility_accident: input.responsibilityAccident, person_findings: JSON.stringify(findings),
      higher_report: input.higherReport, lessons: input.lessons, updated_at: ctx.now,
    };
    if (!await updateInvestigation(tx, enterpriseId, id, inv.version, changes)) throw refusalError('STALE');
    await insertInvestigationEvent(tx, enterpriseId, id, {
      op: 'update', at: ctx.now, actorId: actor.userId,
      detail: updateDetail(inv, { ...changes, team: input.team, five_whys: input.fiveWhys, person_findings: findings }),
    });
    await writeAudit(tx, ctx, {
      action: 'accident_investigation.update', entityType: INVESTIGATION, entityId: id, enterpriseId,
      before: { responsibilityAccident: inv.responsibility_accident }, after: { responsibilityAccident: input.responsibilityAccident, findings: findings.length, team: input.team.length },
    });
  });
  return getFollowup(db, ctx, enterpriseId, id);
}

/**
 * The investigators conclude: the responsibility finding must be made (责任事故 or not); the lessons are published
 * with it. A concluded responsibility accident is offered to the credit list (R-CRD-1, `responsibilityAccidentsFor`).
 */
export async function concludeInvestigation(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: Versioned) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const { inv } = await openInvestigationUnderLock(tx, actor, enterpriseId, id, input.version);
    if (inv.responsibility_accident === null) throw refusalError('FINDING_REQUIRED', 'accidentFollowup.refused.findingRequired');
    if (inv.conducted_by === 'higher' && inv.higher_report.trim() === '') throw refusalError('REPORT_REQUIRED', 'accidentFollowup.refused.reportRequired');
    if (!await updateInvestigation(tx, enterpriseId, id, inv.version, {
      status: 'concluded', concluded_at: ctx.now, concluded_by: actor.userId, lessons_published_at: inv.lessons.trim() ? ctx.now : null, updated_at: ctx.now,
    })) throw refusalError('STALE');
    await insertInvestigationEvent(tx, enterpriseId, id, {
      op: 'conclude', at: ctx.now, actorId: actor.userId, detail: { responsibilityAfter: inv.responsibility_accident },
    });
    await writeAudit(tx, ctx, {
      action: 'accident_investigation.conclude', entityType: INVESTIGATION, entityId: id, enterpriseId,
      after: { responsibilityAccident: inv.responsibility_accident, creditOffer: inv.responsibility_accident === true },
    });
  });
  return getFollowup(db, ctx, enterpriseId, id);
}

/** The investigators name the duty lists (and their versions) in force on the accident's day, to cite in findings. */
export async function dutyListsAtAccident(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  const a = await loadAccident(db, actor, enterpriseId, id);
  return { at: a.occurred_at, lists: await dutyListsInForceAt(db, systemScope, enterpriseId, a.occurred_at) };
}

// ---- corrective and preventive actions ----

export async function addAction(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: ActionCreate): Promise<ActionView> {
  const actor = requireActor(ctx);
  const actionId = await db.transaction().execute(async (tx) => {
    const a = await loadAccident(tx, actor, enterpriseId, id, { lock: true });
    refuseNearMiss(a);
    const inv = await findInvestigation(tx, enterpriseId, id);
    if (!inv) throw refusalError('NOT_DECIDED', 'accidentFollowup.refused.noInvestigation');
    if (!mayEdit(actor, a, { ...inv, status: 'open' })) throw forbidden();
    if (inv.status !== 'open') throw refusalError('CONCLUDED', 'accidentFollowup.refused.concluded');
    const owner = (await activeEmployees(tx, enterpriseId, [input.ownerEmployeeId])).get(input.ownerEmployeeId);
    if (!owner) throw invalid('body.ownerEmployeeId', 'accidentFollowup.employeeUnknown');
    if (input.dueOn < localDay(a.occurred_at)) throw invalid('body.dueOn', 'accidentFollowup.dueBeforeAccident');
    const xid = await insertAction(tx, enterpriseId, {
      accident_id: id, kind: input.kind, content: input.content, owner_employee_id: input.ownerEmployeeId, due_on: input.dueOn,
      created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    });
    await insertInvestigationEvent(tx, enterpriseId, id, {
      op: 'action_add', at: ctx.now, actorId: actor.userId, detail: { content: input.content, ownerName: owner.name, dueOn: input.dueOn },
    });
    await writeAudit(tx, ctx, { action: 'accident_action.create', entityType: 'accident_action', entityId: xid, enterpriseId, after: { accidentId: id, ...input } });
    await enqueueOutbox(tx, notices([owner.userId], 'accident.action', 'accidentFollowup.notify.action', { content: input.content.slice(0, 60), due: input.dueOn }, `/enterprises/${enterpriseId}/accident-actions`));
    return xid;
  });
  const row = await findAction(db, actor, enterpriseId, actionId);
  if (!row) throw notFound();
  return presentAction(actor, row, localDay(ctx.now), await employeeOfAccount(db, actor.userId), true);
}

/** The owner (or a manager, or the investigators) reports an action done, with what was done. */
export async function completeAction(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned): Promise<ActionView> {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    const x = await findAction(tx, actor, enterpriseId, id, { lock: true });
    if (!x) throw notFound();
    const me = await employeeOfAccount(tx, actor.userId);
    const view = presentAction(actor, { ...x, status: 'open' }, localDay(ctx.now), me, mayRegulateInvestigation(actor));
    if (!view.abilities.done) throw refusalError('FORBIDDEN');
    if (input.version !== undefined && input.version !== x.version) throw refusalError('STALE');
    if (x.status !== 'open') throw refusalError('DONE', 'accidentFollowup.refused.done');
    if (!await updateAction(tx, enterpriseId, id, x.version, { status: 'done', done_note: input.note, done_at: ctx.now, done_by: actor.userId, updated_at: ctx.now })) throw refusalError('STALE');
    await insertInvestigationEvent(tx, enterpriseId, x.accident_id, {
      op: 'action_done', at: ctx.now, actorId: actor.userId, note: input.note, detail: { content: x.content, ownerName: x.owner_name },
    });
    await writeAudit(tx, ctx, { action: 'accident_action.done', entityType: 'accident_action', entityId: id, enterpriseId, before: { status: 'open' }, after: { status: 'done', note: input.note } });
    const row = await findAction(tx, actor, enterpriseId, id);
    if (!row) throw notFound();
    return presentAction(actor, row, localDay(ctx.now), me, mayRegulateInvestigation(actor));
  });
}

// ---- 漏报 / 谎报 / 瞒报 ----

export async function recordFinding(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: FindingCreate): Promise<FindingView> {
  const actor = requireActor(ctx);
  const findingId = await db.transaction().execute(async (tx) => {
    const a = await loadAccident(tx, actor, enterpriseId, id, { lock: true });
    if (!mayFind(actor)) throw forbidden();
    refuseNearMiss(a);
    if (input.foundOn > localDay(ctx.now)) throw invalid('body.foundOn', 'accidentFollowup.foundOnFuture');
    const office = await officeOf(tx, actor.userId);
    const fid = await insertFinding(tx, enterpriseId, {
      accident_id: id, kind: input.kind, description: input.description, found_on: input.foundOn,
      department_id: office?.department_id ?? null, subdistrict_id: office?.subdistrict_id ?? null, recorded_by: actor.userId, created_at: ctx.now,
    });
    await writeAudit(tx, ctx, { action: 'accident_finding.record', entityType: 'accident_finding', entityId: fid, enterpriseId, after: { accidentId: id, ...input } });
    return fid;
  });
  const f = await findFinding(db, actor, enterpriseId, findingId);
  if (!f) throw notFound();
  return presentFinding(db, f);
}

/** Evidence for a finding (documents or photos), locked as it is linked. */
export async function uploadFindingFiles(db: Db, ctx: Ctx, enterpriseId: string, id: string, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const f = await findFinding(db, actor, enterpriseId, id);
  if (!f) throw notFound();
  if (!mayFind(actor)) throw forbidden();
  return storeFollowupFiles(db, ctx, enterpriseId, { type: FINDING_FILE_OWNER, id }, files);
}

/** Files are stored as documents (PDF) or photos, whichever the bytes are; judged before the transaction. */
export async function storeFollowupFiles(db: Db, ctx: Ctx, enterpriseId: string, owner: { type: string; id: string }, files: NewFile[]): Promise<string[]> {
  if (files.length === 0) throw invalid('body.file', 'attachment.missing');
  const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';
  const docs = files.filter((f) => isPdf(f.buffer));
  const photos = files.filter((f) => !isPdf(f.buffer));
  const [preparedDocs, preparedPhotos] = [await prepareFiles('document', docs, ctx.now), await prepareFiles('photo', photos, ctx.now)];
  return db.transaction().execute(async (tx) => {
    const stored = [
      ...(preparedDocs.length ? await storeFiles(tx, ctx, enterpriseId, 'document', preparedDocs, owner) : []),
      ...(preparedPhotos.length ? await storeFiles(tx, ctx, enterpriseId, 'photo', preparedPhotos, owner) : []),
    ];
    return stored.map((s) => s.id);
  });
}

/** A file of an interview or a finding, if the caller sees the record it is attached to. */
export async function readFollowupFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const file = await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

// ---- consequences: risk points and the insurer ----

/**
 * R-RISK-3/6 (R-ACC-2): the accident happened at a risk point of the enterprise. The risk module grades it 1 by direct
 * judgement, flags it control-failing and due for re-assessment (its door, in this transaction). Linking twice is a no-op.
 */
export async function linkRiskPoint(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { riskPointId: string }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const a = await loadAccident(tx, actor, enterpriseId, id, { lock: true });
    if (!(can(actor, 'accident.investigate') && (mayRegulateInvestigation(actor) || manager(actor, enterpriseId)))) throw forbidden();
    refuseNearMiss(a);
    if (!await insertRiskLink(tx, enterpriseId, id, input.riskPointId, actor.userId, ctx.now).catch((e: unknown) => {
      // The foreign key answers a point of another enterprise (or none) the same as an unknown one.
      if ((e as { code?: string }).code === '23503') throw invalid('body.riskPointId', 'accidentFollowup.riskPointUnknown');
      throw e;
    })) return;
    const point = await markAccidentAtPoint(tx, ctx, enterpriseId, input.riskPointId, `事故：${a.summary.slice(0, 80)}`);
    if (!point) throw invalid('body.riskPointId', 'accidentFollowup.riskPointUnknown');
    await writeAudit(tx, ctx, { action: 'accident.risk_link', entityType: ACCIDENT_RECORD, entityId: id, enterpriseId, after: { riskPointId: input.riskPointId, code: point.code } });
  });
  return getFollowup(db, ctx, enterpriseId, id);
}

/** 安责险: a notice to the insurer of the policy in force on the accident's day, once per policy; false when none. */
async function notifyInsurerIn(tx: Tx, ctx: Ctx, a: AccidentRow): Promise<boolean> {
  const policy = await liabilityPolicyOn(tx, a.enterprise_id, localDay(a.occurred_at));
  if (!policy) return false;
  const noticeId = await insertInsurerNotice(tx, a.enterprise_id, { accidentId: a.id, policyId: policy.id, institutionId: policy.institutionId, by: ctx.actor?.userId ?? null, at: ctx.now });
  if (!noticeId) return true;
  await writeAudit(tx, ctx, { action: 'accident.insurer_notice', entityType: ACCIDENT_RECORD, entityId: a.id, enterpriseId: a.enterprise_id, after: { policy: policy.policyNumber, insurer: policy.institutionName } });
  await enqueueOutbox(tx, notices(await institutionAccounts(tx, policy.institutionId), 'accident.insurer', 'accidentFollowup.notify.insurer', {
    enterprise: a.enterprise_name, policy: policy.policyNumber, day: localDay(a.occurred_at),
  }, `/insurer/accident-notices?notice=${noticeId}`));
  return true;
}

export async function notifyInsurer(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const a = await loadAccident(tx, actor, enterpriseId, id, { lock: true });
    if (!(can(actor, 'accident.investigate') && (mayRegulateInvestigation(actor) || manager(actor, enterpriseId)))) throw forbidden();
    refuseNearMiss(a);
    if (!await notifyInsurerIn(tx, ctx, a)) throw refusalError('NO_POLICY', 'accidentFollowup.noPolicy');
  });
  return getFollowup(db, ctx, enterpriseId, id);
}

// ---- lists ----

/** The enterprise's accident actions the caller sees (`mine`: those he owns; `open`: not done yet). */
export async function listActions(db: Db, ctx: Ctx, enterpriseId: string, q: { mine?: boolean | undefined; open?: boolean | undefined }) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const me = await employeeOfAccount(db, actor.userId);
  const rows = await listActionRows(db, actor, enterpriseId, { ...(q.mine ? { mineOf: me } : {}), open: q.open ?? false, limit: 500 });
  const today = localDay(ctx.now);
  return { items: rows.map((x) => presentAction(actor, x, today, me, mayRegulateInvestigation(actor))) };
}

/** The regulators' list of 漏报/谎报/瞒报 findings in their scope. */
export async function listFindings(db: Db, ctx: Ctx, q: FindingListQuery) {
  const actor = requireActor(ctx);
  if (actor.scope.kind === 'enterprise' || actor.scope.kind === 'institution') throw forbidden();
  const { items, total } = await findingsInScope(db, actor, q);
  return {
    items: items.map((f) => ({
      id: f.id, enterpriseId: f.enterprise_id, enterpriseName: f.enterprise_name, accidentId: f.accident_id, accidentSummary: f.accident_summary,
      accidentOccurredAt: f.accident_occurred_at, kind: f.kind, description: f.description, foundOn: f.found_on, officeName: f.office_name,
      recordedByName: f.recorded_by_name,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

/**
 * R-CRD-1 (the credit module of a later issue reads this door): the concluded responsibility accidents (责任事故) in
 * the scope since a day, with their grade; and the 漏报/谎报/瞒报 findings are queryable through `findingsInScope`.
 */
export async function responsibilityAccidentsFor(db: Executor, scope: AnyScope, since: Date) {
  return (await responsibilityAccidents(db, scope, since)).map((r) => ({
    enterpriseId: r.enterprise_id, accidentId: r.accident_id, grade: r.grade, occurredAt: r.occurred_at, concludedAt: r.concluded_at,
  }));
}

/** The workbench's figures: accidents awaiting an interview in the caller's scope (how many overdue); actions he owns. */
export async function followupWorkCounts(db: Db, ctx: Ctx) {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  if (mayInterview(actor)) {
    const days = eventDays((await obligationParams(db, ctx, INTERVIEW_DUTY)).params) ?? 15;
    const due = await accidentsAwaitingInterview(db, actor, 10_000);
    return { kind: 'regulator' as const, due: due.length, overdue: due.filter((a) => addLocalDays(localDay(a.regulators_received_at!), days) < today).length };
  }
  if (actor.scope.kind !== 'enterprise') return null;
  const me = await employeeOfAccount(db, actor.userId);
  const mine = await listActionRows(db, actor, actor.scope.enterpriseId, { mineOf: me, open: true, limit: 10_000 });
  return { kind: 'enterprise' as const, enterpriseId: actor.scope.enterpriseId, mine: mine.length, overdue: mine.filter((x) => x.due_on < today).length };
}
