import type { z } from 'zod';
import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import { calendarDays } from '../../../platform/calendar';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { AppError, forbidden, invalid, notFound, type FieldIssue } from '../../../platform/errors';
import { loadFile } from '../../../platform/files/attachments';
import { linkPhotos, preparePhotos, savePhotos } from '../../../platform/files/photos';
import { hasMessage } from '../../../platform/i18n/messages';
import { enqueueOutbox } from '../../../platform/outbox';
import { currentRules, currentRulesByDistrict } from '../../../platform/rules';
import { addLocalDays, localDay, localYear, startOfLocalDay } from '../../../platform/time';
import { refusalError } from '../../../platform/workflow';
import { checkPlansCovering } from '../../hazards';
import { cancelBySubject, fulfilByRecord, reopenBySubject, revertByRecord, triggerEvent } from '../../obligations';
import type { EnterpriseStatusChange } from '../../org';
import { CHECKIN_PHOTO_OWNER } from './key-moment.policy';
import {
  activeEmployeeWithAccount, checkedDaysOf, checkinOfPhoto, checkinsOf, countTodo, deleteMoment, districtIds, employeeOfAccount, enterpriseBasics,
  findMoment, gapsBetween, hasCheckedIn, insertCheckin, insertHolidayMoments, insertMoment, momentsBetween, momentsTodo, updateMoment,
  type MomentRow, type MomentTodo, type MomentValues, type OnDutyPerson,
} from './key-moment.repository';
import { dayStatus, daysInclusive, holidayPeriods, momentDays, momentState, resumptionAfter } from './key-moment.rules';
import {
  checkinFields, type CheckInRefusal, type KeyMomentCreate, type KeyMomentDetail, type KeyMomentListQuery, type KeyMomentPatch, type KeyMomentSummary,
} from './key-moment.schema';
import { KEY_MOMENT_RULES } from './key-moments.rule-sets';

/*
 * Key moments (issue 11 §9, R-RESP-6): the statutory holidays of the official calendar (opened by the daily job ahead
 * of time), a resumption (the enterprise leaving 'suspended', or a shutdown of at least N days a manager declares),
 * maintenance windows a manager declares. Each day needs an on-duty check-in by the principal or the leader named for
 * the moment; when every day has one, the moment's duty (`resp.key_moment`, opened with the moment) is fulfilled in
 * the check-in's transaction.
 */

/** The audit rows' and the obligations' record type of a moment. */
const KEY_MOMENT = 'key_moment';
/** The obligations event a moment opens its duty with (key-moments.obligations.ts), counted from its last day. */
const OPENED = 'key_moment.opened';
/** The name a moment gets when none is given (the record's own text, in the district's language). */
const DEFAULT_NAMES = { resumption: '复产复工', suspension: '恢复生产经营（复产复工）' } as const;
const MAX_MOMENT_DAYS = 61;

const todayOf = (ctx: Ctx) => localDay(ctx.now);
const systemCtx = (now: Date): Ctx => ({ actor: null, ip: null, requestId: null, locale: 'zh-CN', now });

/** The principal or a safety manager of the enterprise, who declare moments and name their leaders. */
function mayManage(actor: Actor, enterpriseId: string): boolean {
  return isEnterpriseManager(actor, enterpriseId) && can(actor, 'key_moment.manage');
}

/** R-RESP-6: on duty for the moment: the enterprise's principal, or the leader named for it (by account or employee record). */
function onDuty(actor: Actor, m: Pick<MomentRow, 'enterprise_id' | 'leader_user_id' | 'leader_employee_id'>, myEmployee: string | null): boolean {
  if (actor.scope.kind !== 'enterprise' || actor.scope.enterpriseId !== m.enterprise_id || !can(actor, 'key_moment.checkin')) return false;
  if (actor.role === 'enterprise_principal') return true;
  return m.leader_user_id === actor.userId || (myEmployee !== null && m.leader_employee_id === myEmployee);
}

/** Why the caller cannot check in for the moment today, or null. */
function checkInRefusal(actor: Actor, m: MomentRow, myEmployee: string | null, today: string, doneToday: boolean): CheckInRefusal | null {
  if (!onDuty(actor, m, myEmployee)) return 'NOT_ON_DUTY';
  if (today < m.starts_on || today > m.ends_on) return 'NOT_A_MOMENT_DAY';
  return doneToday ? 'ALREADY_CHECKED_IN' : null;
}

// ---- presenters ----

function present(m: MomentRow, checked: ReadonlySet<string>, today: string): KeyMomentSummary {
  const days = momentDays(m.starts_on, m.ends_on);
  const statuses = days.map((d) => dayStatus(d, today, checked.has(d)));
  return {
    id: m.id, kind: m.kind, name: m.name, startsOn: m.starts_on, endsOn: m.ends_on, source: m.source,
    state: momentState(m.starts_on, m.ends_on, today), days: days.length,
    checkedDays: statuses.filter((s) => s === 'done').length, missingDays: statuses.filter((s) => s === 'missing').length,
    covered: statuses.every((s) => s === 'done'),
    leader: { employeeId: m.leader_employee_id, name: m.leader_name ?? null, isPrincipal: m.leader_employee_id === null },
  };
}

async function checkedSets(db: Executor, actor: Actor, enterpriseId: string, ids: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const r of await checkedDaysOf(db, actor, enterpriseId, ids)) {
    if (!out.has(r.moment_id)) out.set(r.moment_id, new Set());
    out.get(r.moment_id)!.add(r.day);
  }
  return out;
}

const photoUrl = (enterpriseId: string, id: string) => `/api/v1/enterprises/${enterpriseId}/duty-checkin-photos/${id}`;

export async function listKeyMoments(db: Db, ctx: Ctx, enterpriseId: string, q: KeyMomentListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const today = todayOf(ctx);
  const year = q.year ?? localYear(ctx.now);
  const range = { from: `${year}-01-01`, to: `${year}-12-31` };
  const ent = await enterpriseBasics(db, actor.scope, enterpriseId);
  const [rows, days] = await Promise.all([
    q.todo ? momentsTodo(db, actor, enterpriseId, q.todo, today, await onDutyPerson(db, actor), q.kind) : momentsBetween(db, actor, enterpriseId, { ...range, kind: q.kind }),
    calendarDays(db, year, year),
  ]);
  const checked = await checkedSets(db, actor, enterpriseId, rows.map((r) => r.id));
  const holidays = rows.filter((r) => r.source === 'calendar');
  return {
    year,
    items: rows.map((r) => present(r, checked.get(r.id) ?? new Set(), today)),
    officialHolidays: holidayPeriods(days).map((p) => ({
      ...p, momentId: holidays.find((h) => h.starts_on === p.startsOn && h.name === p.name)?.id ?? null,
    })),
    canManage: mayManage(actor, enterpriseId),
    todo: q.todo ?? null,
    enterpriseName: ent?.name ?? '',
  };
}

export async function getKeyMoment(db: Executor, ctx: Ctx, enterpriseId: string, id: string): Promise<KeyMomentDetail> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const m = await findMoment(db, actor, enterpriseId, id);
  if (!m) throw notFound();
  const today = todayOf(ctx);
  const [checkins, plans, myEmployee] = await Promise.all([
    checkinsOf(db, actor, enterpriseId, id),
    // The holiday and resumption check plans "attach to the same moment": those covering its days.
    checkPlansCovering(db, actor, enterpriseId, { types: m.kind === 'maintenance' ? [] : [m.kind], from: m.starts_on, to: m.ends_on }),
    employeeOfAccount(db, actor.userId),
  ]);
  const checked = new Set(checkins.map((c) => c.day));
  const refusal = checkInRefusal(actor, m, myEmployee, today, checkins.some((c) => c.day === today && c.user_id === actor.userId));
  return {
    ...present(m, checked, today),
    enterpriseId, shutdownFrom: m.shutdown_from, shutdownTo: m.shutdown_to, note: m.note, ruleSetVersion: m.rule_set_version,
    createdByName: m.created_by_name ?? null, createdAt: m.created_at, version: m.version,
    dayList: momentDays(m.starts_on, m.ends_on).map((day) => ({
      day, status: dayStatus(day, today, checked.has(day)),
      checkins: checkins.filter((c) => c.day === day).map((c) => ({
        id: c.id, userName: c.display_name, at: c.at, note: c.note, locationText: c.location_text, locationConsent: c.location_consent,
        latitude: c.latitude === null ? null : Number(c.latitude), longitude: c.longitude === null ? null : Number(c.longitude),
        photoUrl: photoUrl(enterpriseId, c.photo_id),
      })),
    })),
    checkPlans: plans,
    abilities: {
      checkIn: refusal === null, manage: mayManage(actor, enterpriseId) && m.ends_on >= today, edit: mayManage(actor, enterpriseId) && m.ends_on >= today,
      delete: mayManage(actor, enterpriseId) && m.source === 'declared' && m.starts_on >= today && checkins.length === 0,
    },
    checkInRefusal: refusal,
  };
}

/** R-RESP-6: the past days of the year's moments without a check-in, flagged. */
export async function listGaps(db: Db, ctx: Ctx, enterpriseId: string, q: { year?: number }) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const year = q.year ?? localYear(ctx.now);
  const rows = await gapsBetween(db, actor, enterpriseId, { from: `${year}-01-01`, to: `${year}-12-31`, today: todayOf(ctx) });
  return { year, items: rows.map((r) => ({ momentId: r.moment_id, name: r.name, kind: r.kind, day: r.day })) };
}

// ---- opening moments ----

type Opening = Omit<MomentValues, 'rule_set_version' | 'created_by'> & { ruleSetVersion: number };

/**
 * Writes a moment with its audit row and opens its duty (`key_moment.opened`, R-RESP-6), counted from its last day so
 * that it falls due when the moment ends. In the caller's transaction.
 */
async function openMoment(tx: Tx, ctx: Ctx, enterpriseId: string, o: Opening, existingId?: string): Promise<string> {
  const { ruleSetVersion, ...values } = o;
  const id = existingId ?? await insertMoment(tx, systemScope, enterpriseId, { ...values, rule_set_version: ruleSetVersion, created_by: ctx.actor?.userId ?? null }, ctx.now);
  await writeAudit(tx, ctx, {
    action: 'key_moment.open', entityType: KEY_MOMENT, entityId: id, enterpriseId,
    after: { kind: o.kind, name: o.name, startsOn: o.starts_on, endsOn: o.ends_on, source: o.source, leaderEmployeeId: o.leader_employee_id },
  });
  await triggerEvent(tx, ctx, {
    enterpriseId, event: OPENED, at: startOfLocalDay(o.ends_on), subjectKey: id,
    subjectLabel: `${o.name}（${o.starts_on}～${o.ends_on}）`, ownerUserId: o.leader_user_id,
  });
  return id;
}

/** The named leader, checked: an active employee of the enterprise with an account (he checks in with it). */
async function checkedLeader(db: Executor, enterpriseId: string, employeeId: string | null) {
  if (employeeId === null) return { leader_employee_id: null, leader_user_id: null, name: null };
  const e = await activeEmployeeWithAccount(db, systemScope, enterpriseId, employeeId);
  if (!e) throw invalid('body.leaderEmployeeId', 'keyMoment.employeeUnknown');
  if (!e.account_id) throw invalid('body.leaderEmployeeId', 'keyMoment.leaderNoAccount');
  return { leader_employee_id: e.id, leader_user_id: e.account_id, name: e.name };
}

/** The days a declared moment covers, checked (400 at the field otherwise). */
function declaredDays(input: KeyMomentCreate, today: string, rules: { shutdownDays: number; resumptionDays: number }) {
  const required = (path: keyof KeyMomentCreate, v: string | undefined): string => {
    if (v === undefined) throw invalid(`body.${path}`, 'validation.required');
    return v;
  };
  if (input.kind === 'maintenance') {
    if (input.name === '') throw invalid('body.name', 'validation.required');
    const startsOn = required('startsOn', input.startsOn);
    const endsOn = required('endsOn', input.endsOn);
    if (endsOn < startsOn) throw invalid('body.endsOn', 'keyMoment.endsBeforeStart');
    if (startsOn < today) throw invalid('body.startsOn', 'keyMoment.startsInPast');
    if (daysInclusive(startsOn, endsOn) > MAX_MOMENT_DAYS) throw invalid('body.endsOn', 'keyMoment.tooLong', { max: MAX_MOMENT_DAYS });
    return { name: input.name, startsOn, endsOn, shutdownFrom: null, shutdownTo: null };
  }
  const shutdownFrom = required('shutdownFrom', input.shutdownFrom);
  const shutdownTo = required('shutdownTo', input.shutdownTo);
  const r = resumptionAfter(shutdownFrom, shutdownTo, rules);
  if (!r.ok) {
    throw r.reason === 'order'
      ? invalid('body.shutdownTo', 'keyMoment.endsBeforeStart')
      : invalid('body.shutdownTo', 'keyMoment.shutdownTooShort', { days: rules.shutdownDays });
  }
  // The moment is the first days back: it must not have started before today (check-ins are made on the day).
  if (r.startsOn < today) throw invalid('body.shutdownTo', 'keyMoment.resumptionPast');
  return { name: input.name || DEFAULT_NAMES.resumption, startsOn: r.startsOn, endsOn: r.endsOn, shutdownFrom, shutdownTo };
}

/** declareKeyMoment: a manager declares a maintenance window, or a resumption after a shutdown of at least N days. */
export async function declareKeyMoment(db: Db, ctx: Ctx, enterpriseId: string, input: KeyMomentCreate): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayManage(actor, enterpriseId)) throw forbidden();
  return db.transaction().execute(async (tx) => {
    const rules = await currentRules(tx, { enterpriseId }, KEY_MOMENT_RULES);
    const days = declaredDays(input, todayOf(ctx), rules.value);
    const leader = await checkedLeader(tx, enterpriseId, input.leaderEmployeeId);
    const id = await openMoment(tx, ctx, enterpriseId, {
      kind: input.kind, name: days.name, starts_on: days.startsOn, ends_on: days.endsOn, source: 'declared',
      shutdown_from: days.shutdownFrom, shutdown_to: days.shutdownTo, leader_employee_id: leader.leader_employee_id, leader_user_id: leader.leader_user_id,
      note: input.note, ruleSetVersion: rules.version,
    });
    if (leader.leader_user_id && leader.leader_user_id !== actor.userId) await notifyLeader(tx, enterpriseId, id, leader.leader_user_id, days);
    return { id };
  });
}

async function notifyLeader(tx: Tx, enterpriseId: string, id: string, userId: string, m: { name: string; startsOn: string; endsOn: string }) {
  await enqueueOutbox(tx, { topic: 'notify', payload: {
    userId, kind: 'key_moment.duty', titleKey: 'keyMoment.notify.leader.title', bodyKey: 'keyMoment.notify.leader.body',
    params: { name: m.name, from: m.startsOn, to: m.endsOn }, link: `/enterprises/${enterpriseId}/key-moments/${id}`,
  } });
}

/** A change to a moment is a manager's: the enterprise in scope and the moment seen (404), then the role (403). */
async function requireManagerOfMoment(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<Actor> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!(await findMoment(db, actor, enterpriseId, id))) throw notFound();
  if (!mayManage(actor, enterpriseId)) throw forbidden();
  return actor;
}

/** The moment under its lock, read before anything is decided, and at the version the client saw (409 `STALE`). */
async function lockMomentToChange(tx: Tx, actor: Actor, enterpriseId: string, id: string, version: number | undefined) {
  const m = await findMoment(tx, actor, enterpriseId, id, { lock: true });
  if (!m) throw notFound();
  if (version !== undefined && version !== m.version) throw refusalError('STALE');
  return m;
}

/** setMomentLeader: a manager names the moment's on-duty leader (null: the principal), while it has not ended. */
export async function setMomentLeader(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { leaderEmployeeId: string | null; version?: number }) {
  const actor = await requireManagerOfMoment(db, ctx, enterpriseId, id);
  await db.transaction().execute(async (tx) => {
    const m = await lockMomentToChange(tx, actor, enterpriseId, id, input.version);
    if (m.ends_on < todayOf(ctx)) throw refusalError('MOMENT_ENDED', 'keyMoment.refused.ended');
    const leader = await checkedLeader(tx, enterpriseId, input.leaderEmployeeId);
    await updateMoment(tx, actor.scope, enterpriseId, id, {
      leader_employee_id: leader.leader_employee_id, leader_user_id: leader.leader_user_id, version: m.version + 1, updated_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'key_moment.leader', entityType: KEY_MOMENT, entityId: id, enterpriseId,
      before: { leaderEmployeeId: m.leader_employee_id }, after: { leaderEmployeeId: leader.leader_employee_id },
    });
    if (leader.leader_user_id && leader.leader_user_id !== actor.userId) {
      await notifyLeader(tx, enterpriseId, id, leader.leader_user_id, { name: m.name, startsOn: m.starts_on, endsOn: m.ends_on });
    }
  });
  return getKeyMoment(db, ctx, enterpriseId, id);
}

/**
 * Issue 11 §9: an enterprise leaving 'suspended' resumes: a resumption moment of the rule-set's days from today, and its
 * duty, in the transaction of the status change (org's listener). Every reactivation counts: a suspension is the
 * regulator's measure, whatever its length.
 */
export async function openResumptionOnReactivation(tx: Tx, ctx: Ctx, change: EnterpriseStatusChange): Promise<void> {
  if (change.from !== 'suspended' || change.to !== 'active') return;
  const rules = await currentRules(tx, { enterpriseId: change.enterpriseId }, KEY_MOMENT_RULES);
  const startsOn = todayOf(ctx);
  await openMoment(tx, ctx, change.enterpriseId, {
    kind: 'resumption', name: DEFAULT_NAMES.suspension, starts_on: startsOn, ends_on: addLocalDays(startsOn, rules.value.resumptionDays - 1),
    source: 'suspension', shutdown_from: null, shutdown_to: null, leader_employee_id: null, leader_user_id: null, note: '', ruleSetVersion: rules.version,
  });
}

/**
 * The daily job (issue 11 §9): the statutory holiday periods of the official calendar that are under way or start within
 * the rule-set's lead days become moments of every active enterprise of the district that joined before they start
 * (set-based, once per enterprise and period), each with its duty opened. Returns how many moments it opened.
 */
export async function openHolidayMoments(db: Db, now: Date): Promise<number> {
  const today = localDay(now);
  const year = localYear(now);
  const periods = holidayPeriods(await calendarDays(db, year, year + 1));
  const byDistrict = await currentRulesByDistrict(db, KEY_MOMENT_RULES);
  const ctx = systemCtx(now);
  let opened = 0;
  for (const districtId of await districtIds(db, systemScope)) {
    const rules = byDistrict.get(districtId);
    if (!rules) continue;
    const horizon = addLocalDays(today, rules.value.holidayLeadDays);
    for (const p of periods.filter((x) => x.endsOn >= today && x.startsOn <= horizon)) {
      opened += await db.transaction().execute(async (tx) => {
        const made = await insertHolidayMoments(tx, systemScope, districtId, { ...p, ruleSetVersion: rules.version, at: now });
        for (const row of made) {
          await openMoment(tx, ctx, row.enterprise_id, {
            kind: 'holiday', name: p.name, starts_on: p.startsOn, ends_on: p.endsOn, source: 'calendar', shutdown_from: null, shutdown_to: null,
            leader_employee_id: null, leader_user_id: null, note: '', ruleSetVersion: rules.version,
          }, row.id);
        }
        return made.length;
      });
    }
  }
  return opened;
}

// ---- check-ins ----

/** A multipart field set parsed with its schema; problems are 400s at `body.<field>`. */
export function parseFields<S extends z.ZodType>(schema: S, raw: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => {
    const path = ['body', ...i.path.map(String)].join('.');
    if (i.code === 'too_small' && i.origin === 'string') return { path, message: 'validation.required' };
    if (i.code === 'too_big' && i.origin === 'string') return { path, message: 'validation.tooLong', params: { max: Number(i.maximum) } };
    if (i.code === 'too_big' || i.code === 'too_small') return { path, message: 'keyMoment.coordinateRange' };
    if (hasMessage(i.message)) return { path, message: i.message };
    return { path, message: 'error.VALIDATION' };
  });
  throw new AppError('VALIDATION', { issues });
}

/**
 * checkIn (R-RESP-6): the principal or the named leader checks in on a day of the moment, on that day, with a photo, the
 * place he types and a note; coordinates only when he consented (the phone's geolocation), never read from the photo,
 * whose metadata is stripped. Everyone's first check-in of each day counts; when every day has one the moment's duty
 * is fulfilled in the same transaction.
 */
export async function checkIn(db: Db, ctx: Ctx, enterpriseId: string, id: string, raw: Record<string, string>, photos: Buffer[]): Promise<KeyMomentDetail> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const seen = await findMoment(db, actor, enterpriseId, id);
  if (!seen) throw notFound();
  const myEmployee = await employeeOfAccount(db, actor.userId);
  // D19: someone who is not on duty for the moment learns nothing more.
  if (!onDuty(actor, seen, myEmployee)) throw new AppError('FORBIDDEN', { messageKey: 'keyMoment.refused.notOnDuty', reason: 'NOT_ON_DUTY' });
  const fields = parseFields(checkinFields, raw);
  const hasCoordinates = fields.latitude !== undefined || fields.longitude !== undefined;
  if (hasCoordinates && !fields.locationConsent) throw invalid('body.locationConsent', 'keyMoment.locationConsent');
  if (hasCoordinates && (fields.latitude === undefined || fields.longitude === undefined)) {
    throw invalid(fields.latitude === undefined ? 'body.latitude' : 'body.longitude', 'keyMoment.coordinatesPair');
  }
  if (photos.length !== 1) throw invalid('body.photo', 'keyMoment.photoRequired');
  // D16: judged and encoded again (no metadata, no GPS survives) before the transaction opens.
  const prepared = await preparePhotos(photos, ctx.now, 'body.photo');
  await db.transaction().execute(async (tx) => {
    const m = await findMoment(tx, actor, enterpriseId, id, { lock: true });
    if (!m) throw notFound();
    const today = todayOf(ctx);
    const refusal = checkInRefusal(actor, m, myEmployee, today, await hasCheckedIn(tx, actor.scope, enterpriseId, id, today, actor.userId));
    if (refusal === 'NOT_ON_DUTY') throw new AppError('FORBIDDEN', { messageKey: 'keyMoment.refused.notOnDuty', reason: refusal });
    if (refusal) throw refusalError(refusal, refusal === 'NOT_A_MOMENT_DAY' ? 'keyMoment.refused.notMomentDay' : 'keyMoment.refused.alreadyCheckedIn');
    const [photo] = await savePhotos(tx, ctx, enterpriseId, prepared);
    const consent = fields.locationConsent;
    const checkinId = await insertCheckin(tx, actor.scope, enterpriseId, {
      momentId: id, day: today, userId: actor.userId, employeeId: myEmployee, at: ctx.now, note: fields.note, locationText: fields.locationText,
      locationConsent: consent, latitude: consent ? fields.latitude ?? null : null, longitude: consent ? fields.longitude ?? null : null, photoId: photo!.id,
    });
    await linkPhotos(tx, ctx, enterpriseId, { type: CHECKIN_PHOTO_OWNER, id: checkinId }, [photo!.id], 'checkin');
    const checked = new Set((await checkedDaysOf(tx, actor, enterpriseId, [id])).map((r) => r.day));
    const covered = momentDays(m.starts_on, m.ends_on).every((d) => checked.has(d));
    // R-RESP-6: the moment's duty is done when its last uncovered day is covered, by whichever of them checked in.
    const fulfilled = covered ? await fulfilByRecord(tx, ctx, {
      enterpriseId, record: 'key_moment.covered', recordType: KEY_MOMENT, recordId: id, at: ctx.now,
      byPrincipal: actor.role === 'enterprise_principal', subjectKey: id, note: m.name,
    }) : 0;
    await writeAudit(tx, ctx, {
      action: 'key_moment.checkin', entityType: KEY_MOMENT, entityId: id, enterpriseId,
      after: { checkin: checkinId, day: today, photo: photo!.id, locationText: fields.locationText, locationConsent: consent, covered, fulfilled },
    });
  });
  return getKeyMoment(db, ctx, enterpriseId, id);
}

/** A check-in's photo, if the caller sees its moment. */
export async function readCheckinPhoto(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const c = await checkinOfPhoto(db, actor.scope, enterpriseId, fileId);
  const m = c && await findMoment(db, actor, enterpriseId, c.moment_id);
  const file = m && await loadFile(db, actor, enterpriseId, fileId, 'photo');
  if (!file) throw notFound();
  return file;
}

// ---- editing and deleting (R-RESP-6) ----

/** Who asks, as the on-duty rule sees him: the principal is on duty at every moment, anyone else where he is named. */
async function onDutyPerson(db: Executor, actor: Actor): Promise<OnDutyPerson> {
  return { userId: actor.userId, employeeId: await employeeOfAccount(db, actor.userId), isPrincipal: actor.role === 'enterprise_principal' };
}

const FIXED_FIELDS = ['name', 'startsOn', 'endsOn', 'shutdownFrom', 'shutdownTo'] as const;

/**
 * The name and days an edit asks for, checked (400 at the field otherwise). A holiday of the official calendar and a
 * resumption after a suspension keep their name and days (their leader and note change); a declared maintenance window
 * moves by its days, a declared resumption by its shutdown's days (the moment is the rule-set's days after it). Days
 * already past stay: a moment under way keeps its first day, and its last day is today or later.
 */
function editedDays(m: MomentRow, input: KeyMomentPatch, today: string, rules: { shutdownDays: number; resumptionDays: number }) {
  const refuse = (keys: readonly (keyof KeyMomentPatch)[], message: string) => {
    const issues: FieldIssue[] = keys.filter((k) => input[k] !== undefined).map((k) => ({ path: `body.${k}`, message }));
    if (issues.length) throw new AppError('VALIDATION', { issues });
  };
  if (m.source !== 'declared') {
    refuse(FIXED_FIELDS, m.source === 'calendar' ? 'keyMoment.fixedByCalendar' : 'keyMoment.fixedBySuspension');
    return { name: m.name, startsOn: m.starts_on, endsOn: m.ends_on, shutdownFrom: m.shutdown_from, shutdownTo: m.shutdown_to };
  }
  const resumption = m.kind === 'resumption';
  let { starts_on: startsOn, ends_on: endsOn, shutdown_from: shutdownFrom, shutdown_to: shutdownTo } = m;
  if (resumption) {
    refuse(['startsOn', 'endsOn'], 'keyMoment.resumptionByShutdown');
    if (input.shutdownFrom !== undefined || input.shutdownTo !== undefined) {
      shutdownFrom = input.shutdownFrom ?? m.shutdown_from ?? m.starts_on;
      shutdownTo = input.shutdownTo ?? m.shutdown_to ?? addLocalDays(m.starts_on, -1);
      const r = resumptionAfter(shutdownFrom, shutdownTo, rules);
      if (!r.ok) {
        throw r.reason === 'order'
          ? invalid('body.shutdownTo', 'keyMoment.endsBeforeStart')
          : invalid('body.shutdownTo', 'keyMoment.shutdownTooShort', { days: rules.shutdownDays });
      }
      startsOn = r.startsOn;
      endsOn = r.endsOn;
    }
  } else {
    refuse(['shutdownFrom', 'shutdownTo'], 'keyMoment.maintenanceNoShutdown');
    startsOn = input.startsOn ?? startsOn;
    endsOn = input.endsOn ?? endsOn;
  }
  const startPath = resumption ? 'body.shutdownTo' : 'body.startsOn';
  const endPath = resumption ? 'body.shutdownTo' : 'body.endsOn';
  if (startsOn !== m.starts_on) {
    if (m.starts_on < today) throw invalid(startPath, 'keyMoment.startedFixed', { day: m.starts_on });
    if (startsOn < today) throw invalid(startPath, resumption ? 'keyMoment.resumptionPast' : 'keyMoment.startsInPast');
  }
  if (endsOn < startsOn) throw invalid(endPath, 'keyMoment.endsBeforeStart');
  if (endsOn !== m.ends_on && endsOn < today) throw invalid(endPath, 'keyMoment.endsInPast');
  if (daysInclusive(startsOn, endsOn) > MAX_MOMENT_DAYS) throw invalid(endPath, 'keyMoment.tooLong', { max: MAX_MOMENT_DAYS });
  let name = input.name ?? m.name;
  if (name === '') {
    if (!resumption) throw invalid('body.name', 'validation.required');
    name = DEFAULT_NAMES.resumption;
  }
  return { name, startsOn, endsOn, shutdownFrom, shutdownTo };
}

/**
 * The moment's duty follows its last day (it falls due when the moment ends): what it fulfilled is reverted, the
 * occurrence of the old last day is withdrawn (waived `cancelled`, with history), and the new last day's is opened —
 * or, if the moment goes back to a last day it had before, that one is opened again. In the caller's transaction.
 */
async function moveDuty(tx: Tx, ctx: Ctx, enterpriseId: string, id: string, m: { name: string; startsOn: string; endsOn: string; leaderUserId: string | null }, reason: string) {
  await revertByRecord(tx, ctx, { enterpriseId, recordType: KEY_MOMENT, recordId: id, reason });
  const at = startOfLocalDay(m.endsOn);
  await cancelBySubject(tx, ctx, { enterpriseId, event: OPENED, subjectKey: id, reason, keepAt: at });
  const opened = await triggerEvent(tx, ctx, {
    enterpriseId, event: OPENED, at, subjectKey: id, subjectLabel: `${m.name}（${m.startsOn}～${m.endsOn}）`, ownerUserId: m.leaderUserId,
  });
  if (!opened) await reopenBySubject(tx, ctx, { enterpriseId, event: OPENED, subjectKey: id, at, reason });
}

/** A day with a check-in is a record of someone on duty: it is never removed from its moment (409 naming the day). */
function checkedInRefusal(day: string, messageKey: string): AppError {
  return new AppError('STATE', { messageKey, params: { day }, reason: 'CHECKED_IN' });
}

/**
 * editKeyMoment (R-RESP-6): a manager changes a moment that has not ended — the name and days of a declared one (past
 * days stay; a day with a check-in is never removed), the note and the on-duty leader of any. A change of the last day
 * moves the moment's duty (`moveDuty`); days cut so that every remaining day is checked in fulfil it. Audited.
 */
export async function editKeyMoment(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: KeyMomentPatch): Promise<KeyMomentDetail> {
  const actor = await requireManagerOfMoment(db, ctx, enterpriseId, id);
  await db.transaction().execute(async (tx) => {
    const m = await lockMomentToChange(tx, actor, enterpriseId, id, input.version);
    const today = todayOf(ctx);
    if (m.ends_on < today) throw refusalError('MOMENT_ENDED', 'keyMoment.refused.ended');
    const rules = await currentRules(tx, { enterpriseId }, KEY_MOMENT_RULES);
    const next = editedDays(m, input, today, rules.value);
    const checked = new Set((await checkedDaysOf(tx, actor, enterpriseId, [id])).map((r) => r.day));
    const dropped = [...checked].filter((d) => d < next.startsOn || d > next.endsOn).sort();
    if (dropped.length) throw checkedInRefusal(dropped[0]!, 'keyMoment.refused.checkedInDay');
    const leader = input.leaderEmployeeId === undefined
      ? { leader_employee_id: m.leader_employee_id, leader_user_id: m.leader_user_id }
      : await checkedLeader(tx, enterpriseId, input.leaderEmployeeId);
    const note = input.note ?? m.note;
    const before = { name: m.name, startsOn: m.starts_on, endsOn: m.ends_on, shutdownFrom: m.shutdown_from, shutdownTo: m.shutdown_to, leaderEmployeeId: m.leader_employee_id, note: m.note };
    const after = { ...next, leaderEmployeeId: leader.leader_employee_id, note };
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return;
    await updateMoment(tx, actor.scope, enterpriseId, id, {
      name: next.name, starts_on: next.startsOn, ends_on: next.endsOn, shutdown_from: next.shutdownFrom, shutdown_to: next.shutdownTo,
      leader_employee_id: leader.leader_employee_id, leader_user_id: leader.leader_user_id, note, version: m.version + 1, updated_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'key_moment.update', entityType: KEY_MOMENT, entityId: id, enterpriseId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    if (next.endsOn !== m.ends_on) {
      await moveDuty(tx, ctx, enterpriseId, id, { name: next.name, startsOn: next.startsOn, endsOn: next.endsOn, leaderUserId: leader.leader_user_id },
        `关键时段日期已修改：${m.starts_on}～${m.ends_on} → ${next.startsOn}～${next.endsOn}`);
    }
    // R-RESP-6: the days left are all checked in (the last ones were cut): the moment's duty is done.
    if (next.endsOn !== m.ends_on || next.startsOn !== m.starts_on) {
      if (momentDays(next.startsOn, next.endsOn).every((d) => checked.has(d))) {
        await fulfilByRecord(tx, ctx, {
          enterpriseId, record: 'key_moment.covered', recordType: KEY_MOMENT, recordId: id, at: ctx.now,
          byPrincipal: actor.role === 'enterprise_principal', subjectKey: id, note: next.name,
        });
      }
    }
    const told = leader.leader_user_id && leader.leader_user_id !== actor.userId
      && (leader.leader_user_id !== m.leader_user_id || next.startsOn !== m.starts_on || next.endsOn !== m.ends_on);
    if (told) await notifyLeader(tx, enterpriseId, id, leader.leader_user_id!, next);
  });
  return getKeyMoment(db, ctx, enterpriseId, id);
}

/**
 * deleteKeyMoment (R-RESP-6): a manager deletes a declared moment that has not started and has no check-in (a
 * holiday of the official calendar and a resumption after a suspension are not the enterprise's to delete: their
 * leader changes instead; a moment under way is shortened instead, so its past days stay owed). Its open duty is
 * withdrawn (waived `cancelled`, with history) in the same transaction; the named leader is told. Audited.
 */
export async function deleteKeyMoment(db: Db, ctx: Ctx, enterpriseId: string, id: string, q: { version?: number }): Promise<void> {
  const actor = await requireManagerOfMoment(db, ctx, enterpriseId, id);
  await db.transaction().execute(async (tx) => {
    const m = await lockMomentToChange(tx, actor, enterpriseId, id, q.version);
    if (m.source !== 'declared') throw refusalError('NOT_DECLARED', m.source === 'calendar' ? 'keyMoment.refused.calendarKept' : 'keyMoment.refused.suspensionKept');
    const checked = (await checkedDaysOf(tx, actor, enterpriseId, [id])).map((r) => r.day).sort();
    if (checked.length) throw checkedInRefusal(checked[0]!, 'keyMoment.refused.hasCheckins');
    if (m.starts_on < todayOf(ctx)) throw refusalError('MOMENT_STARTED', 'keyMoment.refused.started');
    const withdrawn = await cancelBySubject(tx, ctx, {
      enterpriseId, event: OPENED, subjectKey: id, reason: `关键时段已删除：${m.name}（${m.starts_on}～${m.ends_on}）`,
    });
    await deleteMoment(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, {
      action: 'key_moment.delete', entityType: KEY_MOMENT, entityId: id, enterpriseId,
      before: { kind: m.kind, name: m.name, startsOn: m.starts_on, endsOn: m.ends_on, source: m.source, shutdownFrom: m.shutdown_from,
        shutdownTo: m.shutdown_to, leaderEmployeeId: m.leader_employee_id, note: m.note },
      after: { withdrawnDuties: withdrawn },
    });
    if (m.leader_user_id && m.leader_user_id !== actor.userId) {
      await enqueueOutbox(tx, { topic: 'notify', payload: {
        userId: m.leader_user_id, kind: 'key_moment.duty', titleKey: 'keyMoment.notify.cancelled.title', bodyKey: 'keyMoment.notify.cancelled.body',
        params: { name: m.name, from: m.starts_on, to: m.ends_on }, link: `/enterprises/${enterpriseId}/key-moments`,
      } });
    }
  });
}

// ---- the workbench (issue 10 §1) ----

/**
 * What waits on the caller (R-RESP-6): the moments under way whose check-in for today he is on duty for and nobody
 * has made yet; for a safety manager, the moments to come without a named leader. Each is the total of the list
 * `GET …/key-moments?todo=…` answers.
 */
export async function keyMomentWorkCounts(db: Db, ctx: Ctx, enterpriseId: string): Promise<Partial<Record<MomentTodo, number>>> {
  const actor = requireActor(ctx);
  const out: Partial<Record<MomentTodo, number>> = {};
  const who = await onDutyPerson(db, actor);
  if (can(actor, 'key_moment.checkin')) out.checkin = await countTodo(db, actor, enterpriseId, 'checkin', todayOf(ctx), who);
  if (actor.role === 'safety_manager' && mayManage(actor, enterpriseId)) out.noLeader = await countTodo(db, actor, enterpriseId, 'noLeader', todayOf(ctx), who);
  return out;
}
