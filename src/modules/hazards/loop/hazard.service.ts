import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor, wholeEnterprise } from '../../../platform/auth/actor';
import { isEnterpriseManager, isUnitLeaderOf, isUnitVisible, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import type { HazardSource } from '../../../platform/db/schema';
import { nextCode } from '../../../platform/db/codes';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { linkPhotos, photosOf, preparePhotos, requirePhotos, savePhotos } from '../../../platform/files/photos';
import { idsOf, managersOf as directoryManagersOf, regulatorsOf } from '../../../platform/directory';
import { enqueueOutbox, type OutboxMessage } from '../../../platform/outbox';
import { abilitiesOf, bindWorkflow, operate as operateWorkflow, refusalError, type EffectResult } from '../../../platform/workflow';
import { addLocalDays, localDay, localYear } from '../../../platform/time';
import { t } from '../../../platform/i18n/messages';
import { roleName } from '../../accounts';
import { refreshControlFailing } from '../checks/check.feedback';
import { hazardWorkflow, type HazardActor, type HazardOp, type Refusal } from './hazard-workflow';
import {
  countHazardsForWorkbench, countOpenHazardsInScope, decideExtensionRow, deleteReportPoints, enterpriseNameOf, findActiveAccount, findHazard,
  findPendingExtension, findPostRef, findRiskPointRef, findUnitRef, hazardEvents, hazardExtensions, hazardFacts, hazardPlan, hazardSupervision,
  insertExtension, insertHazardEvent, insertReportedHazard, insertReportPoints, listActiveAccounts, listHazardRows, markDelisted,
  OPEN_HAZARD_STATUSES, reporterUnitOf, selectHazard, unitsOfEnterprise, updateHazard, upsertPlan, upsertSupervision, type HazardRow,
} from './hazard.repository';
import type { HazardConfirmInput, HazardDetail, HazardListQuery, HazardReportInput, HazardUnits } from './hazard.schema';
import { PHOTO_STAGES, type PhotoStage } from './hazard.schema';
import { currentRules } from '../../../platform/rules';
import { HAZARD_ESCALATION_RULES, HAZARD_POINTS_RULES } from './hazard.rule-sets';

/** A photo's link role as its stage on the hazard (links are written with a stage; anything else reads as evidence). */
const photoStage = (role: string): PhotoStage => ((PHOTO_STAGES as readonly string[]).includes(role) ? role as PhotoStage : 'evidence');

/** R-HAZ-6 [cfg]: points for a confirmed report by default; a district's rule-set `hazard-points` may change them. */
export const REPORT_POINTS = HAZARD_POINTS_RULES.defaults;
/** The series of hazard codes (YH-yyyy-nnnn) in code_counters. */
export const HAZARD_CODE_SERIES = 'hazard';
const OPEN = OPEN_HAZARD_STATUSES;

const REFUSAL_MESSAGE: Record<Refusal, string> = {
  FORBIDDEN: 'error.FORBIDDEN',
  STATE: 'error.STATE',
  SEPARATION: 'hazard.refused.separation',
  PLAN_REQUIRED: 'hazard.refused.planRequired',
  PHOTO_REQUIRED: 'hazard.refused.photoRequired',
  DEADLINE_PASSED: 'hazard.refused.deadlinePassed',
  EXTENSION_PENDING: 'hazard.refused.extensionPending',
  NO_EXTENSION: 'hazard.refused.noExtension',
  MAJOR_NOT_ON_SPOT: 'hazard.refused.majorNotOnSpot',
};

/** Refusals of the steps outside the state machine (five-in-place plan, listed supervision). */
type SideRefusal = 'NOT_MAJOR' | 'ALREADY_LISTED' | 'NOT_LISTED' | 'NOT_CLOSED';

/** A refused step leaves with its reason as a code clients branch on (`error.reason`), and a translated message. */
function refusal(reason: Refusal | SideRefusal): AppError {
  return refusalError(reason, reason in REFUSAL_MESSAGE ? REFUSAL_MESSAGE[reason as Refusal] : undefined);
}

/** The district's date today (local time, platform/time.ts): deadlines are local dates, overdue from local midnight. */
export function todayOf(ctx: Ctx): string {
  return localDay(ctx.now);
}

function relation(actor: Actor, h: Pick<HazardRow, 'enterprise_id' | 'unit_path' | 'rectifier_id' | 'reported_by' | 'submitted_by'>): HazardActor {
  return {
    manager: isEnterpriseManager(actor, h.enterprise_id) && can(actor, 'hazard.manage'),
    unitLeader: isUnitLeaderOf(actor, h.unit_path),
    rectifier: h.rectifier_id === actor.userId,
    reporter: h.reported_by === actor.userId,
    submitter: h.submitted_by === actor.userId,
  };
}

async function facts(db: Executor, h: HazardRow, ctx: Ctx, afterPhotos = 0) {
  const { hasPlan, extensionPending } = await hazardFacts(db, requireActor(ctx), h.enterprise_id, h.id);
  return {
    level: h.level,
    hasFiveInPlacePlan: hasPlan,
    hasAfterPhoto: afterPhotos > 0,
    beforeDeadline: !!h.deadline && todayOf(ctx) <= h.deadline,
    extensionPending,
  };
}

function presentSummary(h: Omit<HazardRow, 'unit_path'>, ctx: Ctx) {
  return {
    id: h.id, code: h.code, title: h.title, source: h.source, hazardClass: h.hazard_class, level: h.level, status: h.status,
    orgUnitId: h.org_unit_id, orgUnitName: h.org_unit_name, riskPointId: h.risk_point_id, riskPointName: h.risk_point_name ?? null,
    location: h.location, reportedAt: h.reported_at, reporterName: h.reporter_name ?? null, rectifierId: h.rectifier_id, rectifierName: h.rectifier_name ?? null,
    deadline: h.deadline, overdue: !!h.deadline && OPEN.includes(h.status) && h.deadline < todayOf(ctx), escalationLevel: h.escalation_level,
    supervised: Boolean(h.supervised), closedAt: h.closed_at,
  };
}

export async function getHazard(db: Executor, ctx: Ctx, enterpriseId: string, id: string): Promise<HazardDetail> {
  const actor = requireActor(ctx);
  const h = await findHazard(db, actor, enterpriseId, id);
  if (!h) throw notFound();
  const [photos, events, extensions, plan, supervision, abilities] = await Promise.all([
    photosOf(db, enterpriseId, { type: 'hazard', id }),
    hazardEvents(db, actor, enterpriseId, id),
    hazardExtensions(db, actor, enterpriseId, id),
    hazardPlan(db, actor, enterpriseId, id),
    hazardSupervision(db, actor, enterpriseId, id),
    abilitiesOf(db, ctx, hazardLoop, h),
  ]);
  const who = relation(actor, h);
  const regulator = can(actor, 'hazard.supervise') && actor.scope.kind !== 'enterprise';
  const { unit_path: _p, ...row } = h;
  return {
    ...presentSummary(row, ctx),
    enterpriseId, description: h.description, majorCriterion: h.major_criterion, measures: h.measures, funds: h.funds === null ? null : Number(h.funds),
    acceptanceNote: h.acceptance_note, voidReason: h.void_reason, onSpot: h.on_spot, version: h.version,
    photos: photos.map((p) => ({ id: p.id, stage: photoStage(p.role), url: `/api/v1/enterprises/${enterpriseId}/photos/${p.id}` })),
    events: events.map((e) => ({ op: e.op, from: e.from_status, to: e.to_status, actorName: e.display_name, at: e.at, note: e.note, photoIds: e.photo_ids })),
    extensions: extensions.map((x) => ({ id: x.id, oldDeadline: x.old_deadline, newDeadline: x.new_deadline, reason: x.reason, status: x.status, requestedAt: x.requested_at, decidedAt: x.decided_at, decisionNote: x.decision_note })),
    plan: plan ? { responsiblePerson: plan.responsible_person, measures: plan.measures, funds: Number(plan.funds), timeLimit: plan.time_limit, contingencyPlan: plan.contingency_plan } : null,
    supervision: supervision ? { deadline: supervision.deadline, note: supervision.note, status: supervision.status, listedAt: supervision.listed_at, delistedAt: supervision.delisted_at } : null,
    abilities: {
      ...abilities,
      editPlan: h.level === 'major' && (who.manager || who.unitLeader) && OPEN.includes(h.status),
      supervise: regulator && h.level === 'major' && OPEN.includes(h.status) && supervision?.status !== 'listed',
      delist: regulator && supervision?.status === 'listed' && h.status === 'closed',
    },
  };
}

/**
 * The workbench's hazard figures for one enterprise as the actor sees it (hazard.policy.ts): each the total of the
 * ledger list its item opens (`listHazards` with the same filter).
 */
export async function hazardWorkbenchCounts(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  const today = todayOf(ctx);
  const { value } = await currentRules(db, ctx, HAZARD_ESCALATION_RULES);
  return countHazardsForWorkbench(db, actor, enterpriseId, { today, until: addLocalDays(today, value.remindBeforeDays) });
}

/** A regulator's hazard figures across the enterprises in scope: overdue (and how many enterprises), major open, supervised. */
export async function regulatorHazardCounts(db: Db, ctx: Ctx) {
  return countOpenHazardsInScope(db, requireActor(ctx), todayOf(ctx));
}

export async function listHazards(db: Db, ctx: Ctx, enterpriseId: string, q: HazardListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const today = todayOf(ctx);
  // "Due soon" is the reminder window of the rule-set in force (R-HAZ-3 [cfg]).
  const dueSoonUntil = q.dueSoon ? addLocalDays(today, (await currentRules(db, ctx, HAZARD_ESCALATION_RULES)).value.remindBeforeDays) : undefined;
  const { items: rows, total } = await listHazardRows(db, actor, enterpriseId, q, { today, dueSoonUntil });
  return { items: rows.map((r) => presentSummary(r, ctx)), total, page: q.page, pageSize: q.pageSize };
}

// ---- operations ----

async function recordEvent(tx: Tx, ctx: Ctx, h: { enterprise_id: string; id: string }, op: string, from: string | null, to: string, note = '', photoIds: string[] = []) {
  const actor = requireActor(ctx);
  await insertHazardEvent(tx, actor.scope, h.enterprise_id, h.id, { op, from, to, actorId: actor.userId, at: ctx.now, note, photoIds });
}

/**
 * Risk feedback loop: an open hazard (or missed checks) at a risk point marks it "control failing — re-assess". The
 * flag is the point's, whoever moved the hazard: it is computed over the whole enterprise.
 */
export async function refreshRiskFeedback(tx: Tx, enterpriseId: string, ...riskPointIds: (string | null)[]): Promise<void> {
  await refreshControlFailing(tx, wholeEnterprise(enterpriseId), enterpriseId, riskPointIds);
}

/** One notification per person named (once each), for the outbox. */
function notices(userIds: (string | null | undefined)[], kind: string, titleKey: string, bodyKey: string, params: Record<string, string | number>, link: string): OutboxMessage[] {
  const users = [...new Set(userIds.filter((u): u is string => !!u))];
  return users.map((userId) => ({ topic: 'notify' as const, payload: { userId, kind, titleKey, bodyKey, params, link } }));
}

async function notifyUsers(tx: Tx, userIds: (string | null | undefined)[], kind: string, titleKey: string, bodyKey: string, params: Record<string, string | number>, link: string) {
  await enqueueOutbox(tx, notices(userIds, kind, titleKey, bodyKey, params, link));
}

/** The enterprise's principal and safety managers (the directory). */
const managersOf = (tx: Tx, enterpriseId: string) => idsOf(directoryManagersOf(tx, enterpriseId));

/** R-HAZ-4: a major hazard reaches the supervising departments (by industry) and the subdistrict at once. */
/** R-HAZ-4: a major hazard is reported at once to the enterprise's regulators (also when the platform opens it, hazard-open.ts). */
export async function notifyRegulatorsOfMajor(tx: Tx, actor: Pick<Actor, 'scope'>, enterpriseId: string, code: string, title: string, link: string) {
  await enqueueOutbox(tx, await regulatorNoticesOfMajor(tx, actor, enterpriseId, code, title, link));
}

async function regulatorNoticesOfMajor(tx: Tx, actor: Pick<Actor, 'scope'>, enterpriseId: string, code: string, title: string, link: string): Promise<OutboxMessage[]> {
  const recipients = await idsOf(regulatorsOf(tx, enterpriseId));
  const enterprise = await enterpriseNameOf(tx, actor.scope, enterpriseId);
  return notices(recipients, 'hazard.major', 'hazard.notify.major.title', 'hazard.notify.major.body', { code, title, enterprise }, link);
}

const link = (enterpriseId: string, id: string) => `/enterprises/${enterpriseId}/hazards/${id}`;

function defaultSource(actor: Actor): HazardSource {
  switch (actor.role) {
    case 'department_officer': case 'subdistrict_officer': case 'district_admin': return 'regulator';
    case 'insurer_staff': return 'insurer';
    case 'service_staff': return 'service';
    case 'employee': return 'employee_report';
    default: return 'self_check';
  }
}

/** reportHazard: anyone in scope registers what they found; photos were uploaded first. */
export async function reportHazard(db: Db, ctx: Ctx, enterpriseId: string, input: HazardReportInput, extra: { checkTaskId?: string; checklistItemId?: string } = {}, txIn?: Tx) {
  const actor = requireActor(ctx);
  const run = async (tx: Tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    // Whoever may report in the enterprise names any of its places: a unit leader reports at a point of another unit.
    const anywhere = wholeEnterprise(enterpriseId);
    let orgUnitId = input.orgUnitId;
    if (input.riskPointId) {
      const rp = await findRiskPointRef(tx, anywhere, enterpriseId, input.riskPointId);
      if (!rp) throw invalid('body.riskPointId', 'error.NOT_FOUND');
      orgUnitId ??= rp.org_unit_id;
    }
    if (input.postId) {
      const post = await findPostRef(tx, anywhere, enterpriseId, input.postId);
      if (!post) throw invalid('body.postId', 'error.NOT_FOUND');
      orgUnitId ??= post.org_unit_id;
    }
    if (orgUnitId) {
      const u = await findUnitRef(tx, actor.scope, enterpriseId, orgUnitId);
      if (!u) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
    }
    // Named by nothing else, a report is filed under the reporter's own unit (a worker's workshop, not the company).
    orgUnitId ??= (await reporterUnitOf(tx, actor.scope, enterpriseId, actor.userId)) ?? undefined;
    await requirePhotos(tx, enterpriseId, input.photoIds);
    // The code's year is the local year of the report; the year's series moves on (D12: the one code generator).
    const year = localYear(ctx.now);
    const code = await nextCode(tx, enterpriseId, HAZARD_CODE_SERIES, { prefix: `YH-${year}-`, year, width: 4 });
    // One statement for the record, its first history event and the managers' notifications (the hot path of reporting).
    const row = await insertReportedHazard(tx, actor.scope, enterpriseId, {
      code,
      title: input.title, description: input.description, source: input.source ?? defaultSource(actor),
      hazard_class: input.hazardClass ?? null, level: input.level, major_criterion: input.majorCriterion ?? null, risk_point_id: input.riskPointId ?? null,
      org_unit_id: orgUnitId, location: input.location, reported_by: actor.userId,
      check_task_id: extra.checkTaskId ?? null, checklist_item_id: extra.checklistItemId ?? null,
    }, {
      at: ctx.now, note: input.description, photoIds: input.photoIds, linkPrefix: link(enterpriseId, ''),
      notice: { kind: 'hazard.reported', titleKey: 'hazard.notify.reported.title', bodyKey: 'hazard.notify.reported.body' },
    });
    await linkPhotos(tx, ctx, enterpriseId, { type: 'hazard', id: row.id }, input.photoIds, 'before');
    await refreshRiskFeedback(tx, enterpriseId, row.risk_point_id);
    if (row.level === 'major') await notifyRegulatorsOfMajor(tx, actor, enterpriseId, code, row.title, link(enterpriseId, row.id));
    await writeAudit(tx, ctx, { action: 'hazard.report', entityType: 'hazard', entityId: row.id, enterpriseId, after: row });
    return { id: row.id, code: row.code, status: row.status };
  };
  return txIn ? run(txIn) : db.transaction().execute(run);
}

/** The closed loop bound to the hazards table: each step's record, relation, facts, history and follow-up. */
const hazardLoop = bindWorkflow({
  workflow: hazardWorkflow,
  table: 'hazards',
  key: (k: { enterpriseId: string; id: string }) => ({ enterprise_id: k.enterpriseId, id: k.id }),
  entityType: 'hazard',
  entityId: (h: HazardRow) => h.id,
  enterpriseId: (h) => h.enterprise_id,
  select: (db, actor, k) => selectHazard(db, actor, k.enterpriseId, k.id),
  lockOf: 'h' as const,
  relation,
  facts: (db, ctx, h, input: { afterPhotos: number }) => facts(db, h, ctx, input.afterPhotos),
  // The submit button shows while the photos are still to be attached.
  abilityInput: { afterPhotos: 1 },
  history: (tx, ctx, h, e) => recordEvent(tx, ctx, h, e.op, e.from, e.to, e.note, e.evidence),
  messages: REFUSAL_MESSAGE,
  after: (tx, _ctx, h) => refreshRiskFeedback(tx, h.enterprise_id, h.risk_point_id),
});

type OpContext = { tx: Tx; h: HazardRow; who: HazardActor; actor: Actor };
/** The version the client last saw (optional): a step decided on a stale view is refused 409 `STALE`. */
type Versioned = { version?: number };
/** The audit row records the input as before: the expected version is the client's view, not part of the change. */
function auditOf<T extends Versioned>({ version: _version, ...input }: T): Omit<T, 'version'> {
  return input;
}
type HazardEffect = { note?: string; photoIds?: string[]; audit?: unknown; outbox?: OutboxMessage[] };

/**
 * Runs one named operation of the closed loop through the workflow engine (platform/workflow/operate.ts): loaded in
 * scope under the row lock, decided, changed, version bumped, history, audit and notifications in one transaction.
 */
async function operate(db: Db, ctx: Ctx, enterpriseId: string, id: string, op: HazardOp, opts: { afterPhotos?: number; version?: number },
  change: (c: OpContext) => Promise<HazardEffect>) {
  await operateWorkflow(db, ctx, hazardLoop, { enterpriseId, id }, op, { input: { afterPhotos: opts.afterPhotos ?? 0 }, expectedVersion: opts.version },
    async ({ tx, row, who, actor }): Promise<EffectResult> => {
      const r = await change({ tx, h: row, who, actor });
      return { note: r.note, evidence: r.photoIds, audit: r.audit, outbox: r.outbox };
    });
  return getHazard(db, ctx, enterpriseId, id);
}

type Place = Pick<HazardConfirmInput, 'orgUnitId' | 'location' | 'riskPointId'>;
type PlaceChange = { from: string | null; to: string | null };

/**
 * The confirmer's corrections of where a hazard is: its unit, location and risk point. A unit or risk point named must
 * be one the caller sees — in the hazard's enterprise and, for a unit leader, in his subtree (D11: a hazard moved out
 * of it would leave his sight) — or the field is refused (400). Values equal to the current ones change nothing.
 * Returns the columns to set, what changed (for the audit row) and the same in words (for the history).
 */
async function placeCorrections(tx: Tx, actor: Actor, h: HazardRow, input: Place) {
  const set: { org_unit_id?: string; location?: string; risk_point_id?: string | null } = {};
  const changed: { orgUnitId?: PlaceChange; location?: PlaceChange; riskPointId?: PlaceChange } = {};
  // The history is one record read by everyone, written in the platform's first language like its other notes.
  const words: string[] = [];
  const shown = (v: string | null | undefined) => v || '—';
  if (input.orgUnitId !== undefined && input.orgUnitId !== h.org_unit_id) {
    const unit = await findUnitRef(tx, actor.scope, h.enterprise_id, input.orgUnitId);
    if (!unit || !isUnitVisible(actor, unit.path)) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
    set.org_unit_id = unit.id;
    changed.orgUnitId = { from: h.org_unit_id, to: unit.id };
    words.push(t('zh-CN', 'hazard.changed.orgUnit', { from: h.org_unit_name, to: unit.name }));
  }
  if (input.location !== undefined && input.location !== h.location) {
    set.location = input.location;
    changed.location = { from: h.location, to: input.location };
    words.push(t('zh-CN', 'hazard.changed.location', { from: shown(h.location), to: shown(input.location) }));
  }
  if (input.riskPointId !== undefined && input.riskPointId !== h.risk_point_id) {
    const point = input.riskPointId === null ? null : await findRiskPointRef(tx, actor.scope, h.enterprise_id, input.riskPointId);
    if (point === undefined) throw invalid('body.riskPointId', 'error.NOT_FOUND');
    set.risk_point_id = point?.id ?? null;
    changed.riskPointId = { from: h.risk_point_id, to: point?.id ?? null };
    words.push(t('zh-CN', 'hazard.changed.riskPoint', { from: shown(h.risk_point_name), to: shown(point?.name) }));
  }
  return { set, changed, words };
}

/**
 * R-HAZ-6: everyone a safety officer — points, at the rule-set in force, for the enterprise's own people (not
 * regulators, insurers or service institutions) whose report someone else confirmed. The confirm step awards them,
 * and so does the demo seed (src/seed/demo-hazards.ts) for the reports it confirms.
 */
export async function awardReportPoints(tx: Tx, c: { enterpriseId: string; hazardId: string; reportedBy: string | null; confirmedBy: string | null; level: HazardConfirmInput['level']; at: Date }) {
  const reporter = c.reportedBy;
  if (!reporter || reporter === c.confirmedBy) return;
  const points = await currentRules(tx, { enterpriseId: c.enterpriseId }, HAZARD_POINTS_RULES);
  // Awarded on the enterprise's behalf (the confirm step has decided access; the seed has no user).
  await insertReportPoints(tx, wholeEnterprise(c.enterpriseId), c.enterpriseId, {
    hazardId: c.hazardId, userId: reporter, points: points.value[c.level], at: c.at, ruleSetVersion: points.version,
  });
}

export function confirmHazard(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: HazardConfirmInput) {
  return operate(db, ctx, enterpriseId, id, 'confirm', input, async ({ tx, h, actor }) => {
    if (input.level === 'major' && !input.majorCriterion) throw invalid('body.majorCriterion', 'hazard.majorCriterionRequired');
    const place = await placeCorrections(tx, actor, h, input);
    await updateHazard(tx, actor.scope, enterpriseId, id, {
      level: input.level, hazard_class: input.hazardClass, major_criterion: input.level === 'major' ? input.majorCriterion ?? null : null,
      ...(input.title ? { title: input.title } : {}), ...place.set, confirmed_by: actor.userId, confirmed_at: ctx.now,
    });
    // Risk feedback: the point the hazard left may no longer be failing, the one it moved to now is.
    if (place.changed.riskPointId) await refreshRiskFeedback(tx, enterpriseId, h.risk_point_id, place.changed.riskPointId.to);
    await awardReportPoints(tx, { enterpriseId, hazardId: id, reportedBy: h.reported_by, confirmedBy: actor.userId, level: input.level, at: ctx.now });
    const outbox = input.level === 'major' && h.level !== 'major' ? await regulatorNoticesOfMajor(tx, actor, enterpriseId, h.code, input.title ?? h.title, link(enterpriseId, id)) : [];
    const note = [...place.words, input.note].filter(Boolean).join('；');
    return { note, audit: { ...auditOf(input), ...(Object.keys(place.changed).length ? { changed: place.changed } : {}) }, outbox };
  });
}

export function assignRectification(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { rectifierId: string; measures: string; deadline: string; funds?: number; note: string } & Versioned) {
  return operate(db, ctx, enterpriseId, id, 'assign', input, async ({ tx, h, actor }) => {
    const rectifier = await findActiveAccount(tx, actor.scope, enterpriseId, input.rectifierId);
    if (!rectifier) throw invalid('body.rectifierId', 'error.NOT_FOUND');
    if (input.deadline < todayOf(ctx)) throw invalid('body.deadline', 'hazard.deadlinePast');
    await updateHazard(tx, actor.scope, enterpriseId, id, { rectifier_id: rectifier.id, measures: input.measures, deadline: input.deadline, funds: input.funds ?? null, escalation_level: 0 });
    return { note: input.note, audit: auditOf(input), outbox: notices([rectifier.id], 'hazard.assigned', 'hazard.notify.assigned.title', 'hazard.notify.assigned.body', { code: h.code, title: h.title, deadline: input.deadline }, link(enterpriseId, id)) };
  });
}

async function attachAfterPhotos(tx: Tx, ctx: Ctx, enterpriseId: string, id: string, photoIds: string[]) {
  await requirePhotos(tx, enterpriseId, photoIds);
  await linkPhotos(tx, ctx, enterpriseId, { type: 'hazard', id }, photoIds, 'after');
}

export function submitRectification(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string; photoIds: string[] } & Versioned) {
  return operate(db, ctx, enterpriseId, id, 'submit', { afterPhotos: input.photoIds.length, version: input.version }, async ({ tx, h, actor }) => {
    await attachAfterPhotos(tx, ctx, enterpriseId, id, input.photoIds);
    await updateHazard(tx, actor.scope, enterpriseId, id, { submitted_by: actor.userId, submitted_at: ctx.now });
    return { note: input.note, photoIds: input.photoIds, outbox: notices([h.confirmed_by, ...(await managersOf(tx, enterpriseId))].filter((u) => u !== actor.userId), 'hazard.submitted', 'hazard.notify.submitted.title', 'hazard.notify.submitted.body', { code: h.code, title: h.title }, link(enterpriseId, id)) };
  });
}

export function fixOnSpot(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string; photoIds: string[] } & Versioned) {
  return operate(db, ctx, enterpriseId, id, 'fixOnSpot', { afterPhotos: input.photoIds.length, version: input.version }, async ({ tx, h, actor }) => {
    await attachAfterPhotos(tx, ctx, enterpriseId, id, input.photoIds);
    await updateHazard(tx, actor.scope, enterpriseId, id, { on_spot: true, rectifier_id: actor.userId, submitted_by: actor.userId, submitted_at: ctx.now, hazard_class: h.hazard_class ?? 'thing' });
    return { note: input.note, photoIds: input.photoIds, outbox: notices((await managersOf(tx, enterpriseId)).filter((u) => u !== actor.userId), 'hazard.submitted', 'hazard.notify.submitted.title', 'hazard.notify.submitted.body', { code: h.code, title: h.title }, link(enterpriseId, id)) };
  });
}

export function acceptHazard(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return operate(db, ctx, enterpriseId, id, 'accept', input, async ({ tx, h, actor }) => {
    // R-HAZ-4: closing a major hazard needs its acceptance evaluation.
    if (h.level === 'major' && input.note.length < 5) throw invalid('body.note', 'hazard.acceptanceEvaluationRequired');
    await updateHazard(tx, actor.scope, enterpriseId, id, { accepted_by: actor.userId, closed_at: ctx.now, acceptance_note: input.note });
    return { note: input.note, outbox: notices([h.rectifier_id, h.reported_by].filter((u) => u !== actor.userId), 'hazard.closed', 'hazard.notify.closed.title', 'hazard.notify.closed.body', { code: h.code, title: h.title }, link(enterpriseId, id)) };
  });
}

export function rejectRectification(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return operate(db, ctx, enterpriseId, id, 'reject', input, async ({ tx, h, actor }) => {
    if (!input.note) throw invalid('body.note', 'validation.required');
    await updateHazard(tx, actor.scope, enterpriseId, id, { submitted_by: null, submitted_at: null });
    return { note: input.note, outbox: notices([h.rectifier_id], 'hazard.rejected', 'hazard.notify.rejected.title', 'hazard.notify.rejected.body', { code: h.code, title: h.title, note: input.note }, link(enterpriseId, id)) };
  });
}

export function voidHazard(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { reason: string } & Versioned) {
  return operate(db, ctx, enterpriseId, id, 'void', input, async ({ tx, actor }) => {
    await updateHazard(tx, actor.scope, enterpriseId, id, { void_reason: input.reason });
    await deleteReportPoints(tx, actor.scope, enterpriseId, id);
    return { note: input.reason };
  });
}

export function requestExtension(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { newDeadline: string; reason: string } & Versioned) {
  return operate(db, ctx, enterpriseId, id, 'requestExtension', input, async ({ tx, h, actor }) => {
    if (!h.deadline || input.newDeadline <= h.deadline) throw invalid('body.newDeadline', 'hazard.extensionLater');
    await insertExtension(tx, actor.scope, enterpriseId, id, { requested_by: actor.userId, requested_at: ctx.now, old_deadline: h.deadline, new_deadline: input.newDeadline, reason: input.reason });
    return { note: `${h.deadline} → ${input.newDeadline}: ${input.reason}`, outbox: notices((await managersOf(tx, enterpriseId)).filter((u) => u !== actor.userId), 'hazard.extension', 'hazard.notify.extension.title', 'hazard.notify.extension.body', { code: h.code, title: h.title, deadline: input.newDeadline }, link(enterpriseId, id)) };
  });
}

export function decideExtension(db: Db, ctx: Ctx, enterpriseId: string, id: string, extensionId: string, input: { approve: boolean; note: string } & Versioned) {
  return operate(db, ctx, enterpriseId, id, 'decideExtension', input, async ({ tx, actor }) => {
    const ext = await findPendingExtension(tx, actor, enterpriseId, id, extensionId);
    if (!ext) throw notFound();
    await decideExtensionRow(tx, actor.scope, enterpriseId, extensionId, { status: input.approve ? 'approved' : 'rejected', decided_by: actor.userId, decided_at: ctx.now, decision_note: input.note });
    if (input.approve) await updateHazard(tx, actor.scope, enterpriseId, id, { deadline: ext.new_deadline, escalation_level: 0 });
    return { note: `${input.approve ? '同意' : '不同意'} ${ext.new_deadline}${input.note ? `：${input.note}` : ''}`, audit: { extensionId, approve: input.approve }, outbox: notices([ext.requested_by], 'hazard.extension', 'hazard.notify.extensionDecided.title', input.approve ? 'hazard.notify.extensionApproved.body' : 'hazard.notify.extensionRejected.body', { deadline: ext.new_deadline }, link(enterpriseId, id)) };
  });
}

/** R-HAZ-4: the five-in-place plan of a major hazard (responsibility, measures, funds, time limit, contingency plan). */
export async function saveFiveInPlacePlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { responsiblePerson: string; measures: string; funds: number; timeLimit: string; contingencyPlan: string }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    // D1: decided on the row read under its lock, like every step of the closed loop.
    const h = await findHazard(tx, actor, enterpriseId, id, { lock: true });
    if (!h) throw notFound();
    const who = relation(actor, h);
    if (!who.manager && !who.unitLeader) throw refusal('FORBIDDEN');
    if (h.level !== 'major') throw refusal('NOT_MAJOR');
    if (!OPEN.includes(h.status)) throw refusal('STATE');
    const before = await hazardPlan(tx, actor, enterpriseId, id);
    const values = { responsible_person: input.responsiblePerson, measures: input.measures, funds: input.funds, time_limit: input.timeLimit, contingency_plan: input.contingencyPlan, updated_at: ctx.now };
    await upsertPlan(tx, actor.scope, enterpriseId, id, values, { by: actor.userId, at: ctx.now });
    await recordEvent(tx, ctx, h, 'plan', h.status, h.status, input.measures);
    await writeAudit(tx, ctx, { action: 'hazard.plan', entityType: 'hazard', entityId: id, enterpriseId, before: before ?? null, after: input });
  });
  return getHazard(db, ctx, enterpriseId, id);
}

/** R-HAZ-4: a regulator lists an open major hazard for supervision (挂牌督办), and delists it after acceptance. */
export async function listForSupervision(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { deadline: string; note: string }) {
  const actor = requireActor(ctx);
  if (actor.scope.kind === 'enterprise' || !can(actor, 'hazard.supervise')) throw forbidden();
  await db.transaction().execute(async (tx) => {
    // D1: the hazard's row lock also serialises listing and delisting (read after it, the supervision row is current).
    const h = await findHazard(tx, actor, enterpriseId, id, { lock: true });
    if (!h) throw notFound();
    if (h.level !== 'major') throw refusal('NOT_MAJOR');
    if (!OPEN.includes(h.status)) throw refusal('STATE');
    const existing = await hazardSupervision(tx, actor, enterpriseId, id);
    if (existing?.status === 'listed') throw refusal('ALREADY_LISTED');
    await upsertSupervision(tx, actor.scope, enterpriseId, id, { listed_by: actor.userId, listed_at: ctx.now, deadline: input.deadline, note: input.note, status: 'listed', delisted_by: null, delisted_at: null });
    await recordEvent(tx, ctx, h, 'supervise', h.status, h.status, `${input.deadline} ${input.note}`);
    await notifyUsers(tx, await managersOf(tx, enterpriseId), 'hazard.supervised', 'hazard.notify.supervised.title', 'hazard.notify.supervised.body', { code: h.code, title: h.title, deadline: input.deadline }, link(enterpriseId, id));
    await writeAudit(tx, ctx, { action: 'hazard.supervise', entityType: 'hazard', entityId: id, enterpriseId, after: input });
  });
  return getHazard(db, ctx, enterpriseId, id);
}

export async function delistSupervision(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string }) {
  const actor = requireActor(ctx);
  if (actor.scope.kind === 'enterprise' || !can(actor, 'hazard.supervise')) throw forbidden();
  await db.transaction().execute(async (tx) => {
    const h = await findHazard(tx, actor, enterpriseId, id, { lock: true });
    if (!h) throw notFound();
    const sup = await hazardSupervision(tx, actor, enterpriseId, id);
    if (sup?.status !== 'listed') throw refusal('NOT_LISTED');
    // Delisting confirms the enterprise's acceptance evaluation: the hazard must be closed first.
    if (h.status !== 'closed') throw refusal('NOT_CLOSED');
    await markDelisted(tx, actor.scope, enterpriseId, id, { by: actor.userId, at: ctx.now });
    await recordEvent(tx, ctx, h, 'delist', h.status, h.status, input.note);
    await writeAudit(tx, ctx, { action: 'hazard.delist', entityType: 'hazard', entityId: id, enterpriseId, after: input });
  });
  return getHazard(db, ctx, enterpriseId, id);
}

/**
 * Photos uploaded ahead of a report or a submission: stored in the enterprise's rows, each with its audit row (the
 * attachments store writes it), in one transaction. The caller must have the enterprise in scope.
 */
export async function uploadPhotos(db: Db, ctx: Ctx, enterpriseId: string, files: Buffer[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  // D16: decoded and encoded again before the transaction opens (no lock, no connection held meanwhile).
  const prepared = await preparePhotos(files, ctx.now, 'body.file');
  return db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    const saved = await savePhotos(tx, ctx, enterpriseId, prepared);
    return saved.map((p) => p.id);
  });
}

/** The people a hazard can be assigned to: the enterprise's active accounts (for unit leaders too, who assign). */
export async function listAssignees(db: Db, ctx: Ctx, enterpriseId: string, q?: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (actor.scope.kind !== 'enterprise' && actor.scope.kind !== 'district') throw forbidden();
  const rows = await listActiveAccounts(db, actor.scope, enterpriseId, q, 50);
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, roleName: roleName(r.role, ctx.locale) }));
}

/**
 * Where the caller may place a hazard of this enterprise (the report and confirm forms' unit picker): the units he sees
 * in full — a unit leader his subtree (D11), where confirming may move a hazard — in tree order, each with the names on
 * its path from the root, and the unit his own report goes to when it names none (his unit, else the root).
 */
export async function listHazardUnits(db: Db, ctx: Ctx, enterpriseId: string): Promise<HazardUnits> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const [rows, own] = await Promise.all([
    unitsOfEnterprise(db, actor.scope, enterpriseId),
    reporterUnitOf(db, actor.scope, enterpriseId, actor.userId),
  ]);
  type Unit = (typeof rows)[number];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string | null, Unit[]>();
  for (const r of rows) {
    const parent = r.parent_id !== null && byId.has(r.parent_id) ? r.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  // Siblings as the org tree shows them: by their order, then by name.
  const ordered: Unit[] = [];
  const walk = (parent: string | null) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'))) {
      ordered.push(r);
      walk(r.id);
    }
  };
  walk(null);
  const root = ordered.find((r) => r.parent_id === null);
  return {
    defaultUnitId: own ?? root?.id ?? '',
    units: ordered.filter((r) => isUnitVisible(actor, r.path))
      .map((r) => ({ id: r.id, name: r.name, pathNames: r.path.split('/').filter(Boolean).map((id) => byId.get(id)?.name ?? '') })),
  };
}
