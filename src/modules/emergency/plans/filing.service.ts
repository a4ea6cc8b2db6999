import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { notFound } from '../../../platform/errors';
import { managersOf, idsOf } from '../../../platform/directory';
import { enqueueOutbox } from '../../../platform/outbox';
import { refusalError } from '../../../platform/workflow';
import { allAccepted } from './plan-workflow';
import {
  filingStatuses, findFiling, insertPlanEvent, listFilingRows, lockPlanOfFiling, movePlan, pendingFilingCount, updateFiling, versionOfFiling,
} from './plan.repository';
import type { FilingListQuery } from './plan.schema';
import { decides, presentContent, presentFiling } from './plan.presenters';

/*
 * R-EMG-1, the offices' side of a plan's filing (备案): each office named in a filing sees it in its inbox, accepts it
 * with its receipt number (备案编号) or returns it with reasons (the enterprise corrects and files again). When every
 * office accepted the version, the plan is filed. Each decision is taken under the plan's row lock, then the filing's,
 * so of two officers acting at once on one filing one wins and the other is refused (409 STATE).
 */

const PLAN = 'emergency_plan';
const FILING = 'emergency_plan_filing';

export async function listFilings(db: Db, ctx: Ctx, q: FilingListQuery) {
  const actor = requireActor(ctx);
  const { items, total } = await listFilingRows(db, actor.scope, q);
  return { items: items.map((f) => presentFiling(actor, f)), total, page: q.page, pageSize: q.pageSize };
}

/** One filing with the content of the version filed: what the office accepts. */
export async function getFiling(db: Executor, ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const f = await findFiling(db, actor.scope, id);
  if (!f) throw notFound();
  const v = await versionOfFiling(db, f);
  return { ...presentFiling(actor, f), content: presentContent(v) };
}

type Decision = { kind: 'accept'; receiptNo: string } | { kind: 'return'; reason: string };

async function decide(db: Db, ctx: Ctx, id: string, d: Decision, expected: number | undefined) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const seen = await findFiling(tx, actor.scope, id);
    if (!seen) throw notFound();
    // D19: who may act is checked before the state.
    if (!decides(actor, seen)) throw refusalError('FORBIDDEN');
    // The plan first, then the filing: the order every step takes, so two offices deciding at once queue on the plan.
    const plan = await lockPlanOfFiling(tx, seen);
    const f = await findFiling(tx, actor.scope, id, { lock: true });
    if (!f) throw notFound();
    if (expected !== undefined && expected !== f.version) throw refusalError('STALE');
    // A filing the enterprise withdrew with its plan (R-EMG-1) says so, not that the office decided it.
    if (f.status === 'withdrawn') throw refusalError('STATE', 'emergencyPlan.refused.filingWithdrawn');
    if (f.status !== 'pending') throw refusalError('STATE', 'emergencyPlan.refused.filingDecided');
    const values = d.kind === 'accept'
      ? { status: 'accepted' as const, receipt_no: d.receiptNo, decided_by: actor.userId, decided_at: ctx.now, updated_at: ctx.now }
      : { status: 'returned' as const, return_reason: d.reason, decided_by: actor.userId, decided_at: ctx.now, updated_at: ctx.now };
    if (!await updateFiling(tx, f.enterprise_id, f.id, f.version, values)) throw refusalError('STATE', 'emergencyPlan.refused.filingDecided');
    await writeAudit(tx, ctx, {
      action: d.kind === 'accept' ? 'emergency_plan_filing.accept' : 'emergency_plan_filing.return', entityType: FILING, entityId: f.id, enterpriseId: f.enterprise_id,
      before: { status: 'pending' }, after: { status: values.status, ...(d.kind === 'accept' ? { receiptNo: d.receiptNo } : { reason: d.reason }), department: f.department_id },
    });
    // R-EMG-1: the plan is filed when every office accepted the version it is at.
    if (d.kind === 'accept' && plan.status === 'issued' && f.version_no === plan.current_version
      && allAccepted(await filingStatuses(tx, f.enterprise_id, f.plan_id, f.version_no))) {
      if (await movePlan(tx, f.enterprise_id, f.plan_id, 'issued', 'filed', { filed_version: f.version_no }, ctx.now)) {
        await insertPlanEvent(tx, f.enterprise_id, f.plan_id, { versionNo: f.version_no, op: 'filed', from: 'issued', to: 'filed', actorId: actor.userId, at: ctx.now, note: d.receiptNo });
        await writeAudit(tx, ctx, { action: 'emergency_plan.filed', entityType: PLAN, entityId: f.plan_id, enterpriseId: f.enterprise_id, before: { status: 'issued' }, after: { status: 'filed', version: f.version_no } });
      }
    }
    const managers = await idsOf(managersOf(tx, f.enterprise_id));
    await enqueueOutbox(tx, managers.map((userId) => ({
      topic: 'notify' as const,
      payload: {
        userId, kind: 'emergency_plan.filingDecided',
        titleKey: d.kind === 'accept' ? 'emergencyPlan.notify.accepted.title' : 'emergencyPlan.notify.returned.title',
        bodyKey: d.kind === 'accept' ? 'emergencyPlan.notify.accepted.body' : 'emergencyPlan.notify.returned.body',
        params: { title: plan.title, office: f.department_name }, link: `/enterprises/${f.enterprise_id}/emergency-plans/${f.plan_id}`,
      },
    })));
  });
  return getFiling(db, ctx, id);
}

/** An office accepts a filing with its receipt number (备案编号). */
export function acceptFiling(db: Db, ctx: Ctx, id: string, input: { receiptNo: string; version?: number | undefined }) {
  return decide(db, ctx, id, { kind: 'accept', receiptNo: input.receiptNo }, input.version);
}

/** An office returns a filing with its reasons; the enterprise corrects and files again. */
export function returnFiling(db: Db, ctx: Ctx, id: string, input: { reason: string; version?: number | undefined }) {
  return decide(db, ctx, id, { kind: 'return', reason: input.reason }, input.version);
}

/** Filings waiting for the caller's office (the officers' workbench). */
export async function filingsToAccept(db: Executor, actor: Actor): Promise<number> {
  if (actor.scope.kind !== 'department' || !can(actor, 'emergency_plan.accept')) return 0;
  return pendingFilingCount(db, actor.scope.departmentId);
}
