import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor, wholeEnterprise } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { enqueueAlerts, type NewAlert } from '../../../platform/alerts';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import type { AccidentGrade, AccidentKind, ForwardLevel, OfficeKind } from '../../../platform/db/schema/accidents';
import { systemScope } from '../../../platform/db/scope';
import { principalsOf, unitLeadersOver, idsOf } from '../../../platform/directory';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { linkFiles, filesOf, precheckFile, storeFiles } from '../../../platform/files/attachments';
import { t } from '../../../platform/i18n/messages';
import { enqueueOutbox, type OutboxMessage } from '../../../platform/outbox';
import { currentRules, type RulesAt } from '../../../platform/rules';
import { localInstant } from '../../../platform/time';
import { triggerEvent } from '../../obligations';
import { forwardLevelOf, gradeOf, toFen, latenessOf, supplementOpen, supplementWindowEnd } from './accident-grading.rules';
import { ACCIDENT_FILE_OWNER } from './accident.policy';
import {
  EMERGENCY_DEPARTMENT_CODE, departmentCodeOf, postByCardToken, dutyPhoneRows, eventsOf, findAccident, inboxRows, insertAccident, insertEvent, insertRecipients, insertSupplement,
  listAccidentRows, markRead, officeInDistrict, officersOf, officesOf, postOf, receivingOffices, recipientsOf, statsRows, supplementsOf, unitOfAccount,
  updateAccident, upsertDutyPhone, type AccidentRow,
} from './accident.repository';
import {
  FORWARD_LEVELS, type AccidentDetail, type AccidentListQuery, type AccidentSummary, type InboxQuery, type PublicReportInput, type QuickReportInput,
  type StatsQuery, type StatsRow, type SupplementInput,
} from './accident.schema';
import { ACCIDENT_RULES, type AccidentRules } from './accidents.rule-sets';

/*
 * Accident reports (issue 14 §4, R-ACC-1…3). A quick report is saved in its own transaction with its notifications and
 * alerts (outbox and alert job) before anything else runs; its photos are stored after it, pending (the attachments
 * store's deferred processing: judged by their bytes only, re-encoded by a job), so a bad photo never loses a report
 * and the phone is answered without waiting for the decoding. The principal or a safety manager reports an accident up: every receiving office gets an inbox row, its
 * officers a notification, its duty phone an alert, and the interview duty is triggered. Figures change only through
 * supplementary reports within the window; nothing is ever deleted.
 */

const ACCIDENT = 'accident';
const rulesOf = async (db: Executor, at: RulesAt): Promise<AccidentRules> => (await currentRules(db, at, ACCIDENT_RULES)).value;
/** The rule-set in force with its version: a grade records the version it was computed with. */
const versionedRules = (db: Executor, at: RulesAt) => currentRules(db, at, ACCIDENT_RULES);
const zh = (key: string, params: Record<string, string | number> = {}) => t('zh-CN', key, params);
const enterpriseLink = (enterpriseId: string, id: string) => `/enterprises/${enterpriseId}/accidents/${id}`;
const inboxLink = (id: string) => `/accident-inbox/${id}`;
const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

function refused(reason: string, code: 'STATE' | 'CONFLICT' | 'FORBIDDEN' = 'STATE'): AppError {
  return new AppError(code, { reason, messageKey: `accident.refused.${reason}` });
}

/** The principal or a safety manager of this enterprise: reports up, supplements, corrects the unit head's time. */
const mayReportUp = (actor: Actor, enterpriseId: string) => isEnterpriseManager(actor, enterpriseId) && can(actor, 'accident.report_up');

/** The district records the upward forward: its admin, or an officer of its emergency management department. */
async function mayForward(db: Executor, actor: Actor): Promise<boolean> {
  if (!can(actor, 'accident.forward')) return false;
  if (actor.scope.kind === 'district') return true;
  return actor.scope.kind === 'department' && (await departmentCodeOf(db, actor.scope.departmentId)) === EMERGENCY_DEPARTMENT_CODE;
}

function notices(userIds: readonly string[], kind: string, titleKey: string, bodyKey: string, params: Record<string, string | number>, link: string): OutboxMessage[] {
  return [...new Set(userIds)].map((userId) => ({ topic: 'notify' as const, payload: { userId, kind, titleKey, bodyKey, params, link } }));
}

// ---- presenters ----

type SummaryRow = Pick<AccidentRow, 'enterprise_id' | 'id' | 'kind' | 'accident_type' | 'occurred_at' | 'place' | 'summary' | 'deaths' | 'missing' | 'serious_injuries'
  | 'minor_injuries' | 'direct_loss' | 'grade' | 'unit_head_informed_at' | 'regulators_received_at' | 'forward_level' | 'forwarded_at' | 'enterprise_name'>;

function presentSummary(r: SummaryRow, rules: AccidentRules, now: Date): AccidentSummary {
  const lateness = r.kind === 'near_miss'
    ? { late: false, onsiteGap: false, forwardLate: false }
    : latenessOf({ occurredAt: r.occurred_at, unitHeadInformedAt: r.unit_head_informed_at, regulatorsReceivedAt: r.regulators_received_at, forwardedAt: r.forwarded_at }, rules, now);
  return {
    id: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, kind: r.kind, accidentType: r.accident_type, occurredAt: r.occurred_at,
    place: r.place, summary: r.summary, deaths: r.deaths, missing: r.missing, seriousInjuries: r.serious_injuries, minorInjuries: r.minor_injuries,
    directLoss: r.direct_loss, grade: r.grade, unitHeadInformedAt: r.unit_head_informed_at, regulatorsReceivedAt: r.regulators_received_at,
    forwardLevel: r.forward_level, forwardedAt: r.forwarded_at, lateness,
  };
}

async function present(db: Executor, ctx: Ctx, row: AccidentRow): Promise<AccidentDetail> {
  const actor = requireActor(ctx);
  const rules = await rulesOf(db, row.district_id);
  const [recipients, supplements, events, files, forwarder] = await Promise.all([
    recipientsOf(db, row.enterprise_id, row.id), supplementsOf(db, row.enterprise_id, row.id), eventsOf(db, row.enterprise_id, row.id),
    filesOf(db, row.enterprise_id, { type: ACCIDENT_FILE_OWNER, id: row.id }), mayForward(db, actor),
  ]);
  const manager = mayReportUp(actor, row.enterprise_id);
  const windowEnd = supplementWindowEnd(row.occurred_at, row.accident_type, rules);
  const open = supplementOpen(row.occurred_at, row.accident_type, rules, ctx.now);
  const required = row.grade ? forwardLevelOf(row.grade) : null;
  const received = row.regulators_received_at !== null;
  return {
    ...presentSummary(row, rules, ctx.now),
    version: row.version, source: row.source, reporterName: row.reporter_name, reportedByName: row.reported_by_name ?? null,
    postName: row.post_name ?? null, orgUnitName: row.org_unit_name ?? null, subdistrictName: row.subdistrict_name, industryName: row.industry_name,
    requiredForwardLevel: required, supplementWindowEnd: windowEnd, supplementOpen: open,
    followupLink: `/enterprises/${row.enterprise_id}/accidents/${row.id}/followup`,
    recipients: recipients.map((r) => ({ officeKind: r.office_kind, officeName: r.office_name, receivedAt: r.received_at, readAt: r.read_at })),
    supplements: supplements.map((s) => ({
      id: s.id, reportedAt: s.reported_at, deaths: s.deaths, missing: s.missing, seriousInjuries: s.serious_injuries, minorInjuries: s.minor_injuries,
      directLoss: s.direct_loss, note: s.note, gradeBefore: s.grade_before as AccidentGrade | null, gradeAfter: s.grade_after as AccidentGrade | null,
      recordedByName: s.display_name ?? null,
    })),
    events: events.map((e) => ({ op: e.op, at: e.at, actorName: e.display_name ?? null, note: e.note })),
    photos: files.map((f) => ({ id: f.id, url: `/api/v1/enterprises/${row.enterprise_id}/photos/${f.id}`, state: f.state })),
    abilities: {
      reportUp: manager && row.kind === 'accident' && !received,
      supplement: manager && open,
      editUnitHeadTime: manager && row.kind === 'accident',
      forward: forwarder && received && row.kind === 'accident' && (row.forward_level === null || (required !== null && FORWARD_LEVELS.indexOf(row.forward_level) < FORWARD_LEVELS.indexOf(required))),
    },
  };
}

export async function getAccident(db: Db, ctx: Ctx, enterpriseId: string | null, id: string): Promise<AccidentDetail> {
  const row = await findAccident(db, requireActor(ctx), enterpriseId, id);
  if (!row) throw notFound();
  return present(db, ctx, row);
}

export async function listAccidents(db: Db, ctx: Ctx, enterpriseId: string, q: AccidentListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const range = q.year === undefined ? {} : { from: localInstant(q.year, 0, 1), before: localInstant(q.year + 1, 0, 1) };
  const [{ items, total }, rules] = await Promise.all([listAccidentRows(db, actor, enterpriseId, { ...q, ...range }), rulesOf(db, { enterpriseId })]);
  return { items: items.map((r) => presentSummary(r, rules, ctx.now)), total, page: q.page, pageSize: q.pageSize, canReportUp: mayReportUp(actor, enterpriseId) };
}

// ---- the quick report ----

type Filed = {
  kind: AccidentKind; summary: string; place: string; occurredAt?: string | undefined; accidentType: QuickReportInput['accidentType'];
  deaths: number; missing: number; seriousInjuries: number; minorInjuries: number; directLoss: string;
};

function occurredAtOf(ctx: Ctx, input: Filed): Date {
  const at = input.occurredAt ? new Date(input.occurredAt) : ctx.now;
  // A phone's clock may run a little fast: five minutes ahead is accepted as "now".
  if (at.getTime() > ctx.now.getTime() + 5 * 60_000 || at.getTime() < localInstant(2000, 0, 1).getTime()) throw invalid('body.occurredAt', 'accident.occurredAtRange');
  return at.getTime() > ctx.now.getTime() ? ctx.now : at;
}

/**
 * Saves a quick report with its notifications and alerts in one transaction: the unit head (the leaders over the
 * reporter's or the post's unit) and the principal, in-app and by alert (R-ACC-2: on-site people report at once).
 */
async function fileReport(tx: Tx, ctx: Ctx, enterpriseId: string, input: Filed, who: {
  reportedBy: string | null; postId: string | null; unit: { id: string | null; path: string | null } | undefined; source: 'app' | 'qr'; reporterName: string; reporterPhone: string;
}): Promise<string> {
  const { value: rules, version: rulesVersion } = await versionedRules(tx, { enterpriseId });
  const occurredAt = occurredAtOf(ctx, input);
  const grade = input.kind === 'accident' ? gradeOf(input, rules.missingCountAsDeaths) : null;
  const id = await insertAccident(tx, wholeEnterprise(enterpriseId), enterpriseId, {
    kind: input.kind, occurredAt, place: input.place, summary: input.summary, accidentType: input.accidentType, deaths: input.deaths, missing: input.missing,
    seriousInjuries: input.seriousInjuries, minorInjuries: input.minorInjuries, directLoss: input.directLoss, grade,
    unitHeadInformedAt: ctx.now, reportedBy: who.reportedBy, postId: who.postId, orgUnitId: who.unit?.id ?? null, source: who.source,
    reporterName: who.reporterName, reporterPhone: who.reporterPhone, rulesVersion, now: ctx.now,
  });
  await insertEvent(tx, enterpriseId, id, { op: 'quick_report', at: ctx.now, actorId: who.reportedBy, note: who.reporterName });
  await writeAudit(tx, ctx, { action: 'accident.quick_report', entityType: ACCIDENT, entityId: id, enterpriseId, after: { ...input, occurredAt, grade, source: who.source } });
  const ent = await tx.selectFrom('enterprises').select('name').where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  const leaders = who.unit?.path ? await idsOf(unitLeadersOver(tx, enterpriseId, who.unit.path)) : [];
  const principals = await idsOf(principalsOf(tx, enterpriseId));
  const to = [...new Set([...leaders, ...principals])].filter((u) => u !== who.reportedBy || principals.includes(u));
  const params = { enterprise: ent.name, summary: short(input.summary), place: input.place || '—', kind: zh(`accident.kind.${input.kind}`), deaths: input.deaths, serious: input.seriousInjuries };
  await enqueueOutbox(tx, notices(to, 'accident.quick', 'accident.notify.quick.title', 'accident.notify.quick.body', params, enterpriseLink(enterpriseId, id)));
  await enqueueAlerts(tx, ctx, to.map((userId): NewAlert => ({ kind: 'accident.quick', enterpriseId, userId, text: zh('accident.alert.quick', params), link: enterpriseLink(enterpriseId, id) })));
  return id;
}

/** The photos sent with a report that pass the checks needing no decoding; the others are counted, not stored. */
function photosOnArrival(photos: readonly Buffer[]): { ok: Buffer[]; refused: number } {
  const ok: Buffer[] = [];
  for (const buffer of photos) {
    try {
      precheckFile('photo', buffer, 'body.photo');
      ok.push(buffer);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return { ok, refused: photos.length - ok.length };
}

/**
 * After the report is saved, in a transaction of their own: its photos are stored pending (their processing job in the
 * same transaction) and linked to it, and so locked with it. Refused as a whole (the enterprise's storage full), they are
 * counted as refused and the report stands.
 */
async function attachPhotos(db: Db, ctx: Ctx, enterpriseId: string, id: string, photos: readonly Buffer[]): Promise<number> {
  if (!photos.length) return 0;
  try {
    await db.transaction().execute((tx) => storeFiles(tx, ctx, enterpriseId, 'photo', photos.map((buffer) => ({ buffer })),
      { type: ACCIDENT_FILE_OWNER, id, role: 'photo' }, { deferred: true, path: 'body.photo' }));
    return photos.length;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return 0;
  }
}

export async function quickReport(db: Db, ctx: Ctx, enterpriseId: string, input: QuickReportInput, photos: readonly Buffer[] = []): Promise<{ id: string; photosLinked: number; photosRefused: number }> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const post = input.postId ? await postOf(db, actor.scope, enterpriseId, input.postId) : null;
  if (input.postId && !post) throw invalid('body.postId', 'accident.postUnknown');
  const unit = post ? { id: post.org_unit_id, path: post.path } : await unitOfAccount(db, enterpriseId, actor.userId);
  const arrived = photosOnArrival(photos);
  const id = await db.transaction().execute((tx) => fileReport(tx, ctx, enterpriseId, input, {
    reportedBy: actor.userId, postId: post?.id ?? null, unit, source: 'app', reporterName: actor.displayName, reporterPhone: '',
  }));
  // The report is saved: photos follow in their own transaction, and a bad one does not undo it.
  let photosLinked = await attachPhotos(db, ctx, enterpriseId, id, arrived.ok);
  const photosRefused = arrived.refused + (arrived.ok.length - photosLinked);
  if (input.photoIds.length) {
    try {
      await db.transaction().execute((tx) => linkFiles(tx, ctx, enterpriseId, { type: ACCIDENT_FILE_OWNER, id }, input.photoIds, { kind: 'photo', role: 'photo' }));
      photosLinked += new Set(input.photoIds).size;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return { id, photosLinked, photosRefused };
}

/** The public QR page's heading: which enterprise and post the code belongs to (the token is the only credential). */
export async function publicReportForm(db: Db, token: string) {
  const hit = await postByCardToken(db, systemScope, token);
  const post = hit ? await postOf(db, wholeEnterprise(hit.enterprise_id), hit.enterprise_id, hit.post_id) : undefined;
  if (!hit || !post) throw notFound();
  return { enterpriseName: post.enterprise_name, postName: post.name, orgUnitName: post.org_unit_name };
}

/**
 * A quick report from a post's QR code without signing in, with up to three photos. A filled honeypot field is a bot:
 * it is answered as if accepted and nothing is stored, photos included. The route limits the rate per address, the
 * body's size and the photos' number and size; the photos are processed like the app's (pending, then a job).
 */
export async function publicQuickReport(db: Db, ctx: Ctx, token: string, input: PublicReportInput, photos: readonly Buffer[] = []) {
  const hit = await postByCardToken(db, systemScope, token);
  if (!hit) throw notFound();
  if (input.website.trim() !== '') return { ok: true as const, reference: '—', photosAccepted: photos.length, photosRefused: 0 };
  const post = await postOf(db, wholeEnterprise(hit.enterprise_id), hit.enterprise_id, hit.post_id);
  if (!post) throw notFound();
  const arrived = photosOnArrival(photos);
  const id = await db.transaction().execute((tx) => fileReport(tx, ctx, hit.enterprise_id, input, {
    reportedBy: null, postId: post.id, unit: { id: post.org_unit_id, path: post.path }, source: 'qr', reporterName: input.reporterName, reporterPhone: input.reporterPhone,
  }));
  const photosAccepted = await attachPhotos(db, ctx, hit.enterprise_id, id, arrived.ok);
  return { ok: true as const, reference: id.slice(0, 8).toUpperCase(), photosAccepted, photosRefused: photos.length - photosAccepted };
}

// ---- reporting up ----

async function lockedAccident(tx: Tx, actor: Actor, enterpriseId: string | null, id: string): Promise<AccidentRow> {
  const row = await findAccident(tx, actor, enterpriseId, id, { lock: true });
  if (!row) throw notFound();
  return row;
}

function checkVersion(row: AccidentRow, version: number | undefined) {
  if (version !== undefined && version !== row.version) throw new AppError('CONFLICT', { reason: 'STALE' });
}

/** Notifications to the officers of each office and alerts to its duty phone (or to its officers when it keeps none). */
async function tellOffices(tx: Tx, ctx: Ctx, row: AccidentRow, offices: readonly { kind: OfficeKind; id: string; phone?: string | null; name?: string }[],
  keys: { title: string; body: string; alert: string }, params: Record<string, string | number>) {
  const messages: OutboxMessage[] = [];
  const alerts: NewAlert[] = [];
  const text = zh(keys.alert, params);
  for (const o of offices) {
    const officers = await officersOf(tx, o);
    messages.push(...notices(officers, 'accident.received', keys.title, keys.body, params, inboxLink(row.id)));
    if (o.phone) alerts.push({ kind: 'accident.received', enterpriseId: row.enterprise_id, phone: o.phone, label: o.name ?? '', text, link: inboxLink(row.id) });
    else alerts.push(...officers.map((userId) => ({ kind: 'accident.received', enterpriseId: row.enterprise_id, userId, text, link: inboxLink(row.id) })));
  }
  await enqueueOutbox(tx, messages);
  await enqueueAlerts(tx, ctx, alerts);
}

/**
 * R-ACC-2: the principal or a safety manager reports an accident to the regulators. The receipt time is now; 迟报 is
 * judged against the unit head's notice. A near miss is never sent upward.
 */
export async function reportUp(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string; version?: number | undefined }): Promise<AccidentDetail> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const row = await lockedAccident(tx, actor, enterpriseId, id);
    if (!mayReportUp(actor, enterpriseId)) throw new AppError('FORBIDDEN');
    if (row.kind !== 'accident') throw refused('NEAR_MISS');
    if (row.regulators_received_at) throw refused('ALREADY_REPORTED');
    checkVersion(row, input.version);
    const offices = await receivingOffices(tx, enterpriseId);
    await updateAccident(tx, enterpriseId, id, { regulators_received_at: ctx.now, reported_up_by: actor.userId }, ctx.now);
    await insertRecipients(tx, enterpriseId, id, offices, ctx.now);
    await insertEvent(tx, enterpriseId, id, { op: 'report_up', at: ctx.now, actorId: actor.userId, note: input.note, detail: { offices: offices.map((o) => o.id) } });
    await writeAudit(tx, ctx, { action: 'accident.report_up', entityType: ACCIDENT, entityId: id, enterpriseId, after: { receivedAt: ctx.now, offices: offices.map((o) => o.name) } });
    await tellOffices(tx, ctx, row, offices, { title: 'accident.notify.received.title', body: 'accident.notify.received.body', alert: 'accident.alert.received' }, {
      enterprise: row.enterprise_name, summary: short(row.summary), deaths: row.deaths, serious: row.serious_injuries, missing: row.missing,
    });
    // R-RESP-8: the accident's interview duty (declared by accidents/followup) opens on this event.
    await triggerEvent(tx, ctx, { enterpriseId, event: 'accident.reported', at: ctx.now, subjectKey: id, subjectLabel: short(row.summary, 100) });
  });
  return getAccident(db, ctx, enterpriseId, id);
}

/** The unit head's time is the quick report's arrival unless corrected, with a reason kept in the history. */
export async function changeUnitHeadTime(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { at: string; reason: string }): Promise<AccidentDetail> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const row = await lockedAccident(tx, actor, enterpriseId, id);
    if (!mayReportUp(actor, enterpriseId)) throw new AppError('FORBIDDEN');
    if (row.kind !== 'accident') throw refused('NEAR_MISS');
    const at = new Date(input.at);
    if (at.getTime() < row.occurred_at.getTime() || at.getTime() > ctx.now.getTime()) throw invalid('body.at', 'accident.unitHeadTimeRange');
    await updateAccident(tx, enterpriseId, id, { unit_head_informed_at: at }, ctx.now);
    await insertEvent(tx, enterpriseId, id, { op: 'unit_head_time', at: ctx.now, actorId: actor.userId, note: input.reason, detail: { from: row.unit_head_informed_at, to: at } });
    await writeAudit(tx, ctx, { action: 'accident.unit_head_time', entityType: ACCIDENT, entityId: id, enterpriseId, before: { at: row.unit_head_informed_at }, after: { at, reason: input.reason } });
  });
  return getAccident(db, ctx, enterpriseId, id);
}

/**
 * R-ACC-3: a supplementary report within the window (30 days, 7 for road traffic and fire [cfg]); the accident's
 * figures and grade follow. After the window the figures are final. The offices it was sent to hear of it.
 */
export async function addSupplement(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: SupplementInput): Promise<AccidentDetail> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const row = await lockedAccident(tx, actor, enterpriseId, id);
    if (!mayReportUp(actor, enterpriseId)) throw new AppError('FORBIDDEN');
    const { value: rules, version: rulesVersion } = await versionedRules(tx, row.district_id);
    if (!supplementOpen(row.occurred_at, row.accident_type, rules, ctx.now)) throw refused('WINDOW_CLOSED');
    const same = row.deaths === input.deaths && row.missing === input.missing && row.serious_injuries === input.seriousInjuries
      && row.minor_injuries === input.minorInjuries && toFen(row.direct_loss) === toFen(input.directLoss);
    if (same) throw refused('NOTHING_CHANGED');
    const grade = row.kind === 'accident' ? gradeOf(input, rules.missingCountAsDeaths) : null;
    await updateAccident(tx, enterpriseId, id, {
      deaths: input.deaths, missing: input.missing, serious_injuries: input.seriousInjuries, minor_injuries: input.minorInjuries, direct_loss: input.directLoss, grade, rules_version: rulesVersion,
    }, ctx.now);
    await insertSupplement(tx, enterpriseId, id, { at: ctx.now, ...input, gradeBefore: row.grade, gradeAfter: grade, by: actor.userId });
    await insertEvent(tx, enterpriseId, id, { op: 'supplement', at: ctx.now, actorId: actor.userId, note: input.note, detail: { gradeBefore: row.grade, gradeAfter: grade } });
    await writeAudit(tx, ctx, {
      action: 'accident.supplement', entityType: ACCIDENT, entityId: id, enterpriseId,
      before: { deaths: row.deaths, missing: row.missing, seriousInjuries: row.serious_injuries, minorInjuries: row.minor_injuries, directLoss: row.direct_loss, grade: row.grade },
      after: { ...input, grade },
    });
    if (row.regulators_received_at) {
      const offices = (await officesOf(tx, enterpriseId, id)).map((o) => ({ kind: o.kind, id: o.id }));
      const phones = new Map((await receivingOffices(tx, enterpriseId)).map((o) => [o.id, o]));
      await tellOffices(tx, ctx, row, offices.map((o) => ({ ...o, phone: phones.get(o.id)?.phone ?? null, name: phones.get(o.id)?.name ?? '' })),
        { title: 'accident.notify.supplement.title', body: 'accident.notify.supplement.body', alert: 'accident.alert.supplement' }, {
          enterprise: row.enterprise_name, summary: short(row.summary), deaths: input.deaths, serious: input.seriousInjuries, loss: input.directLoss,
          grade: zh(`accident.grade.${grade ?? 'none'}`),
        });
    }
  });
  return getAccident(db, ctx, enterpriseId, id);
}

// ---- the regulators ----

export async function listInbox(db: Db, ctx: Ctx, q: InboxQuery) {
  const actor = requireActor(ctx);
  const [{ items, total, unread }, rules, canForward] = await Promise.all([inboxRows(db, actor, q), rulesOf(db, ctx), mayForward(db, actor)]);
  return {
    items: items.map((r) => ({ ...presentSummary(r, rules, ctx.now), subdistrictName: r.subdistrict_name, industryName: r.industry_name, readAt: r.read_at })),
    total, page: q.page, pageSize: q.pageSize, unread, canForward,
  };
}

export async function readInboxItem(db: Db, ctx: Ctx, id: string): Promise<AccidentDetail> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const row = await findAccident(tx, actor, null, id);
    if (!row) throw notFound();
    await markRead(tx, actor, row.enterprise_id, id, ctx.now);
  });
  return getAccident(db, ctx, null, id);
}

/** R-ACC-2: the district's upward forward, to the level the grade requires (or higher), recorded with its time. */
export async function forwardAccident(db: Db, ctx: Ctx, id: string, input: { level?: ForwardLevel | undefined; at?: string | undefined; note: string }): Promise<AccidentDetail> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const row = await lockedAccident(tx, actor, null, id);
    if (!(await mayForward(tx, actor))) throw refused('NOT_EMERGENCY_DEPARTMENT', 'FORBIDDEN');
    if (!row.regulators_received_at || !row.grade) throw refused('NOT_REPORTED');
    const level = input.level ?? forwardLevelOf(row.grade);
    if (row.forward_level && FORWARD_LEVELS.indexOf(level) <= FORWARD_LEVELS.indexOf(row.forward_level)) throw refused('ALREADY_FORWARDED');
    const at = input.at ? new Date(input.at) : ctx.now;
    if (at.getTime() < row.regulators_received_at.getTime() || at.getTime() > ctx.now.getTime()) throw invalid('body.at', 'accident.forwardTimeRange');
    await updateAccident(tx, row.enterprise_id, id, { forward_level: level, forwarded_at: at, forwarded_by: actor.userId }, ctx.now);
    await insertEvent(tx, row.enterprise_id, id, { op: 'forward', at, actorId: actor.userId, note: input.note, detail: { level } });
    await writeAudit(tx, ctx, { action: 'accident.forward', entityType: ACCIDENT, entityId: id, enterpriseId: row.enterprise_id, after: { level, at } });
  });
  return getAccident(db, ctx, null, id);
}

// ---- statistics ----

function statLabel(locale: Ctx['locale'], by: StatsQuery['by'], key: string, label: string): string {
  if (by === 'grade') return t(locale, `accident.grade.${key || 'none'}`);
  if (by === 'type') return t(locale, `accident.type.${key || 'none'}`);
  return label;
}

/** Statistics of an enterprise's own accidents (enterpriseId) or of the regulator's scope (null). */
export async function accidentStats(db: Db, ctx: Ctx, enterpriseId: string | null, q: StatsQuery) {
  const actor = requireActor(ctx);
  if (enterpriseId) await requireEnterpriseInScope(db, actor, enterpriseId);
  const range = q.year === undefined ? {} : { from: localInstant(q.year, 0, 1), before: localInstant(q.year + 1, 0, 1) };
  const rows = await statsRows(db, actor, enterpriseId, q.by, range);
  const out: StatsRow[] = rows.map((r) => ({
    key: r.key, label: statLabel(ctx.locale, q.by, r.key, r.label), accidents: Number(r.accidents), nearMisses: Number(r.near_misses),
    deaths: Number(r.deaths), seriousInjuries: Number(r.serious_injuries), directLoss: r.direct_loss,
  }));
  const fen = out.reduce((s, r) => s + toFen(r.directLoss), 0n);
  return {
    by: q.by, year: q.year ?? null, rows: out,
    total: {
      accidents: out.reduce((s, r) => s + r.accidents, 0), nearMisses: out.reduce((s, r) => s + r.nearMisses, 0), deaths: out.reduce((s, r) => s + r.deaths, 0),
      seriousInjuries: out.reduce((s, r) => s + r.seriousInjuries, 0), directLoss: `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`,
    },
  };
}

// ---- duty phones ----

export async function listDutyPhones(db: Db, ctx: Ctx) {
  const actor = requireActor(ctx);
  return { items: await dutyPhoneRows(db, actor.scope), canEdit: actor.scope.kind === 'district' && can(actor, 'accident.duty_phones') };
}

export async function saveDutyPhone(db: Db, ctx: Ctx, input: { officeKind: OfficeKind; officeId: string; phone: string; contact: string }) {
  const actor = requireActor(ctx);
  if (actor.scope.kind !== 'district') throw new AppError('FORBIDDEN');
  const districtId = actor.scope.districtId;
  await db.transaction().execute(async (tx) => {
    if (!(await officeInDistrict(tx, districtId, input.officeKind, input.officeId))) throw invalid('body.officeId', 'accident.officeUnknown');
    await upsertDutyPhone(tx, districtId, { kind: input.officeKind, id: input.officeId, phone: input.phone, contact: input.contact, by: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, { action: 'regulator_duty_phone.save', entityType: 'regulator_duty_phone', entityId: input.officeId, after: input });
  });
  return listDutyPhones(db, ctx);
}
