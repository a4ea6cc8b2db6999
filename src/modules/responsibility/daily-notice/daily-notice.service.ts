import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { systemScope, type AnyScope } from '../../../platform/db/scope';
import { AppError, notFound } from '../../../platform/errors';
import { currentRules } from '../../../platform/rules';
import { signatureImages, signaturesOf, signDocument, verifySigner } from '../../../platform/signatures';
import { localDay, localMonth } from '../../../platform/time';
import {
  enterpriseFacts, findNotice, principalUserName, insertNotice, markNoticePosted, noticeOfDay, noticeOverviewPage, noticesOfMonth, notPostedCount, updateNoticeDraft,
  type NoticeColumns, type NoticeRow,
} from './daily-notice.repository';
import { DAILY_NOTICE_RULES } from './daily-notice.rule-sets';
import { daysOwed, specialWorkOf, specialWorkTotal, type NoticeContent, type NoticeFigures } from './daily-notice.rules';
import type { NoticeInput, NoticeOverviewQuery, NoticePatch, NoticeSign, NoticeView, PublicNotice } from './daily-notice.schema';

/*
 * R-COM-1 [cfg], issue 11 §6: the daily safety-risk assessment and commitment notice (安全风险研判与承诺公告) of the
 * enterprises whose industry the rule-set `daily-risk-notice` names (the hazardous-chemical ones by default). Every day
 * the figures of the day are filled in (by the principal or a safety manager) and the principal signs the commitment
 * in person (platform/signatures, pad or password), which posts it: on the enterprise's public commitment page behind
 * the gate's QR code, and in the regulators' list of who has and has not posted today. One notice per enterprise and
 * China local day (platform/time.ts), decided on the platform clock; a posted notice never changes.
 *
 * Not an obligation occurrence: the engine's cadences stop at monthly. What is owed today is a workbench item for
 * the principal and the safety managers, and the regulators count posted days against owed days per month.
 */

const DOCUMENT = 'daily_risk_notice';

const refused = (code: 'STATE' | 'FORBIDDEN', reason: string, messageKey: string) => new AppError(code, { reason, messageKey });

function mayDraft(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'daily_notice.draft') && isEnterpriseManager(actor, enterpriseId);
}

/** R-COM-1: the commitment is the principal's own; his signature alone posts it. */
function isPrincipalOf(actor: Actor, enterpriseId: string): boolean {
  return actor.role === 'enterprise_principal' && isEnterpriseManager(actor, enterpriseId);
}

type Facts = NonNullable<Awaited<ReturnType<typeof enterpriseFacts>>>;

async function enterpriseOf(db: Executor, actor: Actor, enterpriseId: string): Promise<Facts> {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const e = await enterpriseFacts(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  return e;
}

/** Whether the enterprise owes the notice under its district's rule-set now: its industry is named and it is active. */
async function rulesFor(db: Executor, e: Facts) {
  const rules = await currentRules(db, { enterpriseId: e.id }, DAILY_NOTICE_RULES);
  return { ...rules, applies: e.status === 'active' && rules.value.industries.includes(e.industry_code) };
}

function figuresOf(r: NoticeRow): NoticeFigures {
  return {
    units: { running: r.units_running, stopped: r.units_stopped, maintenance: r.units_maintenance },
    majorHazards: { total: r.major_hazards, safe: r.major_hazards_safe },
    specialWork: specialWorkOf(r.special_work),
    trialProduction: r.trial_production, startStop: r.start_stop, maintenanceWork: r.maintenance_work, note: r.note,
  };
}

/** The exact content the principal signs: its canonical JSON is hashed into the signature. */
function contentOf(r: NoticeRow): NoticeContent {
  return { enterprise: { id: r.enterprise_id, name: r.enterprise_name }, day: r.day, ...figuresOf(r), commitment: r.commitment, principalName: r.principal_name };
}

function columnsOf(f: NoticeFigures, commitment: string, principalName: string): NoticeColumns {
  return {
    units_running: f.units.running, units_stopped: f.units.stopped, units_maintenance: f.units.maintenance,
    major_hazards: f.majorHazards.total, major_hazards_safe: f.majorHazards.safe, special_work: JSON.stringify(f.specialWork),
    trial_production: f.trialProduction, start_stop: f.startStop, maintenance_work: f.maintenanceWork, note: f.note,
    commitment, principal_name: principalName,
  };
}

async function signatureImageOf(db: Executor, scope: AnyScope, r: NoticeRow): Promise<string | null> {
  if (!r.signature_id) return null;
  const sig = (await signaturesOf(db, scope, r.enterprise_id, DOCUMENT, r.id)).find((s) => s.id === r.signature_id);
  if (!sig?.imageAttachmentId) return null;
  return (await signatureImages(db, r.enterprise_id, [sig.imageAttachmentId])).get(sig.imageAttachmentId) ?? null;
}

async function view(db: Executor, actor: Actor, r: NoticeRow, now: Date): Promise<NoticeView> {
  const f = figuresOf(r);
  const today = r.day === localDay(now);
  const draft = r.status === 'draft';
  return {
    id: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, day: r.day, status: r.status,
    ...f, specialWorkTotal: specialWorkTotal(f.specialWork),
    commitment: r.commitment, principalName: r.principal_name, postedAt: r.posted_at, signedByName: r.signed_by_name, contentSha256: r.content_sha256,
    signatureImage: await signatureImageOf(db, actor.scope, r), createdByName: r.created_by_name, version: r.version, today,
    abilities: {
      canEdit: draft && today && mayDraft(actor, r.enterprise_id),
      canSign: draft && today && can(actor, 'daily_notice.sign') && isPrincipalOf(actor, r.enterprise_id),
    },
  };
}

async function noticeIn(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  await enterpriseOf(db, actor, enterpriseId);
  const r = await findNotice(db, actor.scope, enterpriseId, id, opts);
  if (!r) throw notFound();
  return r;
}

export async function getNotice(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<NoticeView> {
  const actor = requireActor(ctx);
  return view(db, actor, await noticeIn(db, actor, enterpriseId, id), ctx.now);
}

/** A month's notices of the enterprise (this month by default), today's, and the month's posted and owed days. */
export async function noticeMonth(db: Db, ctx: Ctx, enterpriseId: string, q: { month?: string }) {
  const actor = requireActor(ctx);
  const e = await enterpriseOf(db, actor, enterpriseId);
  const today = localDay(ctx.now);
  const month = q.month ?? localMonth(ctx.now);
  const [rules, rows, todays] = await Promise.all([
    rulesFor(db, e), noticesOfMonth(db, actor.scope, enterpriseId, month), noticeOfDay(db, actor.scope, enterpriseId, today),
  ]);
  const posted = rows.filter((r) => r.status === 'posted' && r.day <= today);
  return {
    month, today, applies: rules.applies,
    todayNotice: todays ? { id: todays.id, status: todays.status, postedAt: todays.posted_at } : null,
    items: rows.map((r) => {
      const w = specialWorkOf(r.special_work);
      return {
        id: r.id, day: r.day, status: r.status, postedAt: r.posted_at, principalName: r.principal_name, unitsRunning: r.units_running,
        majorHazardsSafe: r.major_hazards_safe, hotWork: w.hot_work, confinedSpace: w.confined_space, specialWorkTotal: specialWorkTotal(w),
      };
    }),
    postedDays: posted.length, owedDays: rules.applies ? daysOwed(month, today, e.onboarded_on) : posted.length,
    defaults: { commitment: rules.value.commitment, principalName: e.principal_name },
    abilities: { canDraft: rules.applies && !todays && mayDraft(actor, enterpriseId) },
  };
}

/**
 * Today's notice from the day's figures, by the principal or a safety manager: one per enterprise and China local day
 * (a second is refused `NOTICE_EXISTS`), only for an enterprise that owes it (else `NOT_APPLICABLE`, naming why).
 */
export async function draftNotice(db: Db, ctx: Ctx, enterpriseId: string, input: NoticeInput): Promise<NoticeView> {
  const actor = requireActor(ctx);
  const day = localDay(ctx.now);
  const id = await db.transaction().execute(async (tx) => {
    const e = await enterpriseOf(tx, actor, enterpriseId);
    if (!mayDraft(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'dailyNotice.refused.notManager');
    const rules = await rulesFor(tx, e);
    if (!rules.applies) throw refused('STATE', 'NOT_APPLICABLE', e.status === 'active' ? 'dailyNotice.refused.notApplicable' : 'dailyNotice.refused.inactive');
    const principalName = input.principalName ?? (e.principal_name.trim() || await principalUserName(tx, enterpriseId));
    const created = await insertNotice(tx, actor.scope, enterpriseId, {
      ...columnsOf({ ...input, note: input.note ?? '' }, rules.value.commitment, principalName), day, rule_set_version: rules.version, created_by: actor.userId, now: ctx.now,
    });
    if (!created) throw refused('STATE', 'NOTICE_EXISTS', 'dailyNotice.refused.exists');
    await writeAudit(tx, ctx, { action: 'dailyNotice.draft', entityType: 'daily_risk_notice', entityId: created, enterpriseId, after: { day, ...input } });
    return created;
  });
  return getNotice(db, ctx, enterpriseId, id);
}

function refuseUnlessOpenToday(r: NoticeRow, now: Date) {
  if (r.status !== 'draft') throw refused('STATE', 'NOTICE_POSTED', 'dailyNotice.refused.posted');
  if (r.day !== localDay(now)) throw refused('STATE', 'NOT_TODAY', 'dailyNotice.refused.notToday');
}

/** Edits today's draft; a posted notice (`NOTICE_POSTED`) or another day's draft (`NOT_TODAY`) is refused. */
export async function updateNotice(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: NoticePatch): Promise<NoticeView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const r = await noticeIn(tx, actor, enterpriseId, id, { lock: true });
    if (!mayDraft(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'dailyNotice.refused.notManager');
    refuseUnlessOpenToday(r, ctx.now);
    if (r.version !== patch.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const before = figuresOf(r);
    const after: NoticeFigures = {
      units: patch.units ?? before.units, majorHazards: patch.majorHazards ?? before.majorHazards, specialWork: patch.specialWork ?? before.specialWork,
      trialProduction: patch.trialProduction ?? before.trialProduction, startStop: patch.startStop ?? before.startStop,
      maintenanceWork: patch.maintenanceWork ?? before.maintenanceWork, note: patch.note ?? before.note,
    };
    const principalName = patch.principalName ?? r.principal_name;
    if (!(await updateNoticeDraft(tx, enterpriseId, id, r.version, columnsOf(after, r.commitment, principalName), ctx.now))) throw new AppError('CONFLICT', { reason: 'STALE' });
    await writeAudit(tx, ctx, {
      action: 'dailyNotice.update', entityType: 'daily_risk_notice', entityId: id, enterpriseId,
      before: { ...before, principalName: r.principal_name }, after: { ...after, principalName },
    });
  });
  return getNotice(db, ctx, enterpriseId, id);
}

/**
 * The principal signs today's notice in person (pad or password), which posts it; anyone else is refused 403
 * `PRINCIPAL_ONLY`. The signature holds the SHA-256 of the content as shown, and the posted row never changes.
 */
export async function signNotice(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: NoticeSign): Promise<NoticeView> {
  const actor = requireActor(ctx);
  const first = await noticeIn(db, actor, enterpriseId, id);
  if (!isPrincipalOf(actor, enterpriseId)) throw refused('FORBIDDEN', 'PRINCIPAL_ONLY', 'dailyNotice.refused.principalOnly');
  refuseUnlessOpenToday(first, ctx.now);
  if (body.version !== undefined && body.version !== first.version) throw new AppError('CONFLICT', { reason: 'STALE' });
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  await db.transaction().execute(async (tx) => {
    const r = await noticeIn(tx, actor, enterpriseId, id, { lock: true });
    refuseUnlessOpenToday(r, ctx.now);
    if (body.version !== undefined && body.version !== r.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const content = contentOf(r);
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: DOCUMENT, documentId: r.id, documentVersion: 1, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    await markNoticePosted(tx, enterpriseId, r.id, { content_sha256: sig.contentSha256, signature_id: sig.id, signed_by: actor.userId }, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'dailyNotice.sign', entityType: 'daily_risk_notice', entityId: r.id, enterpriseId,
      before: { status: 'draft' }, after: { status: 'posted', day: r.day, contentSha256: sig.contentSha256, signatureId: sig.id, method: body.method },
    });
  });
  return getNotice(db, ctx, enterpriseId, id);
}

/**
 * The public page's notice (behind the commitment's QR code at the gate): the enterprise's notice posted today, or
 * null. The caller has already opened the enterprise by its token; no one is signed in.
 */
export async function publicNoticeOfToday(db: Executor, enterpriseId: string, now: Date): Promise<PublicNotice | null> {
  const r = await noticeOfDay(db, systemScope, enterpriseId, localDay(now));
  if (!r || r.status !== 'posted' || !r.posted_at) return null;
  const f = figuresOf(r);
  return {
    day: r.day, enterpriseName: r.enterprise_name, ...f, specialWorkTotal: specialWorkTotal(f.specialWork), commitment: r.commitment,
    principalName: r.principal_name, postedAt: r.posted_at, signatureImage: await signatureImageOf(db, systemScope, r),
  };
}

/**
 * R-COM-1, the regulators' daily list: every active enterprise in scope that owes the notice (subdistrict by location,
 * department by industry), whether it posted today, and the month's posted days against the days owed.
 */
export async function noticeOverview(db: Db, ctx: Ctx, q: NoticeOverviewQuery) {
  const actor = requireActor(ctx);
  const rules = await currentRules(db, ctx, DAILY_NOTICE_RULES);
  const day = localDay(ctx.now);
  const month = q.month ?? localMonth(ctx.now);
  const { page, counts } = await noticeOverviewPage(db, actor.scope, q, { industries: rules.value.industries, day, month });
  return {
    ...page, day, month, counts,
    items: page.items.map((r) => ({
      enterpriseId: r.enterprise_id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
      today: r.notice_id && r.posted_at
        ? { id: r.notice_id, postedAt: r.posted_at, majorHazardsSafe: !!r.major_hazards_safe, specialWorkTotal: specialWorkTotal(specialWorkOf(r.special_work)) } : null,
      postedDays: Number(r.posted_days), owedDays: daysOwed(month, day, r.onboarded_on),
    })),
  };
}

/** For the workbench: whether today's notice is still owed by the caller's enterprise (principal and safety managers). */
export async function todayOwed(db: Db, ctx: Ctx, enterpriseId: string): Promise<{ applies: boolean; posted: boolean }> {
  const actor = requireActor(ctx);
  const e = await enterpriseFacts(db, actor.scope, enterpriseId);
  if (!e) return { applies: false, posted: false };
  const rules = await rulesFor(db, e);
  if (!rules.applies) return { applies: false, posted: false };
  const r = await noticeOfDay(db, actor.scope, enterpriseId, localDay(ctx.now));
  return { applies: true, posted: r?.status === 'posted' };
}

/** For the regulators' workbench: enterprises in scope that owe today's notice and have not posted it. */
export async function notPostedToday(db: Db, ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  const rules = await currentRules(db, ctx, DAILY_NOTICE_RULES);
  return notPostedCount(db, actor.scope, rules.value.industries, localDay(ctx.now));
}

