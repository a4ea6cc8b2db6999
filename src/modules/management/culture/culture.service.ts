import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { signDocument, verifySigner } from '../../../platform/signatures';
import { localDay } from '../../../platform/time';
import { getHazard } from '../../hazards';
import {
  activeEmployees, activityPage, addParticipants, findActivity, findReward, insertActivity, insertReward, markSignedIn, participantsOf, rewardPage, unitOf,
  type ActivityRow, type RewardRow,
} from './culture.repository';
import { amount2, ledgerTotals } from './culture.rules';
import { ACTIVITY_KINDS, type ActivityDetail, type ActivityInput, type ActivityListQuery, type RewardInput, type RewardListQuery, type RewardView, type SignInInput } from './culture.schema';

/*
 * Issue 12 §6: the safety-culture activities (班前会, 安全生产月, 安全活动日 …) with their participants, who sign in on the
 * organiser's shared device (platform signatures, sign for another: draw and confirm the last four of the ID number),
 * and the reward-and-penalty ledger (安全奖惩台账), money as exact decimal, optionally linked to a hidden hazard.
 */

const DOCUMENT = 'culture_activity';

function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'culture.manage') && isEnterpriseManager(actor, enterpriseId);
}
function requireManager(actor: Actor, enterpriseId: string): void {
  if (!mayManage(actor, enterpriseId)) throw new AppError('FORBIDDEN', { reason: 'NOT_MANAGER', messageKey: 'culture.refused.notManager' });
}

const summaryOf = (r: ActivityRow) => ({
  id: r.id, kind: r.kind as (typeof ACTIVITY_KINDS)[number], heldOn: r.held_on, topic: r.topic, orgUnitName: r.org_unit_name, host: r.host,
  participants: Number(r.participants), signedIn: Number(r.signed_in),
});

export async function listActivities(db: Db, ctx: Ctx, enterpriseId: string, q: ActivityListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const { page, counts } = await activityPage(db, actor.scope, enterpriseId, q);
  const byKind = new Map(counts.map((c) => [c.kind, Number(c.n)]));
  return {
    ...page, items: page.items.map(summaryOf),
    counts: Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, byKind.get(k) ?? 0])) as Record<(typeof ACTIVITY_KINDS)[number], number>,
    abilities: { canCreate: mayManage(actor, enterpriseId) },
  };
}

async function activityIn(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: boolean } = {}) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const r = await findActivity(db, actor.scope, enterpriseId, id, opts);
  if (!r) throw notFound();
  return r;
}

export async function getActivity(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<ActivityDetail> {
  const actor = requireActor(ctx);
  const r = await activityIn(db, actor, enterpriseId, id);
  const people = await participantsOf(db, enterpriseId, id);
  return {
    ...summaryOf(r), orgUnitId: r.org_unit_id, content: r.content, createdByName: r.created_by_name, createdAt: r.created_at,
    people: people.map((p) => ({ employeeId: p.employee_id, name: p.name, orgUnitName: p.org_unit_name, signedAt: p.signed_at })),
    // Sign-in opens on the day of the activity (not before it) and stays open for people signing late.
    abilities: { canSignIn: mayManage(actor, enterpriseId) && r.held_on <= localDay(ctx.now) },
  };
}

export async function createActivity(db: Db, ctx: Ctx, enterpriseId: string, input: ActivityInput): Promise<ActivityDetail> {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    requireManager(actor, enterpriseId);
    if (input.heldOn > localDay(ctx.now)) throw invalid('body.heldOn', 'culture.futureActivity');
    if (input.orgUnitId && !(await unitOf(tx, enterpriseId, input.orgUnitId))) throw invalid('body.orgUnitId', 'culture.unknownUnit');
    const ids = [...new Set(input.participantIds)];
    if ((await activeEmployees(tx, enterpriseId, ids)).length !== ids.length) throw invalid('body.participantIds', 'culture.unknownEmployee');
    const created = await insertActivity(tx, actor.scope, enterpriseId, {
      kind: input.kind, held_on: input.heldOn, topic: input.topic, org_unit_id: input.orgUnitId, host: input.host, content: input.content, created_by: actor.userId, now: ctx.now,
    });
    await addParticipants(tx, enterpriseId, created, ids, ctx.now);
    await writeAudit(tx, ctx, { action: 'culture.activity.create', entityType: 'culture_activity', entityId: created, enterpriseId, after: input });
    return created;
  });
  return getActivity(db, ctx, enterpriseId, id);
}

/**
 * A participant without an account signs in on the organiser's device (R-RESP-3's sign-for-another: the drawn
 * signature and the last four of the ID number); the organiser is the enterprise's manager. One signature per person
 * and activity (409 `ALREADY_SIGNED`); a wrong last four is a 400 at `body.idLast4`, counted.
 */
export async function signIn(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: SignInInput): Promise<ActivityDetail> {
  const actor = requireActor(ctx);
  const first = await activityIn(db, actor, enterpriseId, id);
  requireManager(actor, enterpriseId);
  if (first.held_on > localDay(ctx.now)) throw new AppError('STATE', { reason: 'NOT_YET', messageKey: 'culture.refused.notYet' });
  const signer = { employeeId: body.employeeId, idLast4: body.idLast4 };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: 'proxy_pad' });
  await db.transaction().execute(async (tx) => {
    const r = await activityIn(tx, actor, enterpriseId, id, { lock: true });
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: DOCUMENT, documentId: r.id, documentVersion: 1, content: { activity: r.id, kind: r.kind, heldOn: r.held_on, topic: r.topic },
      signer, method: 'proxy_pad', imageAttachmentId: body.imageAttachmentId, device: body.device, proof,
    });
    await markSignedIn(tx, enterpriseId, r.id, body.employeeId, sig.id, ctx.now);
    await writeAudit(tx, ctx, { action: 'culture.activity.signIn', entityType: 'culture_activity', entityId: r.id, enterpriseId, after: { employeeId: body.employeeId, signatureId: sig.id } });
  });
  return getActivity(db, ctx, enterpriseId, id);
}

// ---- 安全奖惩台账 ----

const rewardView = (r: RewardRow): RewardView => ({
  id: r.id, kind: r.kind, employeeId: r.employee_id, personName: r.person_name, orgUnitName: r.org_unit_name, decidedOn: r.decided_on, reason: r.reason,
  amount: r.amount === null ? null : amount2(r.amount), measure: r.measure, hazardId: r.hazard_id, hazardCode: r.hazard_code, createdAt: r.created_at,
});

export async function listRewards(db: Db, ctx: Ctx, enterpriseId: string, q: RewardListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const { page, all } = await rewardPage(db, actor.scope, enterpriseId, q);
  return { ...page, items: page.items.map(rewardView), totals: ledgerTotals(all), abilities: { canCreate: mayManage(actor, enterpriseId) } };
}

export async function createReward(db: Db, ctx: Ctx, enterpriseId: string, input: RewardInput): Promise<RewardView> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  requireManager(actor, enterpriseId);
  // The hazard it names is one the caller sees in this enterprise (through the hazards module's door), else a 400.
  let hazardCode: string | null = null;
  if (input.hazardId) {
    try {
      hazardCode = (await getHazard(db, ctx, enterpriseId, input.hazardId)).code;
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw invalid('body.hazardId', 'culture.unknownHazard');
      throw e;
    }
  }
  const id = await db.transaction().execute(async (tx) => {
    if ((await activeEmployees(tx, enterpriseId, [input.employeeId])).length !== 1) throw invalid('body.employeeId', 'culture.unknownEmployee');
    const created = await insertReward(tx, actor.scope, enterpriseId, {
      kind: input.kind, employee_id: input.employeeId, decided_on: input.decidedOn, reason: input.reason, amount: input.amount === null ? null : amount2(input.amount),
      measure: input.measure, hazard_id: input.hazardId, hazard_code: hazardCode, created_by: actor.userId, now: ctx.now,
    });
    await writeAudit(tx, ctx, { action: 'culture.reward.create', entityType: 'reward_penalty', entityId: created, enterpriseId, after: input });
    return created;
  });
  const row = await findReward(db, actor.scope, enterpriseId, id);
  if (!row) throw notFound();
  return rewardView(row);
}
