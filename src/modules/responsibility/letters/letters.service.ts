import { z } from 'zod';
import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { systemScope, type AnyScope } from '../../../platform/db/scope';
import { AppError, alreadyTaken, invalid, notFound } from '../../../platform/errors';
import { loadFile, prepareFiles, storeFiles } from '../../../platform/files/attachments';
import { enqueueOutbox, type OutboxMessage } from '../../../platform/outbox';
import {
  confirmPaperList, contentHash, recordPaperList, signatureImages, signaturesOf, signDocument, verifySigner, type Signer,
} from '../../../platform/signatures';
import { addLocalDays, localDay, localYear } from '../../../platform/time';
import { eventDays, fulfilByRecord, obligationParams, openDutyProbe } from '../../obligations';
import {
  accountsOfEmployees, campaignCounts, campaignOfYear, campaignsToSweep, completeCampaign, employeesWithoutLetter, enterpriseBasics, findCampaign, findLetter,
  findLetterToSign, insertCampaign, insertLetters, insertTemplate, latestTemplates, leadersOverPending, letterPage, lettersOfEmployee, listCampaignRows,
  markLeft, markSigned, pendingAccounts, pendingPaper, progressByUnit, rosterPending, rosterPendingActive, setReminded, signedWithPendingOther,
  type CampaignRow, type LetterInsert, type LetterRowFull, type LetterToSign,
} from './letters.repository';
import { BUILTIN_TEMPLATES, LETTER_KINDS, lateHireBase, letterContent, type LetterKind } from './letters.rules';
import type {
  CampaignCounts, CampaignCreate, CampaignDetail, LetterDetail, LetterListQuery, SignBody, TemplateView,
} from './letters.schema';

/** The duty a later hire's own letter fulfils (letters.obligations.ts): its days are the later-hire days. */
const NEW_HIRE_DUTY = 'resp.letter.new_hire';

/** The `employeeIds` field of a paper list: a JSON array of the people on it. */
const PAPER_EMPLOYEE_IDS = z.array(z.uuid()).min(1).max(2000);

/*
 * R-RESP-3, R-RESP-5: the yearly signing of the all-staff responsibility letter (责任书) or employee commitment
 * (承诺书). A campaign snapshots the wording and the roster of its start date, one letter per person; each signs their
 * own (platform/signatures: pad or password), or on a leader's device without an account (proxy_pad), or on paper
 * (confirmed by a manager). When nobody of the roster is left pending the campaign is complete, which fulfils the
 * principal's yearly duty in the same transaction as the last signature. Later hires owe their own letter in N days.
 */

const DOCUMENT = 'letter';
/** A letter is one version: its wording is the campaign's, fixed when the letter is made. */
const LETTER_VERSION = 1;

function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'letters.manage') && isEnterpriseManager(actor, enterpriseId);
}

const notManager = () => new AppError('FORBIDDEN', { reason: 'NOT_MANAGER', messageKey: 'letters.refused.notManager' });

async function enterpriseOf(db: Executor, actor: Actor, enterpriseId: string) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const e = await enterpriseBasics(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  return e;
}

function systemCtx(now: Date): Ctx {
  return { actor: null, ip: null, requestId: null, locale: 'zh-CN', now };
}

// ---- templates ----

export async function listTemplates(db: Db, ctx: Ctx, enterpriseId: string): Promise<{ items: TemplateView[]; canManage: boolean }> {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  const saved = new Map((await latestTemplates(db, actor.scope, enterpriseId)).map((r) => [r.kind, r]));
  const items = LETTER_KINDS.map((kind): TemplateView => {
    const r = saved.get(kind);
    return r
      ? { kind, version: r.version, title: r.title, body: r.body, builtin: false, savedAt: r.created_at, savedBy: r.created_by_name }
      : { kind, version: 0, ...BUILTIN_TEMPLATES[kind], builtin: true, savedAt: null, savedBy: null };
  });
  return { items, canManage: mayManage(actor, enterpriseId) };
}

/** Saves the enterprise's wording as a new version; campaigns already sent keep theirs. */
export async function saveTemplate(db: Db, ctx: Ctx, enterpriseId: string, kind: LetterKind, input: { title: string; body: string }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    if (!mayManage(actor, enterpriseId)) throw notManager();
    const version = await insertTemplate(tx, actor.scope, enterpriseId, { kind, title: input.title, body: input.body, created_by: actor.userId, created_at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'letters.template.save', entityType: 'letter_template', entityId: `${enterpriseId}:${kind}`, enterpriseId,
      after: { kind, version, title: input.title, bodySha256: contentHash(input.body) },
    });
  });
  return listTemplates(db, ctx, enterpriseId);
}

// ---- campaigns ----

type CountRow = NonNullable<ReturnType<Awaited<ReturnType<typeof campaignCounts>>['get']>>;

function countsOf(r: CountRow | undefined): CampaignCounts {
  return {
    roster: r?.roster ?? 0, signed: r?.signed ?? 0, paper: r?.paper ?? 0, pending: r?.pending ?? 0, left: r?.left ?? 0,
    lateHires: r?.late_hires ?? 0, lateHiresPending: r?.late_pending ?? 0, lateHiresOverdue: r?.late_overdue ?? 0,
  };
}

function summary(c: CampaignRow, counts: CampaignCounts) {
  return { id: c.id, year: c.year, kind: c.kind, title: c.title, startsOn: c.starts_on, status: c.status, completedAt: c.completed_at, counts };
}

export async function listCampaigns(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  const rows = await listCampaignRows(db, actor.scope, enterpriseId);
  const counts = await campaignCounts(db, actor, enterpriseId, rows.map((r) => r.id), localDay(ctx.now));
  return { items: rows.map((r) => summary(r, countsOf(counts.get(r.id)))), canManage: mayManage(actor, enterpriseId) };
}

async function campaignIn(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  await enterpriseOf(db, actor, enterpriseId);
  const c = await findCampaign(db, actor.scope, enterpriseId, id, opts);
  if (!c) throw notFound();
  return c;
}

export async function getCampaign(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<CampaignDetail> {
  const actor = requireActor(ctx);
  const c = await campaignIn(db, actor, enterpriseId, id);
  const counts = await campaignCounts(db, actor, enterpriseId, [id], localDay(ctx.now));
  const units = await progressByUnit(db, actor, enterpriseId, id);
  const manage = mayManage(actor, enterpriseId);
  const s = actor.scope;
  return {
    ...summary(c, countsOf(counts.get(id))), body: c.body, templateVersion: c.template_version, lateHireDays: c.late_hire_days,
    lastRemindedOn: c.last_reminded_on,
    byUnit: units.map((u) => ({ orgUnitId: u.org_unit_id, orgUnitName: u.org_unit_name, signed: u.signed, paper: u.paper, pending: u.pending, left: u.left })),
    abilities: {
      canManage: manage, canRemind: manage && c.last_reminded_on !== localDay(ctx.now),
      canSignForOthers: can(actor, 'letters.operate') && s.kind === 'enterprise' && s.enterpriseId === enterpriseId && s.capacity !== 'employee',
    },
  };
}

/** The letters of people without a letter of the campaign yet, each with the hash of what they will sign. */
function lettersFor(c: Pick<CampaignRow, 'id' | 'year' | 'kind' | 'template_version' | 'title' | 'body' | 'starts_on' | 'late_hire_days'>,
  enterprise: { id: string; name: string }, people: Awaited<ReturnType<typeof employeesWithoutLetter>>, late: (p: (typeof people)[number]) => boolean): LetterInsert[] {
  return people.map((p) => {
    const isLate = late(p);
    const content = letterContent({
      campaignId: c.id, year: c.year, kind: c.kind, templateVersion: c.template_version, title: c.title, body: c.body,
      enterpriseId: enterprise.id, enterpriseName: enterprise.name, employeeId: p.id, employeeName: p.name,
    });
    return {
      employee_id: p.id, employee_name: p.name, org_unit_id: p.org_unit_id, late_hire: isLate,
      due_on: isLate ? addLocalDays(lateHireBase(c.starts_on, p.hire_date, p.added_on), c.late_hire_days) : null,
      content_sha256: contentHash(content),
    };
  });
}

/**
 * Starts the year's signing: the wording in force (the enterprise's latest version, else the built-in one) and a letter
 * for every employee active on the start date, of every employment form; people hired after it owe theirs within the
 * rule-set's days. People with an account are told; unit leaders hear how many of theirs have none.
 */
export async function createCampaign(db: Db, ctx: Ctx, enterpriseId: string, input: CampaignCreate): Promise<CampaignDetail> {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  if (Number(input.startsOn.slice(0, 4)) !== input.year) throw invalid('body.startsOn', 'letters.startsOnYear');
  if (input.startsOn > today) throw invalid('body.startsOn', 'letters.startsOnFuture');
  const id = await db.transaction().execute(async (tx) => {
    const enterprise = await enterpriseOf(tx, actor, enterpriseId);
    if (!mayManage(actor, enterpriseId)) throw notManager();
    if (await campaignOfYear(tx, actor.scope, enterpriseId, input.year, input.kind)) throw alreadyTaken('body.year', 'letters.campaignExists');
    // R-RESP-3 [cfg]: the days a later hire has to sign are the engine's for the duty it opens (one setting).
    const rules = await obligationParams(tx, { enterpriseId }, NEW_HIRE_DUTY);
    const lateHireDays = eventDays(rules.params) ?? 30;
    const saved = (await latestTemplates(tx, actor.scope, enterpriseId)).find((t) => t.kind === input.kind);
    const wording = saved ? { template_version: saved.version, title: saved.title, body: saved.body } : { template_version: 0, ...BUILTIN_TEMPLATES[input.kind] };
    const row = {
      year: input.year, kind: input.kind, ...wording, starts_on: input.startsOn, late_hire_days: lateHireDays,
      rule_set_version: rules.version, created_by: actor.userId, now: ctx.now,
    };
    const campaignId = await insertCampaign(tx, actor.scope, enterpriseId, row);
    const people = await employeesWithoutLetter(tx, enterpriseId, campaignId);
    // R-RESP-3: the roster is everyone active on the start date; someone hired after it is a later hire.
    const letters = lettersFor({ id: campaignId, ...row }, enterprise, people, (p) => p.hire_date !== null && p.hire_date > input.startsOn);
    await insertLetters(tx, actor.scope, enterpriseId, campaignId, letters, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'letters.campaign.create', entityType: 'letter_campaign', entityId: campaignId, enterpriseId,
      after: {
        year: input.year, kind: input.kind, templateVersion: wording.template_version, startsOn: input.startsOn, lateHireDays,
        ruleSetVersion: rules.version, roster: letters.filter((l) => !l.late_hire).length, lateHires: letters.filter((l) => l.late_hire).length,
      },
    });
    const accounts = await accountsOfEmployees(tx, enterpriseId, letters.map((l) => l.employee_id));
    const params = { year: input.year, title: wording.title, enterprise: enterprise.name };
    const messages: OutboxMessage[] = accounts.map((a) => ({
      topic: 'notify', payload: { userId: a.id, kind: 'letters.campaign', titleKey: 'letters.notify.campaign.title', bodyKey: 'letters.notify.campaign.body', params, link: '/letters/mine' },
    }));
    for (const leader of await leadersOverPending(tx, enterpriseId, campaignId)) {
      if (leader.without_account === 0) continue;
      messages.push({ topic: 'notify', payload: {
        userId: leader.user_id, kind: 'letters.campaign', titleKey: 'letters.notify.proxy.title', bodyKey: 'letters.notify.proxy.body',
        params: { title: wording.title, count: leader.without_account }, link: `/letters/campaigns/${campaignId}/sign-for-others`,
      } });
    }
    await enqueueOutbox(tx, messages);
    // An enterprise without anyone on the roster is complete at once.
    await settle(tx, ctx, enterpriseId, campaignId);
    return campaignId;
  });
  return getCampaign(db, ctx, enterpriseId, id);
}

/**
 * Brings a campaign up to date under its row lock: letters for people hired since (this year's campaigns), pending
 * letters of people who left recorded as left, and, when nobody of the roster is pending any more, the campaign
 * completed — fulfilling R-RESP-5's yearly letter signing in this same transaction. Returns whether it completed now.
 */
async function settle(tx: Tx, ctx: Ctx, enterpriseId: string, campaignId: string): Promise<boolean> {
  const c = await findCampaign(tx, systemScope, enterpriseId, campaignId, { lock: true });
  if (!c) return false;
  if (c.year === localYear(ctx.now)) {
    const people = await employeesWithoutLetter(tx, enterpriseId, campaignId);
    if (people.length > 0) {
      const enterprise = (await enterpriseBasics(tx, systemScope, enterpriseId))!;
      await insertLetters(tx, systemScope, enterpriseId, campaignId, lettersFor(c, enterprise, people, () => true), ctx.now);
    }
  }
  await markLeft(tx, enterpriseId, campaignId, ctx.now);
  if (c.status !== 'open' || (await rosterPending(tx, enterpriseId, campaignId)) > 0) return false;
  await completeCampaign(tx, enterpriseId, campaignId, ctx.now);
  await writeAudit(tx, ctx, { action: 'letters.campaign.complete', entityType: 'letter_campaign', entityId: campaignId, enterpriseId, after: { year: c.year, kind: c.kind } });
  await fulfilByRecord(tx, ctx, {
    enterpriseId, record: 'letters.campaign_complete', recordType: 'letter_campaign', recordId: campaignId, at: ctx.now, byPrincipal: false,
  });
  return true;
}

/** The daily sweep: later hires get their letters, leavers are recorded, campaigns complete. */
export async function sweepCampaigns(db: Db, now: Date): Promise<number> {
  const ctx = systemCtx(now);
  let completed = 0;
  for (const c of await campaignsToSweep(db, localYear(now))) {
    if (await db.transaction().execute((tx) => settle(tx, ctx, c.enterprise_id, c.id))) completed++;
  }
  return completed;
}


export async function listLetters(db: Db, ctx: Ctx, enterpriseId: string, campaignId: string, q: LetterListQuery) {
  const actor = requireActor(ctx);
  await campaignIn(db, actor, enterpriseId, campaignId);
  const page = await letterPage(db, actor, enterpriseId, campaignId, q);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id, employeeId: r.employee_id, employeeName: r.employee_name, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name,
      status: r.status as LetterDetail['status'], method: r.method, signedAt: r.signed_at, lateHire: r.late_hire, dueOn: r.due_on, hasAccount: r.has_account,
    })),
  };
}

/**
 * Reminds the people of a campaign who have not signed: each with an account, and each unit leader over any of them
 * (with how many have no account and sign on his device). Once a day.
 */
export async function remindCampaign(db: Db, ctx: Ctx, enterpriseId: string, campaignId: string): Promise<{ notified: number }> {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  return db.transaction().execute(async (tx) => {
    const c = await campaignIn(tx, actor, enterpriseId, campaignId);
    if (!mayManage(actor, enterpriseId)) throw notManager();
    if (c.last_reminded_on === today) throw new AppError('STATE', { reason: 'ALREADY_REMINDED', messageKey: 'letters.refused.alreadyReminded' });
    await settle(tx, ctx, enterpriseId, campaignId);
    const people = await pendingAccounts(tx, enterpriseId, campaignId);
    const leaders = await leadersOverPending(tx, enterpriseId, campaignId);
    const messages: OutboxMessage[] = people.map((p) => ({ topic: 'notify', payload: {
      userId: p.user_id, kind: 'letters.remind', titleKey: 'letters.notify.remind.title', bodyKey: 'letters.notify.remind.body',
      params: { year: c.year, title: c.title }, link: '/letters/mine',
    } }));
    for (const l of leaders) {
      messages.push({ topic: 'notify', payload: {
        userId: l.user_id, kind: 'letters.remind', titleKey: 'letters.notify.remindLeader.title', bodyKey: 'letters.notify.remindLeader.body',
        params: { title: c.title, count: l.pending, withoutAccount: l.without_account }, link: `/letters/campaigns/${campaignId}/sign-for-others`,
      } });
    }
    await enqueueOutbox(tx, messages);
    await setReminded(tx, enterpriseId, campaignId, today, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'letters.campaign.remind', entityType: 'letter_campaign', entityId: campaignId, enterpriseId,
      after: { people: people.length, leaders: leaders.length },
    });
    return { notified: messages.length };
  });
}

// ---- one letter ----

async function letterIn(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  await enterpriseOf(db, actor, enterpriseId);
  const l = await findLetter(db, actor, enterpriseId, id, opts);
  if (!l) throw notFound();
  return l;
}

function contentOf(c: Pick<CampaignRow, 'id' | 'year' | 'kind' | 'template_version' | 'title' | 'body'>, enterprise: { id: string; name: string }, l: Pick<LetterRowFull, 'employee_id' | 'employee_name'>) {
  return letterContent({
    campaignId: c.id, year: c.year, kind: c.kind, templateVersion: c.template_version, title: c.title, body: c.body,
    enterpriseId: enterprise.id, enterpriseName: enterprise.name, employeeId: l.employee_id, employeeName: l.employee_name,
  });
}

/** The employee record of the caller's account in the enterprise, if any. */
async function ownEmployeeId(db: Executor, actor: Actor): Promise<string | null> {
  if (actor.scope.kind !== 'enterprise') return null;
  const u = await db.selectFrom('users').select('employee_id').where('id', '=', actor.userId).where('enterprise_id', '=', actor.scope.enterpriseId).executeTakeFirst();
  return u?.employee_id ?? null;
}

function mayProxy(actor: Actor, l: LetterRowFull): boolean {
  const s = actor.scope;
  return s.kind === 'enterprise' && s.enterpriseId === l.enterprise_id && s.capacity !== 'employee' && !l.has_account;
}

async function detailOf(db: Executor, actor: Actor, scope: AnyScope, l: LetterRowFull, own: string | null): Promise<LetterDetail> {
  const c = (await findCampaign(db, scope, l.enterprise_id, l.campaign_id))!;
  const enterprise = (await enterpriseBasics(db, scope, l.enterprise_id))!;
  const sigs = l.signature_id ? (await signaturesOf(db, scope, l.enterprise_id, DOCUMENT, l.id)).filter((s) => s.id === l.signature_id) : [];
  const sig = sigs[0];
  const images = sig ? await signatureImages(db, l.enterprise_id, [sig.imageAttachmentId]) : new Map<string, string>();
  const operator = sig?.operatorUserId
    ? (await db.selectFrom('users').select('display_name').where('id', '=', sig.operatorUserId).executeTakeFirst())?.display_name ?? null : null;
  const pending = l.status === 'pending' && l.employee_status === 'active';
  return {
    id: l.id, campaignId: c.id, year: c.year, kind: c.kind, title: c.title, body: c.body, enterpriseId: enterprise.id, enterpriseName: enterprise.name,
    employeeId: l.employee_id, employeeName: l.employee_name, orgUnitName: l.org_unit_name,
    status: l.status === 'pending' && l.employee_status === 'left' ? 'left' : l.status, lateHire: l.late_hire, dueOn: l.due_on, contentSha256: l.content_sha256,
    signature: sig ? {
      signerName: sig.signerName, method: sig.method, signedAt: sig.signedAt, operatorName: operator, device: sig.device, contentSha256: sig.contentSha256,
      confirmed: sig.counts, image: sig.method === 'paper' ? null : images.get(sig.imageAttachmentId ?? '') ?? null,
    } : null,
    abilities: { canSign: pending && own === l.employee_id, canSignForOther: pending && own !== l.employee_id && mayProxy(actor, l) },
  };
}

export async function getLetter(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<LetterDetail> {
  const actor = requireActor(ctx);
  const l = await letterIn(db, actor, enterpriseId, id);
  return detailOf(db, actor, actor.scope, l, await ownEmployeeId(db, actor));
}

/** The caller's own letters in every campaign, newest first (none for an account without an employee record). */
export async function myLetters(db: Db, ctx: Ctx): Promise<{ items: LetterDetail[] }> {
  const actor = requireActor(ctx);
  const s = actor.scope;
  const own = await ownEmployeeId(db, actor);
  if (s.kind !== 'enterprise' || !own) return { items: [] };
  const rows = await lettersOfEmployee(db, actor, s.enterpriseId, own);
  const items: LetterDetail[] = [];
  for (const l of rows) items.push(await detailOf(db, actor, s, l, own));
  return { items };
}

/** Who signs the letter and how, decided on the letter as read (the same checks before and under its lock). */
function signerOf(actor: Actor, l: LetterToSign, body: SignBody): Signer {
  let signer: Signer;
  if (body.method === 'proxy_pad') {
    if (!body.idLast4) throw invalid('body.idLast4', 'validation.required');
    signer = { employeeId: l.employee_id, idLast4: body.idLast4 };
  } else {
    if (l.own_employee_id !== l.employee_id) throw new AppError('FORBIDDEN', { reason: 'NOT_YOURS', messageKey: 'letters.refused.notYours' });
    signer = { userId: actor.userId };
  }
  if (l.status === 'signed' || l.status === 'paper') throw new AppError('STATE', { reason: 'ALREADY_SIGNED', messageKey: 'letters.refused.signed' });
  if (l.status === 'left' || l.employee_status === 'left') throw new AppError('STATE', { reason: 'NOT_SIGNABLE', messageKey: 'letters.refused.left' });
  if (body.method === 'password' && !body.password) throw invalid('body.password', 'validation.required');
  if (body.method !== 'password' && !body.imageAttachmentId) throw invalid('body.imageAttachmentId', 'signature.image.invalid');
  return signer;
}

async function letterToSign(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<LetterToSign> {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const l = await findLetterToSign(db, actor, enterpriseId, id, opts);
  if (!l) throw notFound();
  return l;
}

/**
 * Signs a letter. Pad or password: the caller's own letter only (another person's is refused, 403 `NOT_YOURS`).
 * proxy_pad: the letter of someone without an account, in the caller's charge, confirmed with the last four of their
 * ID number. The letter is read under its row lock: two signings of it queue, and the later one is refused. The last
 * signature of the roster completes the campaign, in this transaction.
 *
 * One transaction of five statements (the pad), the answer built from what it read and wrote: the letter with its
 * campaign and enterprise under the lock; the signer with what stands in the way; the signature, its image linked and
 * locked, the letter marked signed, whether the person's own duty is open and whether someone of the roster is surely
 * still pending, all in one (`signedWithPendingOther`); the three audit rows appended last (the enterprise's chain is
 * locked from there to the commit, so signings of one enterprise queue only there).
 */
export async function signLetter(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: SignBody): Promise<LetterDetail> {
  const actor = requireActor(ctx);
  // A wrong password or last four is counted outside the transaction (verifySigner): the letter is checked first, so
  // nothing is counted against a letter the caller may not sign. The pad has nothing to verify beforehand.
  const signerBefore = body.method === 'pad' ? { userId: actor.userId } : signerOf(actor, await letterToSign(db, actor, enterpriseId, id), body);
  const proof = await verifySigner(db, ctx, { enterpriseId, signer: signerBefore, method: body.method, password: body.password });
  const { l, sig } = await db.transaction().execute(async (tx) => {
    const l = await letterToSign(tx, actor, enterpriseId, id, { lock: true });
    const signer = signerOf(actor, l, body);
    const content = contentOf({ ...l, id: l.campaign_id }, { id: l.enterprise_id, name: l.enterprise_name }, l);
    // The letter shown is the one signed: its hash was fixed when it was made.
    if (contentHash(content) !== l.content_sha256) throw new Error(`letter ${l.id}: content no longer matches its hash`);
    // R-RESP-3: a later hire's own duty (anyone's opened by their hire) is the signature of their letter. Whether one is
    // open is read in the signature's statement, as is the letter marked signed and someone else still pending.
    const duty = { enterpriseId, record: 'letters.signed', recordType: 'letter', recordId: l.id, at: ctx.now, subjectKey: l.employee_id };
    const probe = openDutyProbe(duty);
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: DOCUMENT, documentId: l.id, documentVersion: LETTER_VERSION, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
      companion: signedWithPendingOther(enterpriseId, { id: l.id, campaignId: l.campaign_id }, body.method, ctx.now, probe ? { duty_open: probe } : {}),
    });
    await fulfilByRecord(tx, ctx, {
      ...duty, byPrincipal: actor.role === 'enterprise_principal' && body.method !== 'proxy_pad',
      openProbed: probe ? sig.companion.duty_open === true : undefined,
    });
    const pendingOther = sig.companion.pending_other as string | null;
    const undecided = l.campaign_status === 'open' && !pendingOther;
    await writeAudit(tx, ctx, {
      action: 'letters.sign', entityType: 'letter', entityId: l.id, enterpriseId,
      before: { status: 'pending' }, after: { status: 'signed', method: body.method, signatureId: sig.id, contentSha256: sig.contentSha256, employeeId: l.employee_id },
    });
    if (undecided) await completeIfDone(tx, ctx, enterpriseId, l.campaign_id);
    return { l, sig };
  });
  return {
    id: l.id, campaignId: l.campaign_id, year: l.year, kind: l.kind, title: l.title, body: l.body, enterpriseId: l.enterprise_id, enterpriseName: l.enterprise_name,
    employeeId: l.employee_id, employeeName: l.employee_name, orgUnitName: l.org_unit_name,
    status: 'signed', lateHire: l.late_hire, dueOn: l.due_on, contentSha256: l.content_sha256,
    signature: {
      signerName: sig.signerName, method: sig.method, signedAt: sig.signedAt, operatorName: sig.operatorUserId ? actor.displayName : null, device: sig.device,
      // The 20 KB drawing is not sent back on every signature (the signer has just drawn it); the letter's GET carries it.
      contentSha256: sig.contentSha256, confirmed: true, image: null,
    },
    abilities: { canSign: false, canSignForOther: false },
  };
}

/**
 * Completes the campaign when nobody of its roster is pending any more, under the campaign's lock (signings that
 * found no one surely pending queue here, and each decides on what the earlier ones committed); `settle` does the
 * rest (leavers recorded, the campaign completed, the yearly duty fulfilled).
 */
async function completeIfDone(tx: Tx, ctx: Ctx, enterpriseId: string, campaignId: string): Promise<void> {
  const c = await findCampaign(tx, systemScope, enterpriseId, campaignId, { lock: true });
  if (!c || c.status !== 'open' || (await rosterPendingActive(tx, enterpriseId, campaignId))) return;
  await settle(tx, ctx, enterpriseId, campaignId);
}

// ---- paper lists ----

/** A scan is a PDF or a photo: judged by its first bytes here, then by its kind's own rules in the store. */
const scanKind = (buf: Buffer) => (buf.subarray(0, 5).toString('latin1') === '%PDF-' ? 'document' as const : 'photo' as const);

/**
 * Records the scan of a signed paper list for pending letters of the campaign (a manager, or a unit leader for his
 * branch). The letters stay pending until a manager confirms the list.
 */
export async function recordPaperLetters(db: Db, ctx: Ctx, enterpriseId: string, campaignId: string, file: { buffer: Buffer; filename: string } | undefined, employeeIdsField: string | undefined) {
  const actor = requireActor(ctx);
  let parsed: unknown;
  try {
    parsed = JSON.parse(employeeIdsField ?? '');
  } catch {
    throw invalid('body.employeeIds', 'letters.paper.employeeIds');
  }
  // Real UUIDs only (a string of 36 dashes is not one), 1–2000 of them.
  const ids = PAPER_EMPLOYEE_IDS.safeParse(parsed);
  if (!ids.success) throw invalid('body.employeeIds', 'letters.paper.employeeIds');
  const employeeIds = ids.data;
  if (!file) throw invalid('body.file', 'letters.paper.file');
  await campaignIn(db, actor, enterpriseId, campaignId);
  const kind = scanKind(file.buffer);
  const [prepared] = await prepareFiles(kind, [{ buffer: file.buffer, name: file.filename }], ctx.now);
  return db.transaction().execute(async (tx) => {
    const c = await campaignIn(tx, actor, enterpriseId, campaignId);
    const wanted = [...new Set(employeeIds)];
    const letters = await tx.selectFrom('letters').select(['id', 'employee_id', 'employee_name'])
      .where('enterprise_id', '=', enterpriseId).where('campaign_id', '=', campaignId).where('employee_id', 'in', wanted).where('status', '=', 'pending')
      .execute();
    if (letters.length !== wanted.length) throw invalid('body.employeeIds', 'letters.paper.notPending');
    const enterprise = (await enterpriseBasics(tx, systemScope, enterpriseId))!;
    const [stored] = await storeFiles(tx, ctx, enterpriseId, kind, [prepared!]);
    const result = await recordPaperList(tx, ctx, {
      enterpriseId, documentType: DOCUMENT, documentVersion: LETTER_VERSION, attachmentId: stored!.id,
      entries: letters.map((l) => ({ documentId: l.id, employeeId: l.employee_id, content: contentOf(c, enterprise, l) })),
    });
    return { attachmentId: stored!.id, recorded: result.recorded.length, skipped: result.skipped.length };
  });
}

export async function listPendingPaper(db: Db, ctx: Ctx, enterpriseId: string, campaignId: string) {
  const actor = requireActor(ctx);
  await campaignIn(db, actor, enterpriseId, campaignId);
  const rows = await pendingPaper(db, actor, enterpriseId, campaignId);
  const lists = new Map<string, { attachmentId: string; recordedBy: string | null; recordedAt: Date; people: string[] }>();
  for (const r of rows) {
    const key = r.image_attachment_id!;
    const list = lists.get(key) ?? { attachmentId: key, recordedBy: r.operator_name, recordedAt: r.signed_at, people: [] };
    list.people.push(r.signer_name);
    lists.set(key, list);
  }
  return { items: [...lists.values()] };
}

/** The scan of a paper list, for the manager who checks it (and the account that recorded it). */
export async function paperScan(db: Db, ctx: Ctx, enterpriseId: string, campaignId: string, attachmentId: string) {
  const actor = requireActor(ctx);
  await campaignIn(db, actor, enterpriseId, campaignId);
  const file = await loadFile(db, actor, enterpriseId, attachmentId);
  if (!file || (file.kind !== 'document' && file.kind !== 'photo')) throw notFound();
  return file;
}

/**
 * A manager confirms a paper list after checking the scan: its letters count as signed, as `paper`, and the campaign
 * may complete in the same transaction.
 */
export async function confirmPaperLetters(db: Db, ctx: Ctx, enterpriseId: string, campaignId: string, attachmentId: string) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await campaignIn(tx, actor, enterpriseId, campaignId);
    if (!mayManage(actor, enterpriseId)) throw notManager();
    const confirmed = await confirmPaperList(tx, ctx, { enterpriseId, attachmentId, documentType: DOCUMENT });
    const ids = confirmed.map((c) => c.documentId);
    const letters = await tx.selectFrom('letters').select(['id', 'employee_id', 'campaign_id']).where('enterprise_id', '=', enterpriseId)
      .where('id', 'in', ids).where('status', '=', 'pending').execute();
    for (const c of confirmed) {
      const l = letters.find((x) => x.id === c.documentId);
      if (!l) continue;
      await markSigned(tx, enterpriseId, [l.id], { signatureId: c.signatureId, method: 'paper', at: ctx.now }, ctx.now);
      await fulfilByRecord(tx, ctx, {
        enterpriseId, record: 'letters.signed', recordType: 'letter', recordId: l.id, at: ctx.now, subjectKey: l.employee_id, byPrincipal: false,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'letters.paper.confirm', entityType: 'letter_campaign', entityId: campaignId, enterpriseId,
      after: { attachmentId, letters: letters.map((l) => l.id).sort() },
    });
    let completed = false;
    for (const cid of new Set([campaignId, ...letters.map((l) => l.campaign_id)])) completed = (await settle(tx, ctx, enterpriseId, cid)) || completed;
    return { confirmed: letters.length, campaignCompleted: completed };
  });
}
