import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor, wholeEnterprise } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { AppError, notFound } from '../../../platform/errors';
import { signDocument, verifySigner } from '../../../platform/signatures';
import {
  ackOf, acksOfEmployee, employeeOfUser, lockPlacement, placementInScope, placements, postsOfEmployee, saveAck, type PlacementRow,
} from './risk-card-ack.repository';
import { ackRate, knowsRisks } from './risk-card-ack.rules';
import type { CardAckFigure, MyAckBody, MyRiskCards, PendingCardPeople, ProxyCardAckBody } from './risk-card-ack.schema';
import { findPost } from './risk-card.repository';
import { cardContent, currentCardHashes } from './risk-card.service';

/*
 * R-RISK-7, issue 12 §2: each person on a post acknowledges the current content of his post's risk-notice card, on
 * his phone, or — without an account — on a manager's or his unit leader's shared device, with a drawn signature and
 * the last four of his ID number (platform/signatures, `proxy_pad`), as the rules and procedures are acknowledged.
 * What he acknowledged is the card's content hash (risk-card-ack.rules.ts); when a point or measure of the post
 * changes, the hash changes and his acknowledgement no longer counts for the card, compared when read.
 */

/** The signed document of a shared-device acknowledgement: the post's card, version n for the person (his n-th). */
const CARD_DOC = 'risk_card';

const refused = (code: 'STATE' | 'CONFLICT' | 'FORBIDDEN', reason: string, key: string) => new AppError(code, { reason, messageKey: `riskCard.ack.${key}` });
/** The card changed after the person opened it: he reads it again (409, the client reloads the card). */
const stale = () => refused('CONFLICT', 'STALE_CARD', 'stale');
const noCard = () => refused('STATE', 'NO_CARD', 'noCard');

/** The caller's person on the roster (null for an account that is nobody on it, or outside an enterprise). */
async function myPersonOrNull(db: Executor, actor: Actor): Promise<{ enterpriseId: string; employeeId: string } | null> {
  const s = actor.scope;
  if (s.kind !== 'enterprise') return null;
  const employeeId = s.employeeId ?? await employeeOfUser(db, actor.userId, s.enterpriseId);
  return employeeId ? { enterpriseId: s.enterpriseId, employeeId } : null;
}

/** The cards of the caller's posts (posts without risk points have no card), each with whether he acknowledged it. */
export async function myRiskCards(db: Db, ctx: Ctx): Promise<MyRiskCards> {
  const actor = requireActor(ctx);
  const me = await myPersonOrNull(db, actor);
  if (!me) return { items: [] };
  const [posts, acks] = await Promise.all([postsOfEmployee(db, me.enterpriseId, me.employeeId), acksOfEmployee(db, me.enterpriseId, me.employeeId)]);
  const items: MyRiskCards['items'] = [];
  for (const post of posts) {
    const content = await cardContent(db, me.enterpriseId, post, ctx.locale);
    const sha = content.contentSha256;
    if (!sha) continue;
    const ack = acks.find((a) => a.post_id === post.id);
    const current = ack?.content_sha256 === sha;
    items.push({ card: { ...content, contentSha256: sha }, acknowledgedAt: current ? ack.acknowledged_at : null, changedSinceAck: !!ack && !current });
  }
  return { items };
}

/**
 * The person confirms he knows the risks of his post (我已知晓本岗位风险), for the content he read: a card changed
 * since is 409 `STALE_CARD`; the same content a second time changes nothing. Under the lock of his place on the post.
 */
export async function acknowledgeMyCard(db: Db, ctx: Ctx, postId: string, body: MyAckBody): Promise<{ postId: string; contentSha256: string; acknowledgedAt: Date }> {
  const actor = requireActor(ctx);
  const me = await myPersonOrNull(db, actor);
  if (!me) throw refused('STATE', 'NO_EMPLOYEE', 'noEmployee');
  const { enterpriseId, employeeId } = me;
  return db.transaction().execute(async (tx) => {
    if (!(await lockPlacement(tx, enterpriseId, employeeId, postId))) throw notFound();
    const post = await findPost(tx, wholeEnterprise(enterpriseId), enterpriseId, postId);
    if (!post) throw notFound();
    const sha = (await cardContent(tx, enterpriseId, post, ctx.locale)).contentSha256;
    if (!sha) throw noCard();
    if (body.contentSha256 !== sha) throw stale();
    const before = await ackOf(tx, enterpriseId, postId, employeeId);
    if (before?.content_sha256 === sha) return { postId, contentSha256: sha, acknowledgedAt: before.acknowledged_at };
    await saveAck(tx, { enterpriseId, postId, employeeId, sha256: sha, at: ctx.now, by: actor.userId, signatureId: null, acks: (before?.acks ?? 0) + 1 });
    await writeAudit(tx, ctx, {
      action: 'risk.card.acknowledge', entityType: 'post', entityId: postId, enterpriseId,
      before: before ? { contentSha256: before.content_sha256 } : null, after: { employeeId, contentSha256: sha },
    });
    return { postId, contentSha256: sha, acknowledgedAt: ctx.now };
  });
}

/**
 * Who records on a shared device: a manager of the enterprise, or a unit leader (for the people of his branch: the
 * platform's `proxyTarget` holds him to it). Regulators and the district admin read; they do not run the device.
 */
function mayRecord(actor: Actor, enterpriseId: string): boolean {
  const s = actor.scope;
  return can(actor, 'risk.card.proxy') && s.kind === 'enterprise' && s.enterpriseId === enterpriseId && s.capacity !== 'employee';
}

/**
 * R-RISK-7 for people without an account: on the shared device the person reads the card, draws a signature and
 * confirms the last four characters of his ID number (platform/signatures `proxy_pad`, checked and counted before the
 * transaction: a wrong answer is 400 and nothing is stored). The person must be on the post (404), the card as he read
 * it (409 `STALE_CARD`); the same content acknowledged before changes nothing.
 */
export async function proxyAcknowledgeCard(db: Db, ctx: Ctx, enterpriseId: string, body: ProxyCardAckBody) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayRecord(actor, enterpriseId)) throw new AppError('FORBIDDEN', { reason: 'NOT_OPERATOR', messageKey: 'signature.refused.notOperator' });
  const { postId, employeeId } = body;
  if (!(await placementInScope(db, actor.scope, enterpriseId, employeeId, postId))) throw notFound();
  const post = await findPost(db, wholeEnterprise(enterpriseId), enterpriseId, postId);
  if (!post) throw notFound();
  const first = (await cardContent(db, enterpriseId, post, ctx.locale)).contentSha256;
  if (!first) throw noCard();
  if (first !== body.contentSha256) throw stale();
  const signer = { employeeId, idLast4: body.idLast4 };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: 'proxy_pad' });
  return db.transaction().execute(async (tx) => {
    if (!(await lockPlacement(tx, enterpriseId, employeeId, postId))) throw notFound();
    const content = await cardContent(tx, enterpriseId, post, ctx.locale);
    if (content.contentSha256 !== body.contentSha256) throw stale();
    const sha = body.contentSha256;
    const before = await ackOf(tx, enterpriseId, postId, employeeId);
    if (before?.content_sha256 === sha) return { postId, employeeId, contentSha256: sha, acknowledgedAt: before.acknowledged_at };
    const acks = (before?.acks ?? 0) + 1;
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: CARD_DOC, documentId: postId, documentVersion: acks,
      content: { acknowledged: { riskCard: { post: { id: post.id, name: post.name, unitPath: post.unit_path_name }, sha256: sha } } },
      signer, method: 'proxy_pad', imageAttachmentId: body.imageAttachmentId, device: body.device, proof,
    });
    await saveAck(tx, { enterpriseId, postId, employeeId, sha256: sha, at: ctx.now, by: actor.userId, signatureId: sig.id, acks });
    await writeAudit(tx, ctx, {
      action: 'risk.card.acknowledge', entityType: 'post', entityId: postId, enterpriseId,
      before: before ? { contentSha256: before.content_sha256 } : null, after: { employeeId, contentSha256: sha, signatureId: sig.id, method: 'proxy_pad' },
    });
    return { postId, employeeId, contentSha256: sha, acknowledgedAt: ctx.now };
  });
}

type Tally = { people: number; acknowledged: number };
const counted = (t: Tally) => ({ people: t.people, acknowledged: t.acknowledged, rate: ackRate(t.acknowledged, t.people) });

async function placementsWithCards(db: Db, actor: Actor, enterpriseId: string): Promise<{ rows: PlacementRow[]; hashes: Map<string, string> }> {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const [rows, hashes] = await Promise.all([placements(db, actor.scope, enterpriseId), currentCardHashes(db, enterpriseId)]);
  return { rows: rows.filter((r) => hashes.has(r.post_id)), hashes };
}

/**
 * "Every employee knows the risks of his post" as a figure, for the enterprise's managers (a unit leader: the people
 * of his branch) and its regulators: people on posts with a card who acknowledged the current card of each such post,
 * ÷ people on posts with a card; by the person's unit, and by post.
 */
export async function cardAckFigure(db: Db, ctx: Ctx, enterpriseId: string): Promise<CardAckFigure> {
  const actor = requireActor(ctx);
  const { rows, hashes } = await placementsWithCards(db, actor, enterpriseId);
  const knows = knowsRisks(rows.map((r) => ({ employeeId: r.employee_id, postId: r.post_id, ackedSha256: r.content_sha256 })), hashes);
  const units = new Map<string, { orgUnitId: string; name: string; unitPath: string; people: Set<string> }>();
  const posts = new Map<string, { postId: string; name: string; unitPath: string } & Tally>();
  for (const r of rows) {
    const u = units.get(r.org_unit_id) ?? { orgUnitId: r.org_unit_id, name: r.org_unit_name, unitPath: r.unit_path_name, people: new Set<string>() };
    u.people.add(r.employee_id);
    units.set(r.org_unit_id, u);
    const p = posts.get(r.post_id) ?? { postId: r.post_id, name: r.post_name, unitPath: r.post_unit_path_name, people: 0, acknowledged: 0 };
    p.people++;
    if (r.content_sha256 === hashes.get(r.post_id)) p.acknowledged++;
    posts.set(r.post_id, p);
  }
  const tally = (ids: Iterable<string>): Tally => {
    let people = 0;
    let acknowledged = 0;
    for (const id of ids) { people++; if (knows.get(id)) acknowledged++; }
    return { people, acknowledged };
  };
  return {
    ...counted(tally(knows.keys())),
    byUnit: [...units.values()].map((u) => ({ orgUnitId: u.orgUnitId, name: u.name, unitPath: u.unitPath, ...counted(tally(u.people)) })),
    byPost: [...posts.values()].sort((a, b) => a.unitPath.localeCompare(b.unitPath, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN')).map((p) => ({ postId: p.postId, name: p.name, unitPath: p.unitPath, ...counted(p) })),
    canRecord: mayRecord(actor, enterpriseId),
  };
}

/** The people without an account who still have a current card to acknowledge, post by post (the shared device's list). */
export async function pendingCardPeople(db: Db, ctx: Ctx, enterpriseId: string): Promise<PendingCardPeople> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayRecord(actor, enterpriseId)) throw new AppError('FORBIDDEN', { reason: 'NOT_OPERATOR', messageKey: 'signature.refused.notOperator' });
  const { rows, hashes } = await placementsWithCards(db, actor, enterpriseId);
  return rows.filter((r) => !r.has_account && r.content_sha256 !== hashes.get(r.post_id)).map((r) => ({
    employeeId: r.employee_id, name: r.name, orgUnitName: r.org_unit_name, postId: r.post_id, postName: r.post_name, postUnitPath: r.post_unit_path_name,
    contentSha256: hashes.get(r.post_id)!,
  }));
}
