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
import { fulfilByRecord, triggerEvent } from '../../obligations';
import type { EnterpriseStatusChange } from '../../org';
import { CHECKIN_PHOTO_OWNER } from './key-moment.policy';
import {
  activeEmployeeWithAccount, checkedDaysOf, checkinOfPhoto, checkinsOf, districtIds, employeeOfAccount, findMoment, gapsBetween,
  hasCheckedIn, insertCheckin, insertHolidayMoments, insertMoment, momentsBetween, updateMoment, type MomentRow, type MomentValues,
} from './key-moment.repository';
import { dayStatus, daysInclusive, holidayPeriods, momentDays, momentState, resumptionAfter } from './key-moment.rules';
import {
  checkinFields, type CheckInRefusal, type KeyMomentCreate, type KeyMomentDetail, type KeyMomentListQuery, type KeyMomentSummary,
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
  const [rows, days] = await Promise.all([momentsBetween(db, actor, enterpriseId, { ...range, kind: q.kind }), calendarDays(db, year, year)]);
  const checked = await checkedSets(db, actor, enterpriseId, rows.map((r) => r.id));
  const holidays = rows.filter((r) => r.source === 'calendar');
  return {
    year,
    items: rows.map((r) => present(r, checked.get(r.id) ?? new Set(), today)),
    officialHolidays: holidayPeriods(days).map((p) => ({
      ...p, momentId: holidays.find((h) => h.starts_on === p.startsOn && h.name === p.name)?.id ?? null,
    })),
    canManage: mayManage(actor, enterpriseId),
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
    abilities: { checkIn: refusal === null, manage: mayManage(actor, enterpriseId) && m.ends_on >= today },
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
    enterpriseId, event: 'key_moment.opened', at: startOfLocalDay(o.ends_on), subjectKey: id,
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

/** setMomentLeader: a manager names the moment's on-duty leader (null: the principal), while it has not ended. */
export async function setMomentLeader(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { leaderEmployeeId: string | null; version?: number }) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!(await findMoment(db, actor, enterpriseId, id))) throw notFound();
  if (!mayManage(actor, enterpriseId)) throw forbidden();
  await db.transaction().execute(async (tx) => {
    const m = await findMoment(tx, actor, enterpriseId, id, { lock: true });
    if (!m) throw notFound();
    if (input.version !== undefined && input.version !== m.version) throw refusalError('STALE');
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
