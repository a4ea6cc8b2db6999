import { createHash, randomBytes } from 'node:crypto';
import { can, requireActor, type Actor, type Ctx } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import type { TrainingCourseType } from '../../../platform/db/schema';
import { regulatedList, type AnyScope } from '../../../platform/db/scope';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { loadFile, prepareFiles, storeFiles, type NewFile } from '../../../platform/files/attachments';
import { translateRowErrors } from '../../../platform/files/sheet';
import { readXlsxUpload, safeFileName, type Upload, type XlsxFile } from '../../../platform/files/xlsx';
import { t } from '../../../platform/i18n/messages';
import { qrCode } from '../../../platform/links';
import { currentRules } from '../../../platform/rules';
import { ID_LAST4, idLast4Hash, last4OfMasked, signatureSecret, signDocument, verifySigner } from '../../../platform/signatures';
import { localDay, localInstant, localYear } from '../../../platform/time';
import { fulfilByRecord } from '../../obligations';
import { buildRecordTemplate, readRecords, sessionKey, validateRecords, type Person, type ValidRecord } from './training.excel';
import { roleOf, trainingFacts } from './training.facts';
import { isPrincipalOf, MATERIAL_OWNER, mayManage, mayRecord } from './training.policy';
import {
  deleteAttendanceRow, deleteSessionRow, employeeOfUser, enterpriseFacts, findAttendance, findPerson, findPlan, findPrior, findReview, findSession, heldSessions,
  insertAttendance, insertPlan, insertRetraining, insertReview, insertSession, listReviews, listSessions, lockEnterprise, materialsOf, personAttendance,
  personRetraining, personRows, planItems, shortfallDigest, replacePlanItems, sessionAttendance, sessionByCheckin, sessionOfMaterial, setCheckin, untrainedIds,
  updateAttendanceResult, updatePlan, updateSession, type PersonRow, type SessionValues,
} from './training.repository';
import { rankByTraining } from '../overview/competence.service';
import { COURSE_NAMES, TRAINING_RULES } from './training.rule-sets';
import { addDays, initialFrom, monthsBetween, planVersusActual, quarterDays, rate, round1, shortfallOf, type TrainingRole } from './training.rules';
import type {
  ImportReport, PlanPut, PlanReport, ProxyAttendanceBody, ResultBody, RetrainingCreate, ReviewCreate, SessionCreate, SessionPatch, SuperviseQuery,
} from './training.schema';

/*
 * R-TRN-1, issue 13 §1: the yearly training plan, sessions with attendance by QR on a phone or by a drawn signature on
 * a shared device, the per-person archive, hours checked against the rule-set `training` (role × sector ×
 * initial/yearly, re-training after a change of post, a return after long absence, a new process or equipment),
 * shortfalls per person and per unit, legal-education coverage, and the principal's quarterly signed check of the
 * plan-versus-actual report (R-RESP-5), which fulfils the ten-ones item in the same transaction.
 */

/** The web page a check-in QR code opens on the employee's phone (web/src/modules/training routes). */
export const CHECKIN_PAGE = '/training/checkin/';

const refused = (code: 'STATE' | 'FORBIDDEN' | 'CONFLICT', reason: string, messageKey: string, params?: Record<string, string | number>) =>
  new AppError(code, { reason, messageKey, ...(params ? { params } : {}) });
const stale = () => refused('CONFLICT', 'STALE', 'training.refused.stale');
const notManager = () => refused('FORBIDDEN', 'NOT_MANAGER', 'training.refused.notManager');
const notOperator = () => new AppError('FORBIDDEN', { reason: 'NOT_OPERATOR', messageKey: 'signature.refused.notOperator' });

const zh = (ctx: Ctx) => ctx.locale === 'zh-CN';
export const courseName = (ctx: Ctx, t: TrainingCourseType) => COURSE_NAMES[t][zh(ctx) ? 0 : 1];
const ROLE_NAMES: Record<TrainingRole, [string, string]> = { principal: ['主要负责人', 'Principal'], safety_manager: ['安全生产管理人员', 'Safety manager'], employee: ['从业人员', 'Employee'] };
const roleName = (ctx: Ctx, r: TrainingRole) => ROLE_NAMES[r][zh(ctx) ? 0 : 1];
const hoursText = (n: number) => round1(n).toFixed(1);
const num = (v: string | number | null) => (v === null ? null : Number(v));

type Rules = Awaited<ReturnType<typeof rulesOf>>;

async function rulesOf(db: Executor, enterpriseId: string) {
  return (await currentRules(db, { enterpriseId }, TRAINING_RULES)).value;
}

async function open(db: Executor, actor: Actor, enterpriseId: string) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const e = await enterpriseFacts(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  const rules = await rulesOf(db, enterpriseId);
  return { e, rules, highRisk: rules.highRiskIndustries.includes(e.industry_code) };
}

function guardManage(actor: Actor, enterpriseId: string) {
  if (!mayManage(actor, enterpriseId)) throw notManager();
}


/** R-TRN-1: one person's shortfall as the lists show it. */
function personView(ctx: Ctx, r: PersonRow, rules: Rules, highRisk: boolean, today: string) {
  const role = roleOf(r);
  const s = shortfallOf(
    { role, hireDate: r.hire_date, allHours: Number(r.all_hours), yearHours: Number(r.year_hours), openRetraining: r.open_retraining },
    { minimums: rules.minimums, highRisk, today, initialWindowDays: rules.initialWindowDays },
  );
  return {
    employeeId: r.employee_id, name: r.name, unitName: r.unit_name, employmentForm: r.employment_form, role, roleName: roleName(ctx, role), ...s,
  };
}

async function people(db: Executor, scope: AnyScope, enterpriseId: string, ctx: Ctx, rules: Rules, highRisk: boolean, employeeIds?: readonly string[]) {
  const today = localDay(ctx.now);
  const year = localYear(ctx.now);
  const rows = await personRows(db, scope, [enterpriseId], {
    yearFrom: `${year}-01-01`, initialFrom: initialFrom(today, rules.initialWindowDays), today, ...(employeeIds ? { employeeIds } : {}),
  });
  return { rows, views: rows.map((r) => personView(ctx, r, rules, highRisk, today)), year, today };
}

// ---- overview and shortfalls ----

/**
 * R-TRN-1: the enterprise's people graded against the minimums in one statement (training.repository.ts
 * `shortfallDigest`): the people short (or everyone), the counts per unit and the totals.
 */
async function digest(db: Executor, scope: AnyScope, enterpriseId: string, ctx: Ctx, rules: Rules, highRisk: boolean, onlyShort: boolean) {
  const today = localDay(ctx.now);
  const year = localYear(ctx.now);
  const d = await shortfallDigest(db, scope, enterpriseId, {
    yearFrom: `${year}-01-01`, initialFrom: initialFrom(today, rules.initialWindowDays), today, windowStart: addDays(today, -rules.initialWindowDays),
    band: highRisk ? rules.minimums.highRisk : rules.minimums.standard, onlyShort,
  });
  const sum = (f: (u: (typeof d.units)[number]) => number) => d.units.reduce((n, u) => n + f(u), 0);
  return {
    year,
    items: d.items.map((i) => ({ ...i, roleName: roleName(ctx, i.role), done: round1(i.done), missing: round1(Math.max(0, i.required - i.done)) })),
    byUnit: d.units.map(({ hours: _hours, ...u }) => u),
    people: sum((u) => u.people), shortfallPeople: sum((u) => u.shortfall), legalCovered: sum((u) => u.legalCovered), hours: round1(sum((u) => u.hours)),
  };
}

export async function getTrainingOverview(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  const { e, rules, highRisk } = await open(db, actor, enterpriseId);
  const d = await digest(db, actor.scope, enterpriseId, ctx, rules, highRisk, true);
  const reviews = await listReviews(db, actor.scope, enterpriseId, d.year);
  return {
    enterpriseId, enterpriseName: e.name, year: d.year, highRisk,
    people: d.people, shortfallPeople: d.shortfallPeople, hoursThisYear: d.hours,
    legalEducation: { covered: d.legalCovered, people: d.people, rate: rate(d.legalCovered, d.people) },
    byUnit: d.byUnit,
    planReviewedQuarters: reviews.map((r) => r.quarter).sort(),
    abilities: { canManage: mayManage(actor, enterpriseId), canReview: isPrincipalOf(actor, enterpriseId), canRecord: mayRecord(actor, enterpriseId) },
  };
}

/** R-TRN-1: who is short (who, role, required, done, missing, open re-training), and the counts per unit. */
export async function listShortfalls(db: Db, ctx: Ctx, enterpriseId: string, q: { all: 'yes' | 'no' }) {
  const actor = requireActor(ctx);
  const { rules, highRisk } = await open(db, actor, enterpriseId);
  const d = await digest(db, actor.scope, enterpriseId, ctx, rules, highRisk, q.all !== 'yes');
  return { year: d.year, highRisk, items: d.items, people: d.people, shortfallPeople: d.shortfallPeople, byUnit: d.byUnit };
}

// ---- the yearly plan ----

export async function getPlan(db: Db, ctx: Ctx, enterpriseId: string, year: number) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  const plan = await findPlan(db, actor.scope, enterpriseId, year);
  const items = plan ? await planItems(db, enterpriseId, plan.id) : [];
  return {
    id: plan?.id ?? null, year, note: plan?.note ?? '', version: plan?.version ?? null,
    items: items.map((i) => ({
      lineNo: i.line_no, courseType: i.course_type, courseName: courseName(ctx, i.course_type), title: i.title, target: i.target, plannedHours: Number(i.planned_hours), month: i.month,
    })),
    abilities: { canEdit: mayManage(actor, enterpriseId) },
  };
}

/** Writes the year's plan (all items at once); replacing an existing plan needs the version last read (409 otherwise). */
export async function savePlan(db: Db, ctx: Ctx, enterpriseId: string, year: number, input: PlanPut) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    const items = input.items.map((i) => ({ course_type: i.courseType, title: i.title, target: i.target, planned_hours: hoursText(i.plannedHours), month: i.month }));
    const existing = await findPlan(tx, actor.scope, enterpriseId, year, { lock: true });
    let id: string;
    if (!existing) {
      const created = await insertPlan(tx, enterpriseId, { year, note: input.note, by: actor.userId, now: ctx.now });
      if (!created) throw stale();
      id = created;
    } else {
      if (input.version !== existing.version || !(await updatePlan(tx, enterpriseId, existing.id, existing.version, input.note, ctx.now))) throw stale();
      id = existing.id;
    }
    await replacePlanItems(tx, enterpriseId, id, items);
    await writeAudit(tx, ctx, {
      action: 'training.plan.save', entityType: 'training_plan', entityId: id, enterpriseId,
      before: existing ? { note: existing.note } : null, after: { year, note: input.note, items },
    });
  });
  return getPlan(db, ctx, enterpriseId, year);
}

// ---- sessions ----

function sessionFields(ctx: Ctx, s: { id: string; course_type: TrainingCourseType; title: string; trainer: string; held_on: string; hours: string; exam_held: boolean; note: string; version: number; checkin_expires_at: Date | null }, attendees: number) {
  return {
    id: s.id, courseType: s.course_type, courseName: courseName(ctx, s.course_type), title: s.title, trainer: s.trainer, heldOn: s.held_on, hours: Number(s.hours),
    examHeld: s.exam_held, note: s.note, attendees, version: s.version,
    checkinOpenUntil: s.checkin_expires_at && s.checkin_expires_at > ctx.now ? s.checkin_expires_at : null,
  };
}

export async function listTrainingSessions(db: Db, ctx: Ctx, enterpriseId: string, q: { year?: number | undefined; courseType?: TrainingCourseType | undefined }) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  const year = q.year ?? localYear(ctx.now);
  const rows = await listSessions(db, actor.scope, enterpriseId, { from: `${year}-01-01`, to: `${year}-12-31`, courseType: q.courseType });
  return { year, items: rows.map((s) => sessionFields(ctx, s, s.attendees)), abilities: { canManage: mayManage(actor, enterpriseId) } };
}

export async function getTrainingSession(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  // The attendance list is the enterprise's: an employee reads his own archive, not another's sessions.
  if (actor.scope.kind === 'enterprise' && actor.scope.capacity === 'employee') throw forbidden();
  const s = await findSession(db, actor.scope, enterpriseId, id);
  if (!s) throw notFound();
  const [attendance, materials] = await Promise.all([sessionAttendance(db, actor.scope, enterpriseId, id), materialsOf(db, enterpriseId, id)]);
  return {
    ...sessionFields(ctx, s, attendance.length),
    attendance: attendance.map((a) => ({
      employeeId: a.employee_id, name: a.name, unitName: a.unit_name, method: a.method, score: num(a.score), passed: a.passed, signed: a.signature_id !== null, recordedAt: a.recorded_at,
    })),
    materials: materials.map((m) => ({ id: m.id, name: m.name, mime: m.mime, size: m.size })),
    abilities: { canManage: mayManage(actor, enterpriseId), canRecord: mayRecord(actor, enterpriseId) },
  };
}

function checkSessionDay(ctx: Ctx, heldOn: string) {
  if (heldOn > localDay(ctx.now)) throw invalid('body.heldOn', 'training.futureDate');
}

const sessionValues = (i: SessionCreate): SessionValues => ({
  course_type: i.courseType, title: i.title, trainer: i.trainer, held_on: i.heldOn, hours: hoursText(i.hours), exam_held: i.examHeld, note: i.note,
});

export async function createTrainingSession(db: Db, ctx: Ctx, enterpriseId: string, input: SessionCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    checkSessionDay(ctx, input.heldOn);
    const v = sessionValues(input);
    const created = await insertSession(tx, enterpriseId, v, actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'training.session.create', entityType: 'training_session', entityId: created, enterpriseId, after: v });
    return created;
  });
  return getTrainingSession(db, ctx, enterpriseId, id);
}

/** A session of the enterprise, read under its lock, for a manager to change (404 outside the scope, 403 for others). */
async function sessionToManage(tx: Tx, actor: Actor, enterpriseId: string, id: string) {
  await open(tx, actor, enterpriseId);
  const s = await findSession(tx, actor.scope, enterpriseId, id, { lock: true });
  if (!s) throw notFound();
  guardManage(actor, enterpriseId);
  return s;
}

export async function updateTrainingSession(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: SessionPatch) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const s = await sessionToManage(tx, actor, enterpriseId, id);
    const next: SessionValues = {
      course_type: patch.courseType ?? s.course_type, title: patch.title ?? s.title, trainer: patch.trainer ?? s.trainer, held_on: patch.heldOn ?? s.held_on,
      hours: patch.hours !== undefined ? hoursText(patch.hours) : s.hours, exam_held: patch.examHeld ?? s.exam_held, note: patch.note ?? s.note,
    };
    checkSessionDay(ctx, next.held_on);
    if (s.version !== patch.version || !(await updateSession(tx, enterpriseId, id, s.version, next, ctx.now))) throw stale();
    await writeAudit(tx, ctx, {
      action: 'training.session.update', entityType: 'training_session', entityId: id, enterpriseId,
      before: { courseType: s.course_type, title: s.title, heldOn: s.held_on, hours: s.hours }, after: next,
    });
  });
  return getTrainingSession(db, ctx, enterpriseId, id);
}

export async function deleteTrainingSession(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const s = await sessionToManage(tx, actor, enterpriseId, id);
    await deleteSessionRow(tx, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'training.session.delete', entityType: 'training_session', entityId: id, enterpriseId, before: { courseType: s.course_type, title: s.title, heldOn: s.held_on } });
  });
}

// ---- attendance: QR check-in ----

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * A short-lived check-in link for the session ([cfg] `checkinMinutes`): a new secret each time (the previous link stops
 * working), kept as its SHA-256. The QR code holds the absolute link under PUBLIC_BASE_URL.
 */
export async function openCheckin(db: Db, ctx: Ctx, publicBaseUrl: string, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  const token = randomBytes(18).toString('base64url');
  const expiresAt = await db.transaction().execute(async (tx) => {
    const { rules } = await open(tx, actor, enterpriseId);
    const s = await findSession(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!s) throw notFound();
    if (!mayRecord(actor, enterpriseId)) throw notOperator();
    const until = new Date(ctx.now.getTime() + rules.checkinMinutes * 60_000);
    await setCheckin(tx, enterpriseId, id, sha256(token), until);
    await writeAudit(tx, ctx, { action: 'training.checkin.open', entityType: 'training_session', entityId: id, enterpriseId, after: { until } });
    return until;
  });
  return { ...(await qrCode(publicBaseUrl, `${CHECKIN_PAGE}${token}`)), expiresAt };
}

/**
 * The person with an account checks in on his phone through the session's link: he must be an active person of the
 * session's enterprise (anyone else: 404, as for a link that names nothing); an expired link is 409 `CHECKIN_CLOSED`.
 * Checking in twice changes nothing.
 */
export async function checkIn(db: Db, ctx: Ctx, token: string) {
  const actor = requireActor(ctx);
  const s0 = actor.scope;
  if (s0.kind !== 'enterprise') throw notFound();
  const employeeId = s0.employeeId ?? await employeeOfUser(db, actor.userId, s0.enterpriseId);
  if (!employeeId) throw refused('STATE', 'NO_EMPLOYEE', 'training.refused.noEmployee');
  return db.transaction().execute(async (tx) => {
    const s = await sessionByCheckin(tx, sha256(token));
    if (!s || s.enterprise_id !== s0.enterpriseId) throw notFound();
    if (!s.checkin_expires_at || s.checkin_expires_at <= ctx.now) throw refused('STATE', 'CHECKIN_CLOSED', 'training.refused.checkinClosed');
    const person = await tx.selectFrom('employees').select(['id', 'status']).where('enterprise_id', '=', s.enterprise_id).where('id', '=', employeeId).executeTakeFirst();
    if (!person || person.status !== 'active') throw refused('STATE', 'NO_EMPLOYEE', 'training.refused.noEmployee');
    const added = await insertAttendance(tx, s.enterprise_id, [{
      session_id: s.id, employee_id: employeeId, held_on: s.held_on, hours: s.hours, course_type: s.course_type, method: 'qr',
      score: null, passed: null, signature_id: null, recorded_by: actor.userId, recorded_at: ctx.now,
    }]);
    if (added) {
      await writeAudit(tx, ctx, { action: 'training.attend', entityType: 'training_session', entityId: s.id, enterpriseId: s.enterprise_id, after: { employeeId, method: 'qr' } });
    }
    return { sessionId: s.id, title: s.title, heldOn: s.held_on, hours: Number(s.hours), already: added === 0 };
  });
}

// ---- attendance: the shared device ----

/** The people the operator may record (his branch for a unit leader), with whether they have an account and attended. */
export async function sessionRoster(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  const s = await findSession(db, actor.scope, enterpriseId, id);
  if (!s) throw notFound();
  if (!mayRecord(actor, enterpriseId)) throw notOperator();
  const today = localDay(ctx.now);
  const [rows, attended] = await Promise.all([
    personRows(db, actor.scope, [enterpriseId], { yearFrom: today, initialFrom: today, today }),
    sessionAttendance(db, actor.scope, enterpriseId, id),
  ]);
  const done = new Set(attended.map((a) => a.employee_id));
  return { items: rows.map((r) => ({ employeeId: r.employee_id, name: r.name, unitName: r.unit_name, hasAccount: r.has_account, attended: done.has(r.employee_id) })) };
}

/**
 * A person without an account signs the session's attendance on a manager's or his unit leader's device: a drawn
 * signature and the last four of his ID number (platform/signatures `proxy_pad`, checked and counted before the
 * transaction: wrong → 400 at `body.idLast4`). Someone who already attended: 409 `ALREADY_ATTENDED`.
 */
export async function proxyAttend(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: ProxyAttendanceBody) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  const seen = await findSession(db, actor.scope, enterpriseId, id);
  if (!seen) throw notFound();
  if (!mayRecord(actor, enterpriseId)) throw notOperator();
  if (!(await findPerson(db, actor.scope, enterpriseId, body.employeeId))) throw notFound();
  const signer = { employeeId: body.employeeId, idLast4: body.idLast4 };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: 'proxy_pad' });
  await db.transaction().execute(async (tx) => {
    const s = await findSession(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!s) throw notFound();
    if (await findAttendance(tx, enterpriseId, id, body.employeeId)) throw refused('STATE', 'ALREADY_ATTENDED', 'training.refused.alreadyAttended');
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: 'training_attendance', documentId: s.id, documentVersion: 1,
      content: { trainingSession: { id: s.id, courseType: s.course_type, title: s.title, heldOn: s.held_on, hours: s.hours, trainer: s.trainer } },
      signer, method: 'proxy_pad', imageAttachmentId: body.imageAttachmentId, device: body.device, proof,
    });
    await insertAttendance(tx, enterpriseId, [{
      session_id: s.id, employee_id: body.employeeId, held_on: s.held_on, hours: s.hours, course_type: s.course_type, method: 'proxy_pad',
      score: null, passed: null, signature_id: sig.id, recorded_by: actor.userId, recorded_at: ctx.now,
    }]);
    await writeAudit(tx, ctx, {
      action: 'training.attend', entityType: 'training_session', entityId: s.id, enterpriseId, after: { employeeId: body.employeeId, method: 'proxy_pad', signatureId: sig.id },
    });
  });
  return getTrainingSession(db, ctx, enterpriseId, id);
}

/**
 * A manager records a person's attendance from a paper list (method `manager`) or, where an exam was held, the score
 * and whether he passed. `passed` is only for sessions with an exam (400 otherwise).
 */
export async function setAttendanceResult(db: Db, ctx: Ctx, enterpriseId: string, id: string, employeeId: string, body: ResultBody) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const s = await sessionToManage(tx, actor, enterpriseId, id);
    const person = await findPerson(tx, actor.scope, enterpriseId, employeeId);
    if (!person) throw notFound();
    if (!s.exam_held && (body.passed != null || body.score != null)) throw invalid('body.passed', 'training.noExam');
    const before = await findAttendance(tx, enterpriseId, id, employeeId, { lock: true });
    const result = { score: body.score == null ? null : hoursText(body.score), passed: body.passed ?? null };
    if (!before) {
      if (person.status !== 'active') throw refused('STATE', 'NOT_ACTIVE', 'training.refused.notActive');
      await insertAttendance(tx, enterpriseId, [{
        session_id: id, employee_id: employeeId, held_on: s.held_on, hours: s.hours, course_type: s.course_type, method: 'manager', ...result,
        signature_id: null, recorded_by: actor.userId, recorded_at: ctx.now,
      }]);
    } else {
      await updateAttendanceResult(tx, enterpriseId, id, employeeId, result);
    }
    await writeAudit(tx, ctx, {
      action: 'training.attendance.result', entityType: 'training_session', entityId: id, enterpriseId,
      before: before ? { employeeId, score: before.score, passed: before.passed } : null, after: { employeeId, ...result },
    });
  });
  return getTrainingSession(db, ctx, enterpriseId, id);
}

export async function removeAttendance(db: Db, ctx: Ctx, enterpriseId: string, id: string, employeeId: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await sessionToManage(tx, actor, enterpriseId, id);
    const a = await findAttendance(tx, enterpriseId, id, employeeId, { lock: true });
    if (!a) throw notFound();
    // A signed attendance stays: the signature is the person's, and signatures are never taken back.
    if (a.signature_id) throw refused('STATE', 'SIGNED', 'training.refused.signedAttendance');
    await deleteAttendanceRow(tx, enterpriseId, id, employeeId);
    await writeAudit(tx, ctx, { action: 'training.attendance.delete', entityType: 'training_session', entityId: id, enterpriseId, before: { employeeId, method: a.method } });
  });
  return getTrainingSession(db, ctx, enterpriseId, id);
}

// ---- materials ----

function fileKind(buf: Buffer): 'photo' | 'document' {
  const png = buf.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff;
  const webp = buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP';
  return png || jpeg || webp ? 'photo' : 'document';
}

/** Course materials or a scanned sign-in sheet: photos or documents, judged before the transaction, stored under the session's lock. */
export async function uploadMaterials(db: Db, ctx: Ctx, enterpriseId: string, id: string, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  if (!(await findSession(db, actor.scope, enterpriseId, id))) throw notFound();
  guardManage(actor, enterpriseId);
  if (!files.length) throw invalid('body.file', 'attachment.missing');
  const photos = files.filter((f) => fileKind(f.buffer) === 'photo');
  const docs = files.filter((f) => fileKind(f.buffer) === 'document');
  const preparedPhotos = photos.length ? await prepareFiles('photo', photos, ctx.now) : [];
  const preparedDocs = docs.length ? await prepareFiles('document', docs, ctx.now) : [];
  return db.transaction().execute(async (tx) => {
    if (!(await findSession(tx, actor.scope, enterpriseId, id, { lock: true }))) throw notFound();
    const owner = { type: MATERIAL_OWNER, id, role: 'material' };
    const stored = [
      ...(preparedPhotos.length ? await storeFiles(tx, ctx, enterpriseId, 'photo', preparedPhotos, owner) : []),
      ...(preparedDocs.length ? await storeFiles(tx, ctx, enterpriseId, 'document', preparedDocs, owner) : []),
    ];
    await writeAudit(tx, ctx, { action: 'training.session.material', entityType: 'training_session', entityId: id, enterpriseId, after: { files: stored.map((f) => f.id) } });
    return stored.map((f) => f.id);
  });
}

export async function readMaterial(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  const sessionId = await sessionOfMaterial(db, enterpriseId, fileId);
  const s = sessionId && await findSession(db, actor.scope, enterpriseId, sessionId);
  const file = s && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

// ---- re-training events ----

/**
 * R-TRN-1: a person owes re-training after a change of post, a return after at least [cfg] `returnAfterMonths` away,
 * or a new process or equipment. A return after a shorter absence is refused at `body.awaySince`.
 */
export async function createRetraining(db: Db, ctx: Ctx, enterpriseId: string, input: RetrainingCreate) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const { rules } = await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    const person = await findPerson(tx, actor.scope, enterpriseId, input.employeeId);
    if (!person) throw notFound();
    if (input.occurredOn > localDay(ctx.now)) throw invalid('body.occurredOn', 'training.futureDate');
    if (input.reason === 'return') {
      if (!input.awaySince) throw invalid('body.awaySince', 'validation.required');
      if (input.awaySince > input.occurredOn || monthsBetween(input.awaySince, input.occurredOn) < rules.returnAfterMonths) {
        throw invalid('body.awaySince', 'training.returnTooShort', { months: rules.returnAfterMonths });
      }
    }
    const v = { employee_id: input.employeeId, reason: input.reason, occurred_on: input.occurredOn, away_since: input.reason === 'return' ? input.awaySince : null, note: input.note };
    const id = await insertRetraining(tx, enterpriseId, v, actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'training.retraining.create', entityType: 'training_retraining', entityId: id, enterpriseId, after: v });
  });
  return personArchive(db, ctx, enterpriseId, input.employeeId);
}

// ---- the per-person archive (一人一档) ----

export async function personArchive(db: Db, ctx: Ctx, enterpriseId: string, employeeId: string) {
  const actor = requireActor(ctx);
  const { e, rules, highRisk } = await open(db, actor, enterpriseId);
  const s = actor.scope;
  // An employee reads his own archive only; anyone else of his: 404 as for a person not in scope.
  if (s.kind === 'enterprise' && s.capacity === 'employee' && s.employeeId !== employeeId) throw notFound();
  const person = await findPerson(db, actor.scope, enterpriseId, employeeId);
  if (!person) throw notFound();
  const today = localDay(ctx.now);
  const [{ rows, views }, sessions, retraining, prior, untrained] = await Promise.all([
    people(db, actor.scope, enterpriseId, ctx, rules, highRisk, [employeeId]),
    personAttendance(db, enterpriseId, employeeId),
    personRetraining(db, enterpriseId, employeeId, today),
    findPrior(db, enterpriseId, employeeId),
    untrainedIds(db, enterpriseId, [employeeId], rules.inductionLevels),
  ]);
  const years = new Map<number, { hours: number; sessions: number }>();
  for (const a of sessions) {
    const y = Number(a.held_on.slice(0, 4));
    const t = years.get(y) ?? { hours: 0, sessions: 0 };
    t.hours = round1(t.hours + Number(a.hours));
    t.sessions++;
    years.set(y, t);
  }
  const role = rows[0] ? roleOf(rows[0]) : 'employee';
  return {
    enterpriseName: e.name, employeeId, name: person.name, idNumberMasked: person.id_number_masked, unitName: person.unit_name, employmentForm: person.employment_form,
    hireDate: person.hire_date, active: person.status === 'active', role, roleName: roleName(ctx, role),
    now: views[0] ?? null,
    hoursByYear: [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, t]) => ({ year, ...t })),
    sessions: sessions.map((a) => ({
      sessionId: a.session_id, heldOn: a.held_on, courseType: a.course_type, courseName: courseName(ctx, a.course_type), title: a.title, trainer: a.trainer,
      hours: Number(a.hours), method: a.method, score: num(a.score), passed: a.passed,
    })),
    retraining: retraining.map((r) => ({ id: r.id, reason: r.reason, occurredOn: r.occurred_on, awaySince: r.away_since, note: r.note, coveredOn: r.covered_on })),
    priorTraining: prior ? { note: prior.note, recordedAt: prior.recorded_at, hasEvidence: prior.attachment_id !== null } : null,
    inductionPassed: untrained.length === 0,
  };
}

/** The caller's own archive (his phone). */
export async function myArchive(db: Db, ctx: Ctx) {
  const actor = requireActor(ctx);
  const s = actor.scope;
  if (s.kind !== 'enterprise') throw notFound();
  const employeeId = s.employeeId ?? await employeeOfUser(db, actor.userId, s.enterpriseId);
  if (!employeeId) throw refused('STATE', 'NO_EMPLOYEE', 'training.refused.noEmployee');
  const own: Ctx = { ...ctx, actor: { ...actor, scope: { ...s, employeeId } } };
  return personArchive(db, own, s.enterpriseId, employeeId);
}

// ---- the principal's quarterly check (R-RESP-5) ----

/** The quarter's plan-versus-actual, generated from the plan, the sessions and the people's hours as they stand now. */
async function buildReport(db: Executor, ctx: Ctx, enterpriseId: string, year: number, quarter: number): Promise<PlanReport> {
  const { from, to } = quarterDays(year, quarter);
  const plan = await findPlan(db, { kind: 'system' }, enterpriseId, year);
  const [items, held, facts] = await Promise.all([
    plan ? planItems(db, enterpriseId, plan.id) : Promise.resolve([]),
    heldSessions(db, enterpriseId, from, to),
    trainingFacts(db, [enterpriseId], ctx.now),
  ]);
  const r = planVersusActual(
    items.map((i) => ({ lineNo: i.line_no, courseType: i.course_type, title: i.title, target: i.target, plannedHours: Number(i.planned_hours), month: i.month })),
    held.map((s) => ({ id: s.id, courseType: s.course_type, title: s.title, heldOn: s.held_on, hours: Number(s.hours), attendees: s.attendees })),
    quarter,
  );
  const f = facts.get(enterpriseId)!;
  return {
    year, quarter, from, to, planExists: !!plan,
    ...r,
    lines: r.lines.map((l) => ({ ...l, courseName: courseName(ctx, l.courseType) })),
    unplanned: r.unplanned.map((u) => ({ ...u, courseName: courseName(ctx, u.courseType) })),
    people: f.people, shortfallPeople: f.shortfallPeople, legalCovered: f.legalEducationCovered,
  };
}

function checkQuarter(ctx: Ctx, year: number, quarter: number) {
  // A quarter not begun has nothing to check.
  if (quarterDays(year, quarter).from > localDay(ctx.now)) throw invalid('query.quarter', 'training.futureQuarter');
}

export async function quarterReport(db: Db, ctx: Ctx, enterpriseId: string, q: { year: number; quarter: number }) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  checkQuarter(ctx, q.year, q.quarter);
  return buildReport(db, ctx, enterpriseId, q.year, q.quarter);
}

export async function listPlanReviews(db: Db, ctx: Ctx, enterpriseId: string, q: { year?: number | undefined }) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  const rows = await listReviews(db, actor.scope, enterpriseId, q.year);
  return {
    items: rows.map((r) => ({
      id: r.id, year: r.year, quarter: r.quarter, comments: r.comments, report: r.report as PlanReport, contentSha256: r.content_sha256, signedAt: r.signed_at, signedByName: r.signed_by_name,
    })),
    abilities: { canSign: isPrincipalOf(actor, enterpriseId) },
  };
}

/**
 * R-RESP-5: the principal reviews the quarter's plan-versus-actual report (regenerated under the lock, as signed) and
 * signs it with his comments, in person (pad or password); that fulfils the ten-ones item "check of the training plan
 * each quarter" (`training.plan_reviewed`, principal only) in the same transaction. Anyone else: 403
 * `PRINCIPAL_ONLY`; a quarter already signed: 409 `REVIEWED`. Data alone never fulfils it.
 */
export async function signPlanReview(db: Db, ctx: Ctx, enterpriseId: string, body: ReviewCreate) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  if (!isPrincipalOf(actor, enterpriseId)) throw refused('FORBIDDEN', 'PRINCIPAL_ONLY', 'training.refused.principalOnly');
  if (quarterDays(body.year, body.quarter).from > localDay(ctx.now)) throw invalid('body.quarter', 'training.futureQuarter');
  if (await findReview(db, enterpriseId, body.year, body.quarter)) throw refused('STATE', 'REVIEWED', 'training.refused.reviewed');
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  const id = await db.transaction().execute(async (tx) => {
    await lockEnterprise(tx, enterpriseId);
    if (await findReview(tx, enterpriseId, body.year, body.quarter)) throw refused('STATE', 'REVIEWED', 'training.refused.reviewed');
    const report = await buildReport(tx, ctx, enterpriseId, body.year, body.quarter);
    const documentId = `${body.year}-Q${body.quarter}`;
    const content = { enterpriseId, trainingPlanReview: documentId, comments: body.comments, report };
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: 'training_plan_review', documentId, documentVersion: 1, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    const created = await insertReview(tx, enterpriseId, {
      year: body.year, quarter: body.quarter, comments: body.comments, report: JSON.stringify(report), content_sha256: sig.contentSha256, signature_id: sig.id,
      signed_by: actor.userId, signed_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'training.review.sign', entityType: 'training_plan_review', entityId: created, enterpriseId,
      after: { year: body.year, quarter: body.quarter, comments: body.comments, signatureId: sig.id, contentSha256: sig.contentSha256 },
    });
    // A past quarter's check, signed late, fulfils that quarter's duty (late), not this quarter's.
    const { to } = quarterDays(body.year, body.quarter);
    const at = to < localDay(ctx.now) ? localInstant(body.year, body.quarter * 3 - 1, Number(to.slice(8, 10)), 12) : ctx.now;
    await fulfilByRecord(tx, ctx, { enterpriseId, record: 'training.plan_reviewed', recordType: 'training_plan_review', recordId: created, at, byPrincipal: true });
    return created;
  });
  const list = await listPlanReviews(db, ctx, enterpriseId, { year: body.year });
  return list.items.find((r) => r.id === id)!;
}

// ---- regulators ----

const SUPERVISE_COLUMNS = ['e.id', 'e.name', 'sd.name as subdistrict_name', 'i.name as industry_name'] as const;

/**
 * R-TRN-1, issue 13 §5: the enterprises in scope (subdistrict by location, department by industry) with their people,
 * shortfalls, legal-education coverage, hours this year and the quarters the principal checked, a page at a time (the
 * figures of the page's enterprises in one pass of `trainingFacts`). By name (in SQL), or by a figure (`pageByFigure`).
 */
export async function superviseTraining(db: Db, ctx: Ctx, q: SuperviseQuery) {
  const actor = requireActor(ctx);
  if (!can(actor, 'training.supervise')) throw forbidden();
  const base = regulatedList(db, actor.scope, { subdistrictId: q.subdistrictId, industryCode: q.industryCode, q: q.q });
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q.sort === 'name'
      ? base.select(SUPERVISE_COLUMNS).orderBy('e.name', q.order).orderBy('e.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute()
      : pageByFigure(db, ctx, q, q.sort),
  ]);
  const facts = await trainingFacts(db, rows.map((r) => r.id), ctx.now);
  return {
    year: localYear(ctx.now), total: Number(n), page: q.page, pageSize: q.pageSize,
    items: rows.map((r) => {
      const f = facts.get(r.id)!;
      return {
        enterpriseId: r.id, name: r.name, subdistrictName: r.subdistrict_name, industryName: r.industry_name, people: f.people, shortfallPeople: f.shortfallPeople,
        legalEducationCovered: f.legalEducationCovered, legalEducationRate: rate(f.legalEducationCovered, f.people), hoursThisYear: f.hoursThisYear,
        planReviewedQuarters: f.planReviewedQuarters,
      };
    }),
  };
}

/**
 * The page of the regulators' list in the order of a figure (issue 13 §5): ranked over the stored competence indicators
 * of every enterprise under the filters (the management overview's door; a stale row is computed first), so a district
 * of thousands is not graded person by person per request. Ties by name.
 */
async function pageByFigure(db: Db, ctx: Ctx, q: SuperviseQuery, figure: Exclude<SuperviseQuery['sort'], 'name'>) {
  const ranked = await rankByTraining(db, ctx, {
    sort: figure, order: q.order, page: q.page, pageSize: q.pageSize, q: q.q, subdistrictId: q.subdistrictId, industryCode: q.industryCode,
  });
  return ranked.items.map((r) => ({ id: r.id, name: r.name, subdistrict_name: r.subdistrictName, industry_name: r.industryName }));
}

// ---- import ----

export async function recordTemplate(db: Db, ctx: Ctx, enterpriseId: string): Promise<XlsxFile> {
  const actor = requireActor(ctx);
  // The template holds nothing of the enterprise but its name: whoever may import reads it.
  const { e } = await open(db, actor, enterpriseId);
  return {
    filename: `${safeFileName(e.name)}-培训记录导入模板.xlsx`, fallbackName: 'training-records-template.xlsx',
    buffer: await buildRecordTemplate({ enterpriseName: e.name }),
  };
}

/** The enterprise's active people by name, each with a check of the last four of his ID number (as a shared device checks it). */
async function rosterByName(db: Executor, enterpriseId: string): Promise<Map<string, Person[]>> {
  const rows = await db.selectFrom('employees').select(['enterprise_id', 'id', 'name', 'id_last4_hash', 'id_number_masked'])
    .where('enterprise_id', '=', enterpriseId).where('status', '=', 'active').execute();
  const out = new Map<string, Person[]>();
  for (const r of rows) {
    const masked = last4OfMasked(r.id_number_masked);
    const want = r.id_last4_hash ?? (masked ? idLast4Hash(signatureSecret(), r.enterprise_id, r.id, masked) : null);
    const person: Person = { id: r.id, matches: (last4) => want !== null && ID_LAST4.test(last4) && idLast4Hash(signatureSecret(), r.enterprise_id, r.id, last4) === want };
    out.set(r.name, [...(out.get(r.name) ?? []), person]);
  }
  return out;
}

/**
 * Training records from .xlsx, on the platform's sheet engine with one error per bad cell: `strict` (the default)
 * imports nothing while a row is wrong; `valid` imports the good rows. Rows sharing day, type, course, hours and
 * trainer become one new session; a session with a score or result in any row counts as one with an exam.
 */
export async function importRecords(db: Db, ctx: Ctx, enterpriseId: string, mode: 'strict' | 'valid', upload: Upload | null): Promise<ImportReport> {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  guardManage(actor, enterpriseId);
  const { filename, sheet: rows } = await readXlsxUpload(upload, readRecords);
  const checked = validateRecords(rows, { people: await rosterByName(db, enterpriseId), today: localDay(ctx.now) });
  const report = (imported: number, message: string): ImportReport => ({
    total: rows.length, validCount: checked.valid.length, errorCount: checked.errorRows, imported, errors: translateRowErrors(ctx.locale, checked.errors), warnings: [], message,
  });
  if (mode === 'strict' && checked.errorRows > 0) return report(0, t(ctx.locale, 'import.hasErrors', { count: checked.errorRows }));
  if (!checked.valid.length) return report(0, t(ctx.locale, 'import.nothingValid'));
  const groups = new Map<string, ValidRecord[]>();
  for (const r of checked.valid) groups.set(sessionKey(r), [...(groups.get(sessionKey(r)) ?? []), r]);
  await db.transaction().execute(async (tx) => {
    for (const records of groups.values()) {
      const first = records[0]!;
      const v: SessionValues = {
        course_type: first.courseType, title: first.title, trainer: first.trainer, held_on: first.heldOn, hours: hoursText(first.hours),
        exam_held: records.some((r) => r.score !== null || r.passed !== null), note: '',
      };
      const sessionId = await insertSession(tx, enterpriseId, v, actor.userId, ctx.now);
      await insertAttendance(tx, enterpriseId, records.map((r) => ({
        session_id: sessionId, employee_id: r.employeeId, held_on: v.held_on, hours: v.hours, course_type: v.course_type, method: 'import' as const,
        score: r.score === null ? null : hoursText(r.score), passed: r.passed, signature_id: null, recorded_by: actor.userId, recorded_at: ctx.now,
      })));
    }
    await writeAudit(tx, ctx, {
      action: 'training.import', entityType: 'enterprise', entityId: enterpriseId, enterpriseId,
      after: { sessions: groups.size, records: checked.valid.length, mode, file: filename, skippedRows: checked.errorRows },
    });
  });
  return report(checked.valid.length, checked.errorRows > 0
    ? t(ctx.locale, 'training.import.partial', { count: checked.valid.length, sessions: groups.size, errors: checked.errorRows })
    : t(ctx.locale, 'training.import.done', { count: checked.valid.length, sessions: groups.size }));
}
