import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Ctx } from '../../../platform/auth/actor';
import { requireActor, wholeEnterprise } from '../../../platform/auth/actor';
import { isUnitVisible, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import type { Locale } from '../../../platform/i18n/messages';
import { forbidden, notFound } from '../../../platform/errors';
import { qrCode } from '../../../platform/links';
import { GRADE_COLOUR, GRADE_NAME, type Grade } from '../points/risk-grading';
import { R8_COLUMNS } from '../map/risk-map.repository';
import {
  allPostPoints, boardPoints, controllersOf, enterpriseForCards, findPost, insertToken, liveToken, measuresOf, postByToken, postPoints, revokeTokens,
  type CardPointRow,
} from './risk-card.repository';
import type { PostCard, PublicCard, RiskBoard } from './risk-card.schema';
import { MEASURE_CATEGORIES } from '../points/risk-point.schema';
import { mayManageRisk } from '../points/risk-point.service';
import { cardContentSha256 } from './risk-card-ack.rules';

/** Fire and ambulance: on every board and card, and the emergency phone when the enterprise has given none. */
export const ALARM_PHONES = '119/120';
/** Where a card's QR code leads: the web app's public page, which reads GET /api/v1/public/risk-cards/:token. */
export const CARD_PAGE = '/public/risk-cards/';

type Factors = { people: string[]; things: string[]; environment: string[]; management: string[] };
type Measure = { risk_point_id: string; category: string; content: string };

/** A token for a QR code: 192 random bits, URL-safe, unguessable. */
export function newCardToken(): string {
  return randomBytes(24).toString('base64url');
}

/** What the audit trail keeps of a token: a short hash, enough to tell tokens apart, useless to open a card. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

function factorsOf(raw: unknown): Factors {
  const f = (raw ?? {}) as Partial<Factors>;
  return { people: f.people ?? [], things: f.things ?? [], environment: f.environment ?? [], management: f.management ?? [] };
}

function measureGroups(measures: Measure[], pointId: string) {
  return MEASURE_CATEGORIES
    .map((category) => ({ category, items: measures.filter((m) => m.risk_point_id === pointId && m.category === category).map((m) => m.content) }))
    .filter((g) => g.items.length > 0);
}

function cardPoint(r: CardPointRow, measures: Measure[], locale: Locale) {
  const grade = r.grade as Grade | null;
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind, location: r.location, grade,
    colour: grade ? GRADE_COLOUR[grade] : null, gradeName: grade ? GRADE_NAME[grade][locale] : null,
    hazards: factorsOf(r.hazard_factors), accidentTypes: r.accident_types, measures: measureGroups(measures, r.id), emergencyMeasures: r.emergency_measures,
  };
}

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

/** R-RISK-7, R-RISK-8: the enterprise notice board, main (highest-graded) points first. */
export async function riskBoard(db: Db, ctx: Ctx, enterpriseId: string): Promise<RiskBoard> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const ent = await enterpriseForCards(db, actor.scope, enterpriseId);
  const rows = await boardPoints(db, actor.scope, enterpriseId);
  const ids = rows.map((r) => r.id);
  const [measures, controllers] = await Promise.all([measuresOf(db, actor.scope, enterpriseId, ids), controllersOf(db, actor.scope, enterpriseId, ids)]);
  const counts: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const r of rows) if (r.grade) counts[r.grade]++;
  return {
    enterprise: { name: ent.name, address: ent.address, principalName: ent.principal_name },
    emergencyPhone: ent.principal_phone.trim() || ALARM_PHONES,
    alarmPhones: ALARM_PHONES,
    counts,
    points: rows.map((r) => ({
      ...cardPoint(r, measures, ctx.locale),
      orgUnitName: r.org_unit_name,
      unitPath: r.unit_path_name,
      controlLevel: r.control_level,
      controllers: controllers.filter((c) => c.risk_point_id === r.id).map((c) => ({ level: c.level, name: c.name })),
      checklist: r.grade !== null && r.grade <= 2 ? R8_COLUMNS.map(([col, item]) => ({ item, present: r[col] })) : null,
    })),
    canManage: mayManageRisk(actor, enterpriseId),
  };
}

/**
 * What a post's card prints. It hangs at the post and reads the same for everyone who may see the post, so once the
 * post is found (in the caller's scope, or by its token) the card is read as the whole enterprise's: every point linked
 * to the post, whichever unit keeps it.
 */
export async function cardContent(db: Executor, enterpriseId: string, post: { id: string; name: string; org_unit_name: string; unit_path_name: string }, locale: Locale) {
  const whole = wholeEnterprise(enterpriseId);
  const ent = await enterpriseForCards(db, whole, enterpriseId);
  const rows = await postPoints(db, whole, enterpriseId, post.id);
  const measures = await measuresOf(db, whole, enterpriseId, rows.map((r) => r.id));
  const points = rows.map((r) => cardPoint(r, measures, locale));
  const graded = rows.map((r) => r.grade).filter((g): g is Grade => g !== null);
  const top = graded.length ? (Math.min(...graded) as Grade) : null;
  const updated = rows.map((r) => r.updated_at.getTime());
  return {
    post: { id: post.id, name: post.name, orgUnitName: post.org_unit_name, unitPath: post.unit_path_name },
    enterpriseName: ent.name,
    grade: top, colour: top ? GRADE_COLOUR[top] : null, gradeName: top ? GRADE_NAME[top][locale] : null,
    points,
    hazards: unique(points.flatMap((p) => [...p.hazards.people, ...p.hazards.things, ...p.hazards.environment, ...p.hazards.management])),
    accidentTypes: unique(points.flatMap((p) => p.accidentTypes)),
    emergencyActions: unique(points.map((p) => p.emergencyMeasures)),
    emergencyPhone: ent.principal_phone.trim() || ALARM_PHONES,
    alarmPhones: ALARM_PHONES,
    updatedAt: updated.length ? new Date(Math.max(...updated)) : null,
    // Issue 12 §2: what a person acknowledges of the card (risk-card-ack.rules.ts); null for a post without points.
    contentSha256: cardContentSha256(points),
  };
}
export type CardContent = Awaited<ReturnType<typeof cardContent>>;

/**
 * The content hash of every post's current card in the enterprise (posts without points have none), read at once
 * and hashed as `cardContent` hashes one card: the acknowledgement figure compares each person's hash with these.
 */
export async function currentCardHashes(db: Executor, enterpriseId: string): Promise<Map<string, string>> {
  const rows = await allPostPoints(db, enterpriseId);
  const measures = await measuresOf(db, wholeEnterprise(enterpriseId), enterpriseId, [...new Set(rows.map((r) => r.id))]);
  const byPost = new Map<string, ReturnType<typeof cardPoint>[]>();
  for (const r of rows) {
    const list = byPost.get(r.post_id) ?? [];
    list.push(cardPoint(r, measures, 'zh-CN'));
    byPost.set(r.post_id, list);
  }
  const out = new Map<string, string>();
  for (const [postId, points] of byPost) {
    const sha = cardContentSha256(points);
    if (sha) out.set(postId, sha);
  }
  return out;
}

async function postInScope(db: Db, actor: Actor, enterpriseId: string, postId: string) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const post = await findPost(db, actor.scope, enterpriseId, postId);
  // Unit leaders read the cards of their own branch, as they read its ledger.
  if (!post || !isUnitVisible(actor, post.unit_path)) throw notFound();
  return post;
}

async function qrFor(token: string | null, publicBaseUrl: string) {
  return token ? qrCode(publicBaseUrl, `${CARD_PAGE}${token}`) : null;
}

/**
 * The post's risk-notice card with its QR code, if one was issued. Reading never issues a token (D22: a GET changes
 * nothing, so another site cannot make a manager's browser issue one); `issueRiskCard` does.
 */
export async function postRiskCard(db: Db, ctx: Ctx, enterpriseId: string, postId: string, publicBaseUrl: string): Promise<PostCard> {
  const actor = requireActor(ctx);
  const post = await postInScope(db, actor, enterpriseId, postId);
  const token = await liveToken(db, actor.scope, enterpriseId, postId);
  const content = await cardContent(db, enterpriseId, post, ctx.locale);
  return { ...content, qr: await qrFor(token, publicBaseUrl), canManage: mayManageRisk(actor, enterpriseId) };
}

/** Issues the card's QR token if it has none (audited by a hash prefix only); an existing live token is kept. */
export async function issueRiskCard(db: Db, ctx: Ctx, enterpriseId: string, postId: string, publicBaseUrl: string): Promise<PostCard> {
  const actor = requireActor(ctx);
  const post = await postInScope(db, actor, enterpriseId, postId);
  if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
  let token = await liveToken(db, actor.scope, enterpriseId, postId);
  if (!token) {
    token = await db.transaction().execute(async (tx) => {
      const fresh = newCardToken();
      if (!(await insertToken(tx, actor.scope, enterpriseId, postId, fresh, ctx.now))) return liveToken(tx, actor.scope, enterpriseId, postId);
      await writeAudit(tx, ctx, { action: 'risk.card.issue', entityType: 'post', entityId: postId, enterpriseId, after: { token: tokenFingerprint(fresh) } });
      return fresh;
    });
  }
  const content = await cardContent(db, enterpriseId, post, ctx.locale);
  return { ...content, qr: await qrFor(token, publicBaseUrl), canManage: true };
}

/** Revokes the live token of a card (a printed QR code stops working) and issues a new one. */
export async function revokeRiskCard(db: Db, ctx: Ctx, enterpriseId: string, postId: string, publicBaseUrl: string): Promise<PostCard> {
  const actor = requireActor(ctx);
  const post = await postInScope(db, actor, enterpriseId, postId);
  if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
  const token = await db.transaction().execute(async (tx) => {
    const revoked = await revokeTokens(tx, actor.scope, enterpriseId, postId, ctx.now);
    const fresh = newCardToken();
    await insertToken(tx, actor.scope, enterpriseId, postId, fresh, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'risk.card.revoke', entityType: 'post', entityId: postId, enterpriseId,
      before: { tokens: revoked.map(tokenFingerprint) }, after: { token: tokenFingerprint(fresh) },
    });
    return fresh;
  });
  const content = await cardContent(db, enterpriseId, post, ctx.locale);
  return { ...content, qr: await qrFor(token, publicBaseUrl), canManage: true };
}

/** The public page behind a QR code: no login, no internal ids; unknown and revoked tokens are "not found". */
export async function publicRiskCard(db: Db, locale: Locale, token: string): Promise<PublicCard> {
  // No one is signed in: the token is the credential, and it may open a post of any enterprise.
  const hit = await postByToken(db, systemScope, token);
  if (!hit) throw notFound();
  const post = await findPost(db, wholeEnterprise(hit.enterprise_id), hit.enterprise_id, hit.post_id);
  if (!post) throw notFound();
  const { contentSha256: _sha, ...c } = await cardContent(db, hit.enterprise_id, post, locale);
  return { ...c, post: { name: c.post.name, orgUnitName: c.post.orgUnitName, unitPath: c.post.unitPath }, points: c.points.map(({ id: _id, ...p }) => p) };
}
