import type { Db } from '../platform/db/database';
import { writeAudit } from '../platform/audit/audit';
import { addLocalDays, addLocalMonths, localDay } from '../platform/time';
import { markConfirmed } from '../modules/management/insurance/insurance.repository';
import { confirmPolicy, createPolicy, refreshInsurerScope, setWorkInjury } from '../modules/management/insurance/insurance.service';
import { accountActor, seedCtx } from './demo-actors';

const DAY_MS = 86_400_000;

/*
 * R-INS-1, issue 12 §4, played through the services: the demo insurer entered a one-year safety-liability policy for
 * the demo chemical plant six months ago and the safety manager confirmed it the next day. It names everyone on the
 * roster but one dispatched worker, so the compliance check has something to show. The insurer also holds policies of
 * the other high-risk enterprises it has served since before they joined the platform (confirmed on paper, so no
 * one's confirmation is recorded) — except the fireworks and road-transport ones, which are uninsured so that the
 * regulators' coverage list shows missing policies — and has entered a policy for a fireworks wholesaler that it
 * has not confirmed yet. The plant has recorded its work-injury insurance, with a few people still uncovered.
 * The insurer's scope (src/platform/db/scope.ts) is then its policies in force.
 */
export async function seedDemoInsurance(db: Db, input: { enterpriseId: string; now: Date }): Promise<{ policies: number }> {
  const { enterpriseId: eid, now } = input;
  const insurer = await accountActor(db, 'insurer');
  const safety = await accountActor(db, 'safety');
  if (insurer.scope.kind !== 'institution') throw new Error('demo: the insurer account has no institution');
  const today = localDay(now);
  const startsOn = addLocalDays(addLocalMonths(today, -6), 1);
  const endsOn = addLocalDays(addLocalMonths(startsOn, 12), -1);
  const enteredAt = new Date(now.getTime() - 185 * DAY_MS);
  const activeOf = (enterpriseId: string) => db.selectFrom('employees').select(['id', 'employment_form']).where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'active').orderBy('created_at').orderBy('id').execute();

  const roster = await activeOf(eid);
  const left = roster.find((r) => r.employment_form === 'dispatched');
  const people = roster.filter((r) => r.id !== left?.id).map((r) => ({ employeeId: r.id, cover: '500000' }));
  let serial = 0;
  const number = (from: string) => `PICC-AZX-${from.slice(0, 4)}-${String(++serial).padStart(4, '0')}`;
  const policy = await createPolicy(db, seedCtx(insurer, enteredAt), {
    enterpriseId: eid, policyNumber: number(startsOn), startsOn, endsOn, premium: (people.length * 180).toFixed(2), premiumPaidBy: 'unit', people,
  });
  await confirmPolicy(db, seedCtx(safety, new Date(enteredAt.getTime() + DAY_MS)), eid, policy.id, { version: policy.version });

  // The other high-risk enterprises the insurer served before the platform, confirmed on paper.
  const served = await db.selectFrom('enterprises as e').select(['e.id', 'e.industry_code'])
    .where('e.high_risk', '=', true).where('e.id', '<>', eid).orderBy('e.credit_code').execute();
  let policies = 1;
  for (const [i, e] of served.entries()) {
    if (e.industry_code === 'fireworks' || e.industry_code === 'road_transport') continue;
    const theirs = await activeOf(e.id);
    const from = addLocalDays(addLocalMonths(today, -1 - (i % 10)), 1);
    const at = new Date(now.getTime() - (32 + (i % 10) * 30) * DAY_MS);
    const p = await createPolicy(db, seedCtx(insurer, at), {
      enterpriseId: e.id, policyNumber: number(from), startsOn: from, endsOn: addLocalDays(addLocalMonths(from, 12), -1),
      premium: (theirs.length * 200).toFixed(2), premiumPaidBy: 'unit', people: theirs.map((r) => ({ employeeId: r.id, cover: '600000' })),
    });
    await db.transaction().execute(async (tx) => {
      await markConfirmed(tx, e.id, p.id, null, false, at);
      await writeAudit(tx, seedCtx(insurer, at), {
        action: 'insurance.policy.confirm', entityType: 'liability_policy', entityId: p.id, enterpriseId: e.id,
        before: { status: 'pending' }, after: { status: 'confirmed', onPaper: true },
      });
    });
    policies++;
  }

  // A new customer: the first fireworks wholesaler, whose policy waits for its confirmation.
  const fireworks = served.find((e) => e.industry_code === 'fireworks');
  if (fireworks) {
    const theirs = await activeOf(fireworks.id);
    const from = addLocalDays(today, 5);
    await createPolicy(db, seedCtx(insurer, new Date(now.getTime() - 2 * DAY_MS)), {
      enterpriseId: fireworks.id, policyNumber: number(from), startsOn: from, endsOn: addLocalDays(addLocalMonths(from, 12), -1),
      premium: (theirs.length * 220).toFixed(2), premiumPaidBy: 'unit', people: theirs.map((r) => ({ employeeId: r.id, cover: '600000' })),
    });
    policies++;
  }

  // Work-injury insurance: everyone but the last three on the roster.
  await setWorkInjury(db, seedCtx(safety, new Date(now.getTime() - 30 * DAY_MS)), eid, {
    items: roster.map((r, i) => ({ employeeId: r.id, covered: i < roster.length - 3 })),
  });
  // The insurer's scope as the hourly job keeps it.
  await refreshInsurerScope(db, now);
  return { policies };
}
