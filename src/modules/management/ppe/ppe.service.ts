import { randomUUID } from 'node:crypto';
import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import type { PpePostItem } from '../../../platform/db/schema';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { enqueueOutbox } from '../../../platform/outbox';
import { currentRules } from '../../../platform/rules';
import { signDocument, verifySigner, type OwnSignature, type Signer } from '../../../platform/signatures';
import { addLocalDays, localDay } from '../../../platform/time';
import {
  employeeOfUser, findIssue, findPost, insertIssues, issuePage, issuesOf, itemsHeld, lockIssue, lockPpePost, markSigned, markVoided, peopleInScope, placements, postsOfPerson,
  postsWithStandard, ppeOverviewPage, replacementCounts, savePpePost, unitsOf, type IssueRow, type NewIssue,
} from './ppe.repository';
import { PPE_RULES, type PpeRules } from './ppe.rule-sets';
import { gapsOf, nextReplacement, replacementState, requiredFor, type StandardLine } from './ppe.rules';
import type {
  MyPpe, PpeGapList, PpeIssueInput, PpeIssueQuery, PpeIssueView, PpeOverview, PpeOverviewQuery, PpePostInput, PpePostView, PpeSignForInput, PpeSummary, PpeVoidInput,
} from './ppe.schema';

/*
 * Issue 13 §3, R-PPE-1: protective equipment issued to standard, and the issue ledger per person. Each post is mapped
 * to a post type whose standard (rule-set `ppe`) says what its people are issued, or given its own list; each issue is
 * a row per person and item with its next replacement (issue day + cycle) and the person's signed receipt — on his own
 * phone (his signature, platform/signatures `pad`/`password`) or, without an account, on a leader's shared device
 * (drawn signature + last four of the ID number, `proxy_pad`). A signed row is never changed (the database refuses it,
 * migration 0106): a correction voids it with the reason and records a new row.
 */

const rulesOf = async (db: Executor, enterpriseId: string) => (await currentRules(db, { enterpriseId }, PPE_RULES)).value;

const refused = (code: 'STATE' | 'FORBIDDEN' | 'CONFLICT', reason: string, key: string) => new AppError(code, { reason, messageKey: `ppe.refused.${key}` });
const stale = () => new AppError('CONFLICT', { reason: 'STALE' });

/** The principal and safety managers of the enterprise keep its issue standard and void issues. */
function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'ppe.manage') && isEnterpriseManager(actor, enterpriseId);
}
/**
 * Who issues (and runs the shared device): a manager of the enterprise, or a unit (team) leader for the people of his
 * branch (his scope narrows every read to it). Regulators and the district admin read; they issue nothing.
 */
function mayIssue(actor: Actor, enterpriseId: string): boolean {
  const s = actor.scope;
  return can(actor, 'ppe.issue') && s.kind === 'enterprise' && s.enterpriseId === enterpriseId && s.capacity !== 'employee';
}

type Catalogue = { items: Map<string, PpeRules['items'][number]>; postTypes: Map<string, PpeRules['postTypes'][number]> };
const catalogueOf = (rules: PpeRules): Catalogue => ({ items: new Map(rules.items.map((i) => [i.code, i])), postTypes: new Map(rules.postTypes.map((p) => [p.code, p])) });

const requiredOf = (rules: PpeRules, post: { post_type: string | null; items: PpePostItem[] | null }): StandardLine[] =>
  requiredFor({ postType: post.post_type, items: post.items }, rules.standards);

function lineView(cat: Catalogue, l: StandardLine) {
  const item = cat.items.get(l.item);
  return { item: l.item, itemName: item?.name ?? l.item, standard: item?.standard ?? '', quantity: l.quantity, cycleMonths: l.cycleMonths };
}

function issueView(r: IssueRow, actor: Actor, today: string, soonDays: number): PpeIssueView {
  const status = r.voided_at ? 'voided' : r.signed_at ? 'signed' : 'awaiting';
  const live = !r.voided_at && r.latest && r.employee_status === 'active';
  return {
    id: r.id, employeeId: r.employee_id, employeeName: r.employee_name, orgUnitName: r.org_unit_name, postId: r.post_id, postName: r.post_name, item: r.item,
    itemName: r.item_name, standard: r.standard, quantity: r.quantity, issuedOn: r.issued_on, cycleMonths: r.cycle_months, nextReplacement: r.next_replacement,
    replacement: live ? replacementState(r.next_replacement, today, soonDays) : 'none',
    status, signedAt: r.signed_at, signMethod: r.sign_method, signatureId: r.signature_id, voidedAt: r.voided_at, voidReason: r.void_reason,
    replacesId: r.replaces_id, batchId: r.batch_id, note: r.note, issuedByName: r.issued_by_name, createdAt: r.created_at, hasAccount: r.has_account, version: r.version,
    abilities: {
      canSignFor: status === 'awaiting' && !r.has_account && r.employee_status === 'active' && mayIssue(actor, r.enterprise_id),
      canVoid: status !== 'voided' && mayManage(actor, r.enterprise_id),
    },
  };
}

// ---- the enterprise's page: standards, counts, gaps ----

async function gapsIn(db: Executor, actor: Actor, enterpriseId: string, rules: PpeRules) {
  const [posts, people] = await Promise.all([postsWithStandard(db, { kind: 'enterprise', enterpriseId, capacity: 'manager', unitPath: null, employeeId: null }, enterpriseId), placements(db, actor.scope, enterpriseId)]);
  const required = new Map(posts.map((p) => [p.id, requiredOf(rules, p)]));
  const held = await itemsHeld(db, enterpriseId, [...new Set(people.map((p) => p.employee_id))]);
  const gaps = gapsOf(people.map((p) => ({ employeeId: p.employee_id, postId: p.post_id })), required, held);
  return { posts, people, gaps };
}

/**
 * The enterprise's PPE page: the catalogue and each post's standard, the counts (people on posts missing an item their
 * post requires, replacements overdue and due soon, issues awaiting receipt) for the whole and per unit. A unit leader
 * sees the people and posts of his branch.
 */
export async function ppeSummary(db: Db, ctx: Ctx, enterpriseId: string): Promise<PpeSummary> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const today = localDay(ctx.now);
  const rules = await rulesOf(db, enterpriseId);
  const cat = catalogueOf(rules);
  const soonUntil = addLocalDays(today, rules.dueSoonDays);
  const [{ people, gaps }, visiblePosts, repl] = await Promise.all([
    gapsIn(db, actor, enterpriseId, rules), postsWithStandard(db, actor.scope, enterpriseId), replacementCounts(db, actor.scope, enterpriseId, { today, soonUntil }),
  ]);
  const peopleOnPost = new Map<string, number>();
  for (const p of people) peopleOnPost.set(p.post_id, (peopleOnPost.get(p.post_id) ?? 0) + 1);
  const unitOf = new Map(people.map((p) => [p.employee_id, p.org_unit_id]));
  type Tally = { people: Set<string>; missing: Set<string>; gaps: number; overdue: number; dueSoon: number; unsigned: number };
  const blank = (): Tally => ({ people: new Set(), missing: new Set(), gaps: 0, overdue: 0, dueSoon: 0, unsigned: 0 });
  const units = new Map<string, Tally>();
  const tallyOf = (unitId: string) => { const t = units.get(unitId) ?? blank(); units.set(unitId, t); return t; };
  const all = blank();
  for (const p of people) { tallyOf(p.org_unit_id).people.add(p.employee_id); all.people.add(p.employee_id); }
  for (const g of gaps) {
    const t = tallyOf(unitOf.get(g.employeeId)!);
    t.missing.add(g.employeeId); t.gaps++;
    all.missing.add(g.employeeId); all.gaps++;
  }
  for (const r of repl) {
    const t = tallyOf(r.org_unit_id);
    t.overdue += r.overdue; t.dueSoon += r.due_soon; t.unsigned += r.unsigned;
    all.overdue += r.overdue; all.dueSoon += r.due_soon; all.unsigned += r.unsigned;
  }
  const counted = (t: Tally) => ({ people: t.people.size, peopleMissingIssue: t.missing.size, gaps: t.gaps, overdue: t.overdue, dueSoon: t.dueSoon, unsigned: t.unsigned });
  const unitRows = await unitsOf(db, enterpriseId, [...units.keys()]);
  return {
    today, dueSoonDays: rules.dueSoonDays,
    catalogue: {
      postTypes: rules.postTypes.map((p) => ({ code: p.code, name: p.name, standard: requiredFor({ postType: p.code, items: null }, rules.standards).map((l) => lineView(cat, l)) })),
      items: rules.items.map((i) => ({ code: i.code, name: i.name, standard: i.standard, verified: i.verified })),
    },
    posts: visiblePosts.map((p) => postView(cat, rules, p, peopleOnPost.get(p.id) ?? 0)),
    counts: { ...counted(all), unmappedPosts: visiblePosts.filter((p) => !p.post_type).length },
    byUnit: unitRows.map((u) => ({ orgUnitId: u.id, name: u.name, unitPath: u.unit_path_name, ...counted(units.get(u.id)!) })),
    abilities: { canManage: mayManage(actor, enterpriseId), canIssue: mayIssue(actor, enterpriseId) },
  };
}

function postView(cat: Catalogue, rules: PpeRules, p: { id: string; name: string; unit_path_name?: string; post_type: string | null; items: PpePostItem[] | null; version: number | null }, people: number): PpePostView {
  return {
    postId: p.id, name: p.name, unitPath: p.unit_path_name ?? '', postType: p.post_type, postTypeName: p.post_type ? cat.postTypes.get(p.post_type)?.name ?? p.post_type : null,
    custom: p.items !== null, required: requiredOf(rules, p).map((l) => lineView(cat, l)), people, version: p.version,
  };
}

/**
 * Maps a post to a post type, with its own list or the type's standard (null). Only the enterprise's managers; every
 * code must be in the catalogue (400 at the field). The version the client saw, once mapped (409 when stale).
 */
export async function setPostStandard(db: Db, ctx: Ctx, enterpriseId: string, postId: string, input: PpePostInput): Promise<PpePostView> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!(await findPost(db, enterpriseId, postId))) throw notFound();
  if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'notManager');
  const rules = await rulesOf(db, enterpriseId);
  const cat = catalogueOf(rules);
  if (!cat.postTypes.has(input.postType)) throw invalid('body.postType', 'ppe.unknownPostType');
  input.items?.forEach((l, i) => { if (!cat.items.has(l.item)) throw invalid(`body.items.${i}.item`, 'ppe.unknownItem'); });
  await db.transaction().execute(async (tx) => {
    const before = await lockPpePost(tx, enterpriseId, postId);
    if (before && input.version !== undefined && before.version !== input.version) throw stale();
    await savePpePost(tx, { enterpriseId, postId, postType: input.postType, items: input.items, by: actor.userId, now: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'ppe.post.set', entityType: 'ppe_post', entityId: postId, enterpriseId,
      before: before ? { postType: before.post_type, items: before.items } : null, after: { postType: input.postType, items: input.items },
    });
  });
  const p = (await findPost(db, enterpriseId, postId))!;
  return postView(cat, rules, { ...p, version: p.version ?? null }, 0);
}

/** R-PPE-1: the people on posts without an item their post requires: person, post, missing item (a unit leader: his branch). */
export async function ppeGaps(db: Db, ctx: Ctx, enterpriseId: string): Promise<PpeGapList> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rules = await rulesOf(db, enterpriseId);
  const cat = catalogueOf(rules);
  const { people, gaps } = await gapsIn(db, actor, enterpriseId, rules);
  const person = new Map(people.map((p) => [p.employee_id, p]));
  const postName = new Map(people.map((p) => [p.post_id, p.post_name]));
  return {
    today: localDay(ctx.now),
    items: gaps.map((g) => {
      const p = person.get(g.employeeId)!;
      const item = cat.items.get(g.item);
      return { employeeId: g.employeeId, name: p.name, orgUnitName: p.org_unit_name, postId: g.postId, postName: postName.get(g.postId) ?? '', item: g.item, itemName: item?.name ?? g.item, standard: item?.standard ?? '' };
    }),
  };
}

// ---- the ledger ----

export async function listIssues(db: Db, ctx: Ctx, enterpriseId: string, q: PpeIssueQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const today = localDay(ctx.now);
  const rules = await rulesOf(db, enterpriseId);
  const page = await issuePage(db, actor.scope, enterpriseId, q, { today, soonUntil: addLocalDays(today, rules.dueSoonDays) });
  return { ...page, today, items: page.items.map((r) => issueView(r as IssueRow, actor, today, rules.dueSoonDays)) };
}

async function issueIn(db: Executor, actor: Actor, enterpriseId: string, id: string): Promise<IssueRow> {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await findIssue(db, actor.scope, enterpriseId, id);
  if (!r) throw notFound();
  return r;
}

async function viewOf(db: Executor, actor: Actor, ctx: Ctx, enterpriseId: string, id: string): Promise<PpeIssueView> {
  const rules = await rulesOf(db, enterpriseId);
  const r = await findIssue(db, { kind: 'enterprise', enterpriseId, capacity: 'manager', unitPath: null, employeeId: null }, enterpriseId, id);
  if (!r) throw notFound();
  return issueView(r, actor, localDay(ctx.now), rules.dueSoonDays);
}

/**
 * Issues one item to several people (a batch: the team leader on his phone), each a row of his own awaiting his
 * receipt. The quantity and replacement cycle are the person's post standard's for the item (the first of his posts
 * that requires it), else the quantity given (or 1) and the catalogue's no cycle. People with an account are notified
 * to sign on their phone; the others sign on the shared device.
 */
export async function issuePpe(db: Db, ctx: Ctx, enterpriseId: string, input: PpeIssueInput): Promise<{ batchId: string; items: PpeIssueView[] }> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayIssue(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_ISSUER', 'notIssuer');
  const today = localDay(ctx.now);
  if (input.issuedOn > today) throw invalid('body.issuedOn', 'ppe.futureIssue');
  const rules = await rulesOf(db, enterpriseId);
  const cat = catalogueOf(rules);
  const item = cat.items.get(input.item);
  if (!item) throw invalid('body.item', 'ppe.unknownItem');
  const batchId = randomUUID();
  const ids = await db.transaction().execute(async (tx) => {
    const people = await peopleInScope(tx, actor.scope, enterpriseId, input.employeeIds);
    const found = new Map(people.filter((p) => p.status === 'active').map((p) => [p.id, p]));
    input.employeeIds.forEach((id, i) => { if (!found.has(id)) throw invalid(`body.employeeIds.${i}`, 'ppe.unknownPerson'); });
    const posts = await postsOfPerson(tx, enterpriseId, input.employeeIds);
    const rows: NewIssue[] = input.employeeIds.map((employeeId) => {
      // The post whose standard names the item decides quantity and cycle; a person on none of them gets it "outside a standard".
      const post = posts.filter((p) => p.employee_id === employeeId).map((p) => ({ p, line: requiredOf(rules, p).find((l) => l.item === input.item) })).find((x) => x.line);
      const cycle = post?.line?.cycleMonths ?? null;
      return {
        employee_id: employeeId, post_id: post?.p.post_id ?? null, item: input.item, item_name: item.name, standard: item.standard,
        quantity: input.quantity ?? post?.line?.quantity ?? 1, issued_on: input.issuedOn, cycle_months: cycle, next_replacement: nextReplacement(input.issuedOn, cycle),
        batch_id: batchId, note: input.note, issued_by: actor.userId, replaces_id: null,
      };
    });
    const created = await insertIssues(tx, enterpriseId, rows, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'ppe.issue', entityType: 'ppe_issue', entityId: batchId, enterpriseId,
      after: { batchId, item: input.item, issuedOn: input.issuedOn, people: rows.map((r, i) => ({ employeeId: r.employee_id, issueId: created[i], quantity: r.quantity, nextReplacement: r.next_replacement })) },
    });
    const accounts = await tx.selectFrom('users').select(['id', 'employee_id']).where('enterprise_id', '=', enterpriseId).where('disabled', '=', false)
      .where('employee_id', 'in', input.employeeIds).execute();
    await enqueueOutbox(tx, accounts.filter((u) => u.id !== actor.userId).map((u) => ({
      topic: 'notify' as const,
      payload: { userId: u.id, kind: 'ppe.issued', titleKey: 'ppe.notify.issued.title', bodyKey: 'ppe.notify.issued.body', params: { item: item.name, quantity: rows.find((r) => r.employee_id === u.employee_id)!.quantity }, link: '/my-ppe' },
    })));
    return created;
  });
  return { batchId, items: await Promise.all(ids.map((id) => viewOf(db, actor, ctx, enterpriseId, id))) };
}

/**
 * A correction: the issue is voided with the reason, and a new row recorded in its place when one is given (the
 * person signs that one). Only the enterprise's managers; a voided row is final (409 `VOIDED`).
 */
export async function voidIssue(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PpeVoidInput): Promise<{ voided: PpeIssueView; replacement: PpeIssueView | null }> {
  const actor = requireActor(ctx);
  const seen = await issueIn(db, actor, enterpriseId, id);
  if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'notManager');
  const rules = await rulesOf(db, enterpriseId);
  const cat = catalogueOf(rules);
  const repl = input.replacement;
  if (repl) {
    if (!cat.items.has(repl.item)) throw invalid('body.replacement.item', 'ppe.unknownItem');
    if (repl.issuedOn > localDay(ctx.now)) throw invalid('body.replacement.issuedOn', 'ppe.futureIssue');
  }
  const newId = await db.transaction().execute(async (tx) => {
    const r = await lockIssue(tx, enterpriseId, id);
    if (!r) throw notFound();
    if (r.voided_at) throw refused('STATE', 'VOIDED', 'voided');
    if (r.version !== input.version) throw stale();
    await markVoided(tx, enterpriseId, id, { by: actor.userId, at: ctx.now, reason: input.reason });
    let created: string | null = null;
    if (repl) {
      const item = cat.items.get(repl.item)!;
      const posts = await postsOfPerson(tx, enterpriseId, [seen.employee_id]);
      const line = posts.map((p) => requiredOf(rules, p).find((l) => l.item === repl.item)).find(Boolean) ?? null;
      const cycle = line?.cycleMonths ?? (repl.item === seen.item ? seen.cycle_months : null);
      [created] = await insertIssues(tx, enterpriseId, [{
        employee_id: seen.employee_id, post_id: seen.post_id, item: repl.item, item_name: item.name, standard: item.standard, quantity: repl.quantity,
        issued_on: repl.issuedOn, cycle_months: cycle, next_replacement: nextReplacement(repl.issuedOn, cycle), batch_id: null, note: repl.note,
        issued_by: actor.userId, replaces_id: id,
      }], ctx.now) as [string];
    }
    await writeAudit(tx, ctx, {
      action: 'ppe.void', entityType: 'ppe_issue', entityId: id, enterpriseId,
      before: { status: seen.signed_at ? 'signed' : 'awaiting', item: seen.item, quantity: seen.quantity, issuedOn: seen.issued_on },
      after: { status: 'voided', reason: input.reason, replacementId: created, replacement: repl },
    });
    return created;
  });
  return { voided: await viewOf(db, actor, ctx, enterpriseId, id), replacement: newId ? await viewOf(db, actor, ctx, enterpriseId, newId) : null };
}

/** What the person signs: the issue as recorded (who, what, how many, when, the standard and next replacement). */
function receiptContent(r: IssueRow) {
  return {
    ppeIssue: {
      id: r.id, employee: { id: r.employee_id, name: r.employee_name }, item: { code: r.item, name: r.item_name, standard: r.standard }, quantity: r.quantity,
      issuedOn: r.issued_on, nextReplacement: r.next_replacement, post: r.post_name,
    },
  };
}

async function sign(db: Db, ctx: Ctx, actor: Actor, r: IssueRow, signer: Signer, body: { method: 'pad' | 'password' | 'proxy_pad'; imageAttachmentId?: string; password?: string; device?: string }) {
  const enterpriseId = r.enterprise_id;
  if (r.voided_at) throw refused('STATE', 'VOIDED', 'voided');
  if (r.signed_at) throw refused('STATE', 'SIGNED', 'alreadySigned');
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  await db.transaction().execute(async (tx) => {
    const locked = await lockIssue(tx, enterpriseId, r.id);
    if (!locked) throw notFound();
    if (locked.voided_at) throw refused('STATE', 'VOIDED', 'voided');
    if (locked.signed_at) throw refused('STATE', 'SIGNED', 'alreadySigned');
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: 'ppe_issue', documentId: r.id, documentVersion: 1, content: receiptContent(r), signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    await markSigned(tx, enterpriseId, r.id, { signatureId: sig.id, at: ctx.now, method: body.method });
    await writeAudit(tx, ctx, {
      action: 'ppe.sign', entityType: 'ppe_issue', entityId: r.id, enterpriseId,
      before: { status: 'awaiting' }, after: { status: 'signed', employeeId: r.employee_id, signatureId: sig.id, method: body.method, contentSha256: sig.contentSha256 },
    });
  });
  return viewOf(db, actor, ctx, enterpriseId, r.id);
}

/**
 * Sign for another, on the shared device: a person without an account signs his receipt with a drawn signature and the
 * last four of his ID number (platform/signatures `proxy_pad`: a wrong answer is 400 at `body.idLast4` and counted).
 * The operator is a manager, or the unit leader of the person's branch (404 for a person outside it).
 */
export async function signIssueFor(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: PpeSignForInput): Promise<PpeIssueView> {
  const actor = requireActor(ctx);
  const r = await issueIn(db, actor, enterpriseId, id);
  if (!mayIssue(actor, enterpriseId)) throw new AppError('FORBIDDEN', { reason: 'NOT_OPERATOR', messageKey: 'signature.refused.notOperator' });
  return sign(db, ctx, actor, r, { employeeId: r.employee_id, idLast4: body.idLast4 }, { method: 'proxy_pad', imageAttachmentId: body.imageAttachmentId, device: body.device });
}

/** The caller's person on the roster (null for an account that is nobody on it, or outside an enterprise). */
async function myPerson(db: Executor, actor: Actor): Promise<{ enterpriseId: string; employeeId: string } | null> {
  const s = actor.scope;
  if (s.kind !== 'enterprise') return null;
  const employeeId = s.employeeId ?? await employeeOfUser(db, actor.userId, s.enterpriseId);
  return employeeId ? { enterpriseId: s.enterpriseId, employeeId } : null;
}

/** The person signs his own receipt on his phone: his drawn signature or his password. Another's issue is 404. */
export async function signMyIssue(db: Db, ctx: Ctx, id: string, body: OwnSignature): Promise<PpeIssueView> {
  const actor = requireActor(ctx);
  const me = await myPerson(db, actor);
  if (!me) throw refused('STATE', 'NO_EMPLOYEE', 'noEmployee');
  const r = await findIssue(db, { kind: 'enterprise', enterpriseId: me.enterpriseId, capacity: 'manager', unitPath: null, employeeId: null }, me.enterpriseId, id);
  if (!r || r.employee_id !== me.employeeId) throw notFound();
  return sign(db, ctx, actor, r, { userId: actor.userId }, body);
}

/** The caller's own protective equipment: his issues (newest first) and what his posts require, with whether he holds each. */
export async function myPpe(db: Db, ctx: Ctx): Promise<MyPpe> {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  const me = await myPerson(db, actor);
  if (!me) return { today, person: null, issues: [], required: [] };
  const rules = await rulesOf(db, me.enterpriseId);
  const cat = catalogueOf(rules);
  const [rows, posts, held, person] = await Promise.all([
    issuesOf(db, me.enterpriseId, me.employeeId), postsOfPerson(db, me.enterpriseId, [me.employeeId]), itemsHeld(db, me.enterpriseId, [me.employeeId]),
    db.selectFrom('employees').select('name').where('enterprise_id', '=', me.enterpriseId).where('id', '=', me.employeeId).executeTakeFirst(),
  ]);
  const mine = held.get(me.employeeId) ?? new Set<string>();
  return {
    today, person: person ? { employeeId: me.employeeId, name: person.name } : null,
    issues: rows.map((r) => issueView(r, actor, today, rules.dueSoonDays)),
    required: posts.flatMap((p) => requiredOf(rules, p).map((l) => ({ postName: p.post_name, ...lineView(cat, l), issued: mine.has(l.item) }))),
  };
}

// ---- the regulators' view ----

export async function ppeOverview(db: Db, ctx: Ctx, q: PpeOverviewQuery): Promise<PpeOverview> {
  const actor = requireActor(ctx);
  const today = localDay(ctx.now);
  const rules = (await currentRules(db, ctx, PPE_RULES)).value;
  const { page, totals } = await ppeOverviewPage(db, actor.scope, q, rules.standards, { today, soonUntil: addLocalDays(today, rules.dueSoonDays) });
  return {
    ...page, today,
    items: page.items.map((r) => ({
      enterpriseId: r.enterprise_id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
      peopleMissingIssue: Number(r.missing), replacementsOverdue: Number(r.overdue), replacementsDueSoon: Number(r.due_soon), unsignedIssues: Number(r.unsigned),
    })),
    totals: { enterprises: Number(totals.enterprises), withGaps: Number(totals.with_gaps), peopleMissingIssue: Number(totals.missing), replacementsOverdue: Number(totals.overdue) },
  };
}
