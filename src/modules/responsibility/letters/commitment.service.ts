import { randomBytes } from 'node:crypto';
import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor, wholeEnterprise } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { systemScope, type AnyScope } from '../../../platform/db/scope';
import { AppError, notFound } from '../../../platform/errors';
import type { Locale } from '../../../platform/i18n/messages';
import { qrCode } from '../../../platform/links';
import { enqueueOutbox } from '../../../platform/outbox';
import { periodAt, type PeriodCycle } from '../../../platform/periods';
import { periodLabel } from '../../../platform/period-labels';
import { contentHash, signatureImages, signaturesOf, signDocument, verifySigner } from '../../../platform/signatures';
import { localDateTime, localDay } from '../../../platform/time';
import { subdistrictOfficersOf } from '../../../platform/directory';
import { openHazardCounts } from '../../hazards';
import { fulfilByRecord, obligationParams } from '../../obligations';
import { riskSummaryFor } from '../../risk';
import {
  commitmentByToken, commitmentOverviewPage, draftOf, findCommitment, insertCommitment, insertReport, listCommitmentRows, markCommitmentSigned,
  reportsOf, staffing, supersedeCurrent, updateDraft, type CommitmentRow,
} from './commitment.repository';
import { publicNoticeOfToday } from '../daily-notice/daily-notice.service';
import { enterpriseBasics } from './letters.repository';
import {
  ASPECT_TITLES, COMMITMENT_ASPECTS, COMMITMENT_CLOSING, draftSections, type CommitmentContent, type CommitmentFigures,
} from './letters.rules';
import type { CommitmentOverviewQuery, CommitmentPatch, CommitmentView } from './letters.schema';

/*
 * R-COM-1: the principal's safety commitment. Drafted from the enterprise's figures (risk points by grade, open major
 * hazards, this year's investment, staffing) in the seed's five aspects, edited while a draft, signed by the principal
 * in person (platform/signatures), then posted: a public page behind an unguessable token and a printable poster with
 * its QR code. The current commitment is reported to the subdistrict each period [cfg], and regulators see which of
 * their enterprises have one.
 */

const DOCUMENT = 'commitment';
/** Where a poster's QR code leads: the web app's public page, which reads GET /api/v1/public/commitments/:token. */
export const COMMITMENT_PAGE = '/p/commitment/';

const refused = (code: 'STATE' | 'FORBIDDEN', reason: string, messageKey: string) => new AppError(code, { reason, messageKey });

function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'commitment.manage') && isEnterpriseManager(actor, enterpriseId);
}

/** R-RESP-5: a duty owed by the principal is fulfilled by the principal's own signature only. */
function isPrincipalOf(actor: Actor, enterpriseId: string): boolean {
  return actor.role === 'enterprise_principal' && isEnterpriseManager(actor, enterpriseId);
}

async function enterpriseOf(db: Executor, actor: Actor, enterpriseId: string) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const e = await enterpriseBasics(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  return e;
}

/**
 * R-COM-1 [cfg]: the period a report counts for is the cadence of the engine's `com.commitment.report` duty (one
 * setting for both; an event cadence, which the rule-set does not offer for it, would count quarterly).
 */
async function reportCycle(db: Executor, enterpriseId: string): Promise<PeriodCycle> {
  const { cadence } = (await obligationParams(db, { enterpriseId }, 'com.commitment.report')).params;
  return cadence.kind === 'event' ? 'quarterly' : cadence.kind;
}

function contentOf(r: CommitmentRow): CommitmentContent {
  return r.content as CommitmentContent;
}

async function view(db: Executor, actor: Actor, scope: AnyScope, r: CommitmentRow, now: Date): Promise<CommitmentView> {
  const content = contentOf(r);
  const period = periodAt(await reportCycle(db, r.enterprise_id), now).key;
  const reports = await reportsOf(db, r.enterprise_id, r.id);
  const sig = r.signature_id ? (await signaturesOf(db, scope, r.enterprise_id, DOCUMENT, r.id)).find((s) => s.id === r.signature_id) : undefined;
  const images = sig ? await signatureImages(db, r.enterprise_id, [sig.imageAttachmentId]) : new Map<string, string>();
  const manage = mayManage(actor, r.enterprise_id);
  return {
    id: r.id, seq: r.seq, year: r.year, status: r.status, enterpriseId: r.enterprise_id, enterpriseName: content.enterprise.name,
    principalName: r.principal_name, figures: content.figures,
    sections: content.sections.map((s) => ({ aspect: s.aspect, title: ASPECT_TITLES[s.aspect], text: s.text })), closing: content.closing,
    signedAt: r.signed_at, signedByName: sig?.signerName ?? r.signed_by_name, contentSha256: r.content_sha256,
    signatureImage: images.get(sig?.imageAttachmentId ?? '') ?? null,
    publicPath: r.public_token ? `${COMMITMENT_PAGE}${r.public_token}` : null,
    periodKey: period, reportedThisPeriod: reports.some((x) => x.period_key === period), lastReportedAt: reports[0]?.reported_at ?? null,
    version: r.version,
    abilities: {
      canEdit: manage && r.status === 'draft',
      canSign: r.status === 'draft' && isPrincipalOf(actor, r.enterprise_id),
      canReport: manage && r.status === 'signed' && !reports.some((x) => x.period_key === period),
    },
  };
}

export async function listCommitments(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  const rows = await listCommitmentRows(db, actor.scope, enterpriseId);
  return {
    items: rows.map((r) => ({ id: r.id, seq: r.seq, year: r.year, status: r.status, signedAt: r.signed_at, principalName: r.principal_name })),
    currentId: rows.find((r) => r.status === 'signed')?.id ?? null,
    draftId: rows.find((r) => r.status === 'draft')?.id ?? null,
    abilities: { canDraft: mayManage(actor, enterpriseId) && !rows.some((r) => r.status === 'draft') },
  };
}

async function commitmentIn(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  await enterpriseOf(db, actor, enterpriseId);
  const r = await findCommitment(db, actor.scope, enterpriseId, id, opts);
  if (!r) throw notFound();
  return r;
}

export async function getCommitment(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<CommitmentView> {
  const actor = requireActor(ctx);
  const r = await commitmentIn(db, actor, enterpriseId, id);
  return view(db, actor, actor.scope, r, ctx.now);
}

/** The figures of the draft, each from the module that owns it (risk and hazards through their public doors). */
async function figuresOf(db: Executor, actor: Actor, enterpriseId: string, investmentWan: number | null, today: string): Promise<CommitmentFigures> {
  const whole = wholeEnterprise(enterpriseId);
  const [risk, hazards, staff] = await Promise.all([
    riskSummaryFor(db, whole, enterpriseId, today), openHazardCounts(db, { scope: whole, userId: actor.userId }, enterpriseId), staffing(db, enterpriseId),
  ]);
  return { risk: { total: risk.total, byGrade: risk.byGrade }, hazards, investmentWan, staffing: staff };
}

/** R-COM-1: a new draft from today's figures; one draft at a time. */
export async function draftCommitment(db: Db, ctx: Ctx, enterpriseId: string, input: { year: number; investmentWan?: number | null }): Promise<CommitmentView> {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    const e = await enterpriseOf(tx, actor, enterpriseId);
    if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'letters.refused.notManager');
    if (await draftOf(tx, enterpriseId)) throw refused('STATE', 'DRAFT_EXISTS', 'commitment.refused.draftExists');
    const figures = await figuresOf(tx, actor, enterpriseId, input.investmentWan ?? null, localDay(ctx.now));
    const principalName = e.principal_name.trim() || (await tx.selectFrom('users').select('display_name').where('enterprise_id', '=', enterpriseId)
      .where('role', '=', 'enterprise_principal').where('disabled', '=', false).orderBy('created_at').executeTakeFirst())?.display_name || '';
    const content: CommitmentContent = {
      enterprise: { id: enterpriseId, name: e.name }, year: input.year, principalName, figures,
      sections: draftSections(input.year, figures), closing: COMMITMENT_CLOSING,
    };
    const created = await insertCommitment(tx, actor.scope, enterpriseId, { year: input.year, content, principal_name: principalName, created_by: actor.userId, now: ctx.now });
    await writeAudit(tx, ctx, { action: 'commitment.draft', entityType: 'safety_commitment', entityId: created, enterpriseId, after: { year: input.year, figures } });
    return created;
  });
  return getCommitment(db, ctx, enterpriseId, id);
}

/** Edits a draft: the five texts, the principal's name, this year's investment (its text drafted again unless given). */
export async function updateCommitment(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: CommitmentPatch): Promise<CommitmentView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const r = await commitmentIn(tx, actor, enterpriseId, id, { lock: true });
    if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'letters.refused.notManager');
    if (r.status !== 'draft') throw refused('STATE', 'COMMITMENT_SIGNED', 'commitment.refused.signed');
    if (r.version !== patch.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const before = contentOf(r);
    const figures = patch.investmentWan === undefined ? before.figures : { ...before.figures, investmentWan: patch.investmentWan };
    const principalName = patch.principalName ?? r.principal_name;
    const drafted = draftSections(before.year, figures);
    const sections = patch.sections
      ? COMMITMENT_ASPECTS.map((aspect) => ({ aspect, text: patch.sections!.find((s) => s.aspect === aspect)!.text }))
      : before.sections.map((s) => (s.aspect === 'investment' && patch.investmentWan !== undefined ? drafted.find((d) => d.aspect === 'investment')! : s));
    const content: CommitmentContent = { ...before, principalName, figures, sections };
    if (!(await updateDraft(tx, enterpriseId, id, r.version, { content, principal_name: principalName }, ctx.now))) throw new AppError('CONFLICT', { reason: 'STALE' });
    await writeAudit(tx, ctx, {
      action: 'commitment.update', entityType: 'safety_commitment', entityId: id, enterpriseId,
      before: { principalName: r.principal_name, sha256: contentHash(before) }, after: { principalName, sha256: contentHash(content) },
    });
  });
  return getCommitment(db, ctx, enterpriseId, id);
}

/**
 * The principal signs the draft in person (pad or password): it becomes the current commitment, the previous one is
 * superseded, and it is published behind a new public token. Fulfils a new principal's duty (R-COM-1) in this
 * transaction. Anyone else is refused, 403 `PRINCIPAL_ONLY`.
 */
export async function signCommitment(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: {
  method: 'pad' | 'password'; imageAttachmentId?: string; password?: string; device?: string; version?: number;
}): Promise<CommitmentView> {
  const actor = requireActor(ctx);
  const first = await commitmentIn(db, actor, enterpriseId, id);
  if (!isPrincipalOf(actor, enterpriseId)) throw refused('FORBIDDEN', 'PRINCIPAL_ONLY', 'commitment.refused.principalOnly');
  if (first.status !== 'draft') throw refused('STATE', 'COMMITMENT_SIGNED', 'commitment.refused.signed');
  if (body.version !== undefined && body.version !== first.version) throw new AppError('CONFLICT', { reason: 'STALE' });
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  await db.transaction().execute(async (tx) => {
    const r = await commitmentIn(tx, actor, enterpriseId, id, { lock: true });
    if (r.status !== 'draft') throw refused('STATE', 'COMMITMENT_SIGNED', 'commitment.refused.signed');
    if (body.version !== undefined && body.version !== r.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const content = contentOf(r);
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: DOCUMENT, documentId: r.id, documentVersion: 1, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    await supersedeCurrent(tx, enterpriseId, ctx.now);
    const token = randomBytes(24).toString('base64url');
    await markCommitmentSigned(tx, enterpriseId, r.id, { content_sha256: sig.contentSha256, signature_id: sig.id, signed_by: actor.userId, public_token: token }, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'commitment.sign', entityType: 'safety_commitment', entityId: r.id, enterpriseId,
      before: { status: 'draft' }, after: { status: 'signed', contentSha256: sig.contentSha256, signatureId: sig.id, method: body.method },
    });
    await fulfilByRecord(tx, ctx, { enterpriseId, record: 'commitment.signed', recordType: 'safety_commitment', recordId: r.id, at: ctx.now, byPrincipal: true });
  });
  return getCommitment(db, ctx, enterpriseId, id);
}

/** The poster: the signed commitment and the QR code of its public page (always on PUBLIC_BASE_URL). */
export async function commitmentPoster(db: Db, ctx: Ctx, enterpriseId: string, id: string, publicBaseUrl: string) {
  const actor = requireActor(ctx);
  const r = await commitmentIn(db, actor, enterpriseId, id);
  if (!r.public_token) throw refused('STATE', 'NOT_SIGNED', 'commitment.refused.notSigned');
  return { commitment: await view(db, actor, actor.scope, r, ctx.now), qr: await qrCode(publicBaseUrl, `${COMMITMENT_PAGE}${r.public_token}`) };
}

/**
 * R-COM-1: reports the current commitment to the subdistrict for this period [cfg]: its officers are told, and the
 * period's duty is fulfilled in this transaction. Once per period.
 */
export async function reportCommitment(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<CommitmentView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const r = await commitmentIn(tx, actor, enterpriseId, id, { lock: true });
    if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'letters.refused.notManager');
    if (r.status !== 'signed') throw refused('STATE', 'NOT_CURRENT', 'commitment.refused.notCurrent');
    const cycle = await reportCycle(tx, enterpriseId);
    const period = periodAt(cycle, ctx.now).key;
    if (!(await insertReport(tx, enterpriseId, r.id, period, actor.userId, ctx.now))) throw refused('STATE', 'ALREADY_REPORTED', 'commitment.refused.alreadyReported');
    const content = contentOf(r);
    const officers = await subdistrictOfficersOf(tx, enterpriseId).execute();
    await enqueueOutbox(tx, officers.map((o) => ({ topic: 'notify' as const, payload: {
      userId: o.id, kind: 'commitment.reported', titleKey: 'commitment.notify.reported.title', bodyKey: 'commitment.notify.reported.body',
      params: {
        enterprise: content.enterprise.name, period: periodLabel(period, 'zh-CN'), principal: r.principal_name, year: r.year,
        signedAt: r.signed_at ? localDateTime(r.signed_at).slice(0, 10) : '',
      },
      link: '/letters/commitments',
    } })));
    await writeAudit(tx, ctx, { action: 'commitment.report', entityType: 'safety_commitment', entityId: r.id, enterpriseId, after: { period, notified: officers.length } });
    await fulfilByRecord(tx, ctx, {
      enterpriseId, record: 'commitment.reported', recordType: 'safety_commitment', recordId: r.id, at: ctx.now, byPrincipal: actor.role === 'enterprise_principal',
    });
  });
  return getCommitment(db, ctx, enterpriseId, id);
}

/**
 * The public page behind the poster's QR code: no login, no internal ids; an unknown token is "not found". Below the
 * commitment, the enterprise's daily risk assessment and commitment notice posted today, if any (issue 11 §6), so the
 * gate's one QR code shows both.
 */
export async function publicCommitment(db: Db, locale: Locale, token: string, now: Date) {
  void locale;
  // No one is signed in: the token is the credential, and it may open a commitment of any enterprise.
  const r = await commitmentByToken(db, systemScope, token);
  if (!r) throw notFound();
  const content = contentOf(r);
  const sig = r.signature_id ? (await signaturesOf(db, systemScope, r.enterprise_id, DOCUMENT, r.id)).find((s) => s.id === r.signature_id) : undefined;
  const images = sig ? await signatureImages(db, r.enterprise_id, [sig.imageAttachmentId]) : new Map<string, string>();
  return {
    enterpriseName: r.enterprise_name, year: r.year, principalName: r.principal_name,
    sections: content.sections.map((s) => ({ aspect: s.aspect, title: ASPECT_TITLES[s.aspect], text: s.text })), closing: content.closing,
    signedAt: r.signed_at!, signatureImage: images.get(sig?.imageAttachmentId ?? '') ?? null, superseded: r.status === 'superseded',
    dailyNotice: await publicNoticeOfToday(db, r.enterprise_id, now),
  };
}

/** R-COM-1: the regulators' list, every enterprise in scope and its current commitment. */
export async function commitmentOverview(db: Db, ctx: Ctx, q: CommitmentOverviewQuery) {
  const actor = requireActor(ctx);
  const { page, counts } = await commitmentOverviewPage(db, actor.scope, q);
  return {
    ...page, counts,
    items: page.items.map((r) => ({
      enterpriseId: r.enterprise_id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
      current: r.commitment_id && r.signed_at && r.year !== null
        ? { id: r.commitment_id, year: r.year, signedAt: r.signed_at, principalName: r.principal_name ?? '', lastReportedAt: r.last_reported_at } : null,
    })),
  };
}
