import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { idsOf, managersOf } from '../../../platform/directory';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { enqueueOutbox } from '../../../platform/outbox';
import { currentRules } from '../../../platform/rules';
import { addLocalDays, localDay, startOfLocalDay } from '../../../platform/time';
import { eventDays, fulfilByRecord, obligationParams, triggerEvent } from '../../obligations';
import { LIABILITY_RENEWAL, LIABILITY_RENEWAL_EVENT, LIABILITY_RENEWED } from './insurance.obligations';
import {
  activeEmployeeIds, activeRoster, confirmedCovering, confirmedEndingBetween, coveragePage, enterpriseByCreditCode, enterpriseFacts, findInstitutionPolicy, findPolicy,
  firstDistrictId, insertPolicy, institutionPolicyPage, markConfirmed, notCompliantCount, pendingCount, peopleOf,
  policiesOfEnterprise, refreshInForce, replacePeople, updatePendingPolicy, upsertWorkInjury, workInjuryOf,
  type InsuredRow, type PolicyColumns, type PolicyRow, type RosterRow,
} from './insurance.repository';
import { LIABILITY_INSURANCE_RULES } from './insurance.rule-sets';
import {
  checkPolicy, covers, currentPolicy, liabilityMandatory, money, reasonsOfFigures, workInjuryCoverage, type PolicyFacts, type RosterPerson,
} from './insurance.rules';
import type { CoverageQuery, InsuranceOverview, PolicyCreate, PolicyListQuery, PolicyPatch, PolicyView, WorkInjuryInput } from './insurance.schema';

/*
 * R-INS-1, issue 12 §4: the district's safety-liability insurance (安责险) platform. The insurer's staff find the
 * enterprise by its credit code, enter the policy (period, insured people from the roster with their cover, premium
 * and who paid it) and may edit it while it is pending; the enterprise's principal or a safety manager confirms it
 * under its row lock, after which it never changes (a trigger in migration 0092 holds it). The check and the mandatory
 * industries are insurance.rules.ts and the rule-set `liability-insurance`. Confirmation sets the policy in force for
 * the insurer's scope (src/platform/db/scope.ts) when its period holds today; the job `insurance.scope` keeps that
 * flag on the clock. Renewal is a duty on the obligations engine, due on the policy's last day.
 */

const refused = (code: 'STATE' | 'FORBIDDEN', reason: string, messageKey: string) => new AppError(code, { reason, messageKey });

/** The caller's insurer: its staff alone enter policies (an account of role insurer_staff belongs to an insurer). */
function insurerOf(actor: Actor): string {
  if (actor.role !== 'insurer_staff' || actor.scope.kind !== 'institution' || !actor.scope.institutionId) {
    throw refused('FORBIDDEN', 'NOT_INSURER', 'insurance.refused.notInsurer');
  }
  return actor.scope.institutionId;
}

function mayManage(actor: Actor, enterpriseId: string, permission: 'insurance.confirm' | 'insurance.work_injury'): boolean {
  return can(actor, permission) && isEnterpriseManager(actor, enterpriseId);
}

async function rulesAt(db: Executor, districtId: string) {
  return (await currentRules(db, districtId, LIABILITY_INSURANCE_RULES)).value;
}

const rosterPeople = (rows: readonly RosterRow[]): RosterPerson[] =>
  rows.map((r) => ({ id: r.id, name: r.name, employmentForm: r.employment_form, unitName: r.unit_name }));

const factsOf = (p: PolicyRow, people: readonly InsuredRow[]): PolicyFacts => ({
  id: p.id, status: p.status, startsOn: p.starts_on, endsOn: p.ends_on, premiumPaidBy: p.premium_paid_by,
  people: people.map((x) => ({ employeeId: x.employee_id, cover: x.cover })),
});

const summaryOf = (p: Pick<PolicyRow, 'id' | 'enterprise_id' | 'enterprise_name' | 'institution_name' | 'policy_number' | 'starts_on' | 'ends_on' | 'premium' | 'status' | 'people' | 'confirmed_at'>) => ({
  id: p.id, enterpriseId: p.enterprise_id, enterpriseName: p.enterprise_name, institutionName: p.institution_name, policyNumber: p.policy_number,
  startsOn: p.starts_on, endsOn: p.ends_on, premium: p.premium, status: p.status, people: Number(p.people), confirmedAt: p.confirmed_at,
});

async function viewOf(db: Executor, actor: Actor, p: PolicyRow): Promise<PolicyView> {
  const ent = await enterpriseFacts(db, systemScope, p.enterprise_id);
  const [rules, people, roster] = await Promise.all([rulesAt(db, ent!.district_id), peopleOf(db, p.enterprise_id, [p.id]), activeRoster(db, p.enterprise_id)]);
  const insured = people.get(p.id) ?? [];
  const check = checkPolicy(factsOf(p, insured), rosterPeople(roster), rules.minCover);
  const pending = p.status === 'pending';
  const ownInsurer = actor.scope.kind === 'institution' && actor.role === 'insurer_staff' && actor.scope.institutionId === p.institution_id;
  return {
    id: p.id, enterpriseId: p.enterprise_id, enterpriseName: p.enterprise_name, institutionName: p.institution_name, policyNumber: p.policy_number,
    startsOn: p.starts_on, endsOn: p.ends_on, premium: p.premium, premiumPaidBy: p.premium_paid_by, status: p.status,
    confirmedAt: p.confirmed_at, confirmedByName: p.confirmed_by_name, createdAt: p.created_at, version: p.version,
    people: insured.map((x) => ({ employeeId: x.employee_id, name: x.name, employmentForm: x.employment_form, cover: x.cover, active: x.active })),
    check: { ...check, minCover: rules.minCover },
    abilities: {
      canEdit: pending && ownInsurer && can(actor, 'insurance.underwrite'),
      canConfirm: pending && mayManage(actor, p.enterprise_id, 'insurance.confirm'),
    },
  };
}

// ——— The insurer's side ———

/** The enterprise of the district with this unified social credit code (exact), for the insurer to write a policy for. */
export async function lookupEnterprise(db: Db, ctx: Ctx, creditCode: string) {
  const actor = requireActor(ctx);
  insurerOf(actor);
  const districtId = await firstDistrictId(db);
  const e = districtId ? await enterpriseByCreditCode(db, districtId, creditCode) : undefined;
  if (!e || !districtId) throw notFound();
  const rules = await rulesAt(db, districtId);
  return {
    id: e.id, name: e.name, creditCode: e.credit_code, industryName: e.industry_name, subdistrictName: e.subdistrict_name,
    mandatory: liabilityMandatory(e.industry_code, rules.industries),
  };
}

async function requireRosterPeople(db: Executor, enterpriseId: string, people: readonly { employeeId: string }[]) {
  const ids = people.map((p) => p.employeeId);
  const active = await activeEmployeeIds(db, enterpriseId, ids);
  const missing = ids.findIndex((id) => !active.has(id));
  if (missing >= 0) throw invalid(`body.people.${missing}.employeeId`, 'insurance.refused.notOnRoster');
}

function columnsOf(v: { policyNumber: string; startsOn: string; endsOn: string; premium: string; premiumPaidBy: 'unit' | 'staff' }): PolicyColumns {
  return { policy_number: v.policyNumber, starts_on: v.startsOn, ends_on: v.endsOn, premium: money(v.premium), premium_paid_by: v.premiumPaidBy };
}

const canonicalPeople = (people: readonly { employeeId: string; cover: string }[]) => people.map((p) => ({ employeeId: p.employeeId, cover: money(p.cover) }));

/** A new pending policy for an enterprise of the district, by the insurer's staff; its managers are told to confirm it. */
export async function createPolicy(db: Db, ctx: Ctx, input: PolicyCreate): Promise<PolicyView> {
  const actor = requireActor(ctx);
  const institutionId = insurerOf(actor);
  const id = await db.transaction().execute(async (tx) => {
    const districtId = await firstDistrictId(tx);
    const ent = await enterpriseFacts(tx, systemScope, input.enterpriseId);
    if (!ent || ent.district_id !== districtId) throw notFound();
    await requireRosterPeople(tx, ent.id, input.people);
    const created = await insertPolicy(tx, ent.id, { ...columnsOf(input), institution_id: institutionId, created_by: actor.userId, now: ctx.now });
    const people = canonicalPeople(input.people);
    await replacePeople(tx, ent.id, created, people);
    await writeAudit(tx, ctx, {
      action: 'insurance.policy.create', entityType: 'liability_policy', entityId: created, enterpriseId: ent.id,
      after: { ...columnsOf(input), institutionId, people: people.length },
    });
    const insurer = (await tx.selectFrom('institutions').select('name').where('id', '=', institutionId).executeTakeFirst())?.name ?? '';
    await enqueueOutbox(tx, (await idsOf(managersOf(tx, ent.id))).map((userId) => ({ topic: 'notify' as const, payload: {
      userId, kind: 'insurance', titleKey: 'insurance.notify.entered.title', bodyKey: 'insurance.notify.entered.body',
      params: { insurer, number: input.policyNumber, startsOn: input.startsOn, endsOn: input.endsOn, people: people.length }, link: '/insurance',
    } })));
    return created;
  });
  return getInsurerPolicy(db, ctx, id);
}

/** Edits a pending policy of the caller's insurer; a confirmed one is refused `POLICY_CONFIRMED`. */
export async function updatePolicy(db: Db, ctx: Ctx, id: string, patch: PolicyPatch): Promise<PolicyView> {
  const actor = requireActor(ctx);
  const institutionId = insurerOf(actor);
  await db.transaction().execute(async (tx) => {
    const p = await findInstitutionPolicy(tx, institutionId, id, { lock: true });
    if (!p) throw notFound();
    if (p.status !== 'pending') throw refused('STATE', 'POLICY_CONFIRMED', 'insurance.refused.confirmed');
    if (p.version !== patch.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const after = {
      policyNumber: patch.policyNumber ?? p.policy_number, startsOn: patch.startsOn ?? p.starts_on, endsOn: patch.endsOn ?? p.ends_on,
      premium: patch.premium ?? p.premium, premiumPaidBy: patch.premiumPaidBy ?? p.premium_paid_by,
    };
    if (after.endsOn < after.startsOn) throw invalid('body.endsOn', 'insurance.period');
    if (!(await updatePendingPolicy(tx, p.enterprise_id, id, p.version, columnsOf(after), ctx.now))) throw new AppError('CONFLICT', { reason: 'STALE' });
    if (patch.people) {
      await requireRosterPeople(tx, p.enterprise_id, patch.people);
      await replacePeople(tx, p.enterprise_id, id, canonicalPeople(patch.people));
    }
    await writeAudit(tx, ctx, {
      action: 'insurance.policy.update', entityType: 'liability_policy', entityId: id, enterpriseId: p.enterprise_id,
      before: { ...columnsOf({ policyNumber: p.policy_number, startsOn: p.starts_on, endsOn: p.ends_on, premium: p.premium, premiumPaidBy: p.premium_paid_by }), people: p.people },
      after: { ...columnsOf(after), people: patch.people?.length ?? p.people },
    });
  });
  return getInsurerPolicy(db, ctx, id);
}

export async function getInsurerPolicy(db: Db, ctx: Ctx, id: string): Promise<PolicyView> {
  const actor = requireActor(ctx);
  const p = await findInstitutionPolicy(db, insurerOf(actor), id);
  if (!p) throw notFound();
  return viewOf(db, actor, p);
}

/**
 * The enterprise's active roster, for the insurer choosing whom its pending policy insures: reached only through a
 * policy the insurer wrote, and only while it may still change.
 */
export async function insurerRoster(db: Db, ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const p = await findInstitutionPolicy(db, insurerOf(actor), id);
  if (!p) throw notFound();
  if (p.status !== 'pending') throw refused('STATE', 'POLICY_CONFIRMED', 'insurance.refused.confirmed');
  const rows = await activeRoster(db, p.enterprise_id);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, employmentForm: r.employment_form, unitName: r.unit_name, idNumberMasked: r.id_number_masked })) };
}

export async function listInsurerPolicies(db: Db, ctx: Ctx, q: PolicyListQuery) {
  const actor = requireActor(ctx);
  const page = await institutionPolicyPage(db, insurerOf(actor), q);
  return { ...page, items: page.items.map((r) => summaryOf(r)) };
}

// ——— The enterprise's side ———

async function enterpriseOf(db: Executor, actor: Actor, enterpriseId: string) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const e = await enterpriseFacts(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  return e;
}

/** The enterprise's insurance page: its policies, the current one checked (R-INS-1), the work-injury coverage. */
export async function insuranceOverview(db: Db, ctx: Ctx, enterpriseId: string): Promise<InsuranceOverview> {
  const actor = requireActor(ctx);
  const e = await enterpriseOf(db, actor, enterpriseId);
  const today = localDay(ctx.now);
  const [rules, roster, rows] = await Promise.all([rulesAt(db, e.district_id), activeRoster(db, enterpriseId), policiesOfEnterprise(db, actor.scope, enterpriseId)]);
  const people = await peopleOf(db, enterpriseId, rows.filter((p) => p.status === 'confirmed' && covers({ startsOn: p.starts_on, endsOn: p.ends_on }, today)).map((p) => p.id));
  const current = currentPolicy(rows.map((p) => ({ ...factsOf(p, people.get(p.id) ?? []), row: p })), today);
  const roster2 = rosterPeople(roster);
  const check = checkPolicy(current, roster2, rules.minCover);
  const covered = await workInjuryOf(db, enterpriseId, roster.map((r) => r.id));
  const wi = workInjuryCoverage(roster2, new Set([...covered].filter(([, c]) => c).map(([id]) => id)));
  return {
    enterpriseId, enterpriseName: e.name, today,
    mandatory: liabilityMandatory(e.industry_code, rules.industries),
    current: current ? summaryOf(current.row) : null,
    compliance: { ...check, minCover: rules.minCover },
    policies: rows.map((p) => summaryOf(p)),
    workInjury: {
      covered: wi.covered, total: wi.total, percent: wi.percent,
      people: roster2.map((r) => ({ ...r, covered: covered.get(r.id) === true })),
    },
    abilities: { canConfirm: mayManage(actor, enterpriseId, 'insurance.confirm'), canEditWorkInjury: mayManage(actor, enterpriseId, 'insurance.work_injury') },
  };
}

export async function getPolicy(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<PolicyView> {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  const p = await findPolicy(db, actor.scope, enterpriseId, id);
  if (!p) throw notFound();
  return viewOf(db, actor, p);
}

/**
 * The enterprise confirms a pending policy (principal or safety manager), under its row lock; from then on it never
 * changes. It opens the renewal duty, due on its last day, and fulfils the renewal of a confirmed policy whose next
 * day it covers.
 */
export async function confirmPolicy(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: { version: number }): Promise<PolicyView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    if (!mayManage(actor, enterpriseId, 'insurance.confirm')) throw refused('FORBIDDEN', 'NOT_MANAGER', 'insurance.refused.notManager');
    const p = await findPolicy(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!p) throw notFound();
    if (p.status !== 'pending') throw refused('STATE', 'POLICY_CONFIRMED', 'insurance.refused.confirmed');
    if (p.version !== body.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const today = localDay(ctx.now);
    await markConfirmed(tx, enterpriseId, id, actor.userId, covers({ startsOn: p.starts_on, endsOn: p.ends_on }, today), ctx.now);
    await writeAudit(tx, ctx, {
      action: 'insurance.policy.confirm', entityType: 'liability_policy', entityId: id, enterpriseId,
      before: { status: 'pending' }, after: { status: 'confirmed', policyNumber: p.policy_number, startsOn: p.starts_on, endsOn: p.ends_on, people: p.people },
    });
    if (p.created_by) {
      await enqueueOutbox(tx, { topic: 'notify', payload: {
        userId: p.created_by, kind: 'insurance', titleKey: 'insurance.notify.confirmed.title', bodyKey: 'insurance.notify.confirmed.body',
        params: { enterprise: p.enterprise_name, number: p.policy_number, startsOn: p.starts_on, endsOn: p.ends_on }, link: '/insurance/policies',
      } });
    }
    // The renewal: the duty opens `days` before the last day so that it falls due on it (R-INS-1, obligations engine).
    const { params } = await obligationParams(tx, { enterpriseId }, LIABILITY_RENEWAL);
    const lead = eventDays(params) ?? 30;
    await triggerEvent(tx, ctx, {
      enterpriseId, event: LIABILITY_RENEWAL_EVENT, at: startOfLocalDay(addLocalDays(p.ends_on, -lead)), subjectKey: id,
      subjectLabel: `${p.institution_name} ${p.policy_number}`,
    });
    // A policy that covers the day after an earlier one ended renews it; one confirmed late (entered after its
    // successor) is renewed already.
    for (const old of await confirmedEndingBetween(tx, enterpriseId, addLocalDays(p.starts_on, -1), addLocalDays(p.ends_on, -1))) {
      if (old.id === id) continue;
      await fulfilByRecord(tx, ctx, {
        enterpriseId, record: LIABILITY_RENEWED, recordType: 'liability_policy', recordId: id, at: ctx.now, byPrincipal: false, subjectKey: old.id,
      });
    }
    const successor = await confirmedCovering(tx, enterpriseId, addLocalDays(p.ends_on, 1), id);
    if (successor) {
      await fulfilByRecord(tx, ctx, {
        enterpriseId, record: LIABILITY_RENEWED, recordType: 'liability_policy', recordId: successor, at: ctx.now, byPrincipal: false, subjectKey: id,
      });
    }
  });
  return getPolicy(db, ctx, enterpriseId, id);
}

/** Records, per employee, whether work-injury insurance covers them (principal or safety manager). */
export async function setWorkInjury(db: Db, ctx: Ctx, enterpriseId: string, input: WorkInjuryInput): Promise<InsuranceOverview> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    if (!mayManage(actor, enterpriseId, 'insurance.work_injury')) throw refused('FORBIDDEN', 'NOT_MANAGER', 'insurance.refused.notManager');
    const ids = input.items.map((i) => i.employeeId);
    const active = await activeEmployeeIds(tx, enterpriseId, ids);
    const missing = ids.findIndex((x) => !active.has(x));
    if (missing >= 0) throw invalid(`body.items.${missing}.employeeId`, 'insurance.refused.notOnRoster');
    const before = await workInjuryOf(tx, enterpriseId, ids);
    const changed = input.items.filter((i) => (before.get(i.employeeId) ?? false) !== i.covered || !before.has(i.employeeId));
    if (!changed.length) return;
    await upsertWorkInjury(tx, actor.scope, enterpriseId, changed, actor.userId, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'insurance.workInjury.update', entityType: 'work_injury_coverage', entityId: enterpriseId, enterpriseId,
      after: { covered: changed.filter((c) => c.covered).map((c) => c.employeeId), uncovered: changed.filter((c) => !c.covered).map((c) => c.employeeId) },
    });
  });
  return insuranceOverview(db, ctx, enterpriseId);
}

// ——— The regulators' side ———

/** R-INS-1, issue 12 §7: the mandatory enterprises in scope, each with its current policy, uninsured people and check. */
export async function coverage(db: Db, ctx: Ctx, q: CoverageQuery) {
  const actor = requireActor(ctx);
  const rules = (await currentRules(db, ctx, LIABILITY_INSURANCE_RULES)).value;
  const today = localDay(ctx.now);
  const { page, counts } = await coveragePage(db, actor.scope, q, { industries: rules.industries, minCover: rules.minCover, day: today });
  return {
    ...page, today, counts,
    items: page.items.map((r) => {
      const reasons = reasonsOfFigures({
        hasPolicy: !!r.policy_id, uninsured: Number(r.uninsured), minCover: r.min_cover, maxCover: r.max_cover, premiumPaidBy: r.premium_paid_by ?? 'unit',
      }, rules.minCover);
      return {
        enterpriseId: r.enterprise_id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
        employees: Number(r.employees),
        policy: r.policy_id ? { id: r.policy_id, policyNumber: r.policy_number ?? '', institutionName: r.institution_name ?? '', endsOn: r.ends_on ?? '' } : null,
        uninsured: Number(r.uninsured), compliant: reasons.length === 0, reasons,
      };
    }),
  };
}

// ——— The workbench and the clock ———

export async function enterpriseFlags(db: Db, ctx: Ctx, enterpriseId: string): Promise<{ pending: number; missing: boolean }> {
  const o = await insuranceOverview(db, ctx, enterpriseId);
  return { pending: await pendingCount(db, enterpriseId), missing: o.mandatory && !o.compliance.compliant };
}

export async function regulatorMissingCount(db: Db, ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  const rules = (await currentRules(db, ctx, LIABILITY_INSURANCE_RULES)).value;
  return notCompliantCount(db, actor.scope, { industries: rules.industries, minCover: rules.minCover, day: localDay(ctx.now) });
}

/** The job: each policy's in-force flag (the insurers' scope) follows the platform's today. */
export async function refreshInsurerScope(db: Db, now: Date): Promise<number> {
  return refreshInForce(db, localDay(now));
}

/** No policy has this id: `confirmedCovering` then excludes none. */
const NO_POLICY = '00000000-0000-0000-0000-000000000000';

/**
 * Issue 14 §4 (安责险): the enterprise's confirmed liability policy whose period holds the local day, with its insurer,
 * for the accident module's notice to the insurer (its door). Null when the enterprise has none.
 */
export async function liabilityPolicyOn(db: Executor, enterpriseId: string, day: string): Promise<{ id: string; institutionId: string; institutionName: string; policyNumber: string } | null> {
  const id = await confirmedCovering(db, enterpriseId, day, NO_POLICY);
  const p = id ? await findPolicy(db, systemScope, enterpriseId, id) : undefined;
  return p ? { id: p.id, institutionId: p.institution_id, institutionName: p.institution_name, policyNumber: p.policy_number } : null;
}
