import type { Ctx } from '../../../platform/auth/actor';
import { writeAudit } from '../../../platform/audit/audit';
import type { Executor, Tx } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { currentRules, currentRulesByDistrict } from '../../../platform/rules';
import { localDay, localYear } from '../../../platform/time';
import { personRows, reviewedQuarters, untrainedIds, upsertPrior, type PersonRow } from './training.repository';

export { untrainedSql } from './training.repository';
import { TRAINING_RULES } from './training.rule-sets';
import { initialFrom, round1, shortfallOf, type TrainingRole } from './training.rules';

/*
 * The doors other modules use into training (R-TRN-1, R-TRN-2): whether people passed the pre-post training, recording
 * "trained before joining" from a roster, and the per-enterprise figures for the regulator view and the
 * standardisation self-assessment's prefill. They read no caller scope: the caller has decided access.
 */

/** Per-enterprise figures for the regulator view and the self-assessment prefill (set-based, one or two statements). */
export type TrainingFacts = {
  /** Active people (employees of every employment form) on the roster. */
  people: number;
  /** People short of the hours the rule-set `training` requires of them (initial or yearly), or with a re-training open. */
  shortfallPeople: number;
  /** Active people with a legal-education session (学法培训) attended in the year of `at`. */
  legalEducationCovered: number;
  /** Hours attended by all active people in the year of `at`, up to `at`'s day. */
  hoursThisYear: number;
  /** Quarters of the year of `at` whose plan-versus-actual report the principal has signed. */
  planReviewedQuarters: number;
};

/** What a person is to the minimums: the principal's account, a safety manager (account or appointment), or anyone else. */
export const roleOf = (r: Pick<PersonRow, 'is_principal' | 'is_safety'>): TrainingRole => (r.is_principal ? 'principal' : r.is_safety ? 'safety_manager' : 'employee');

/**
 * R-TRN-2: the employees (of the list) who have NOT passed the required pre-post training: no passed induction (the
 * levels the rule-set `training` requires, by default all three) and no "trained before joining" record.
 */
export async function untrainedAmong(db: Executor, enterpriseId: string, employeeIds: readonly string[]): Promise<Set<string>> {
  if (!employeeIds.length) return new Set();
  const rules = (await currentRules(db, { enterpriseId }, TRAINING_RULES)).value;
  return new Set(await untrainedIds(db, enterpriseId, employeeIds, rules.inductionLevels));
}

/** Records that these people were trained before joining (evidence attachment id), in the caller's transaction, with its audit row. */
export async function recordPriorTraining(
  tx: Tx, ctx: Ctx, enterpriseId: string, employeeIds: readonly string[], evidence: { attachmentId: string | null; note: string },
): Promise<void> {
  const ids = [...new Set(employeeIds)];
  if (!ids.length) return;
  await upsertPrior(tx, enterpriseId, ids, { attachment_id: evidence.attachmentId, note: evidence.note.slice(0, 500), by: ctx.actor?.userId ?? null, now: ctx.now });
  await writeAudit(tx, ctx, {
    action: 'training.prior.record', entityType: 'enterprise', entityId: enterpriseId, enterpriseId,
    after: { employeeIds: ids, attachmentId: evidence.attachmentId, note: evidence.note },
  });
}

/**
 * Per-enterprise figures at `at` (its local day and year): one statement for the people with their hours, one for the
 * signed quarters, besides the enterprises' sector and the districts' rule-sets. Enterprises unknown are left out.
 */
export async function trainingFacts(db: Executor, enterpriseIds: readonly string[], at: Date): Promise<Map<string, TrainingFacts>> {
  const out = new Map<string, TrainingFacts>();
  const ids = [...new Set(enterpriseIds)];
  if (!ids.length) return out;
  const today = localDay(at);
  const year = localYear(at);
  const [enterprises, rulesByDistrict, reviews] = await Promise.all([
    db.selectFrom('enterprises').select(['id', 'district_id', 'industry_code']).where('id', 'in', ids).execute(),
    currentRulesByDistrict(db, TRAINING_RULES),
    reviewedQuarters(db, ids, year),
  ]);
  const ctxOf = new Map(enterprises.map((e) => {
    const rules = (rulesByDistrict.get(e.district_id)?.value) ?? TRAINING_RULES.defaults;
    return [e.id, { rules, highRisk: rules.highRiskIndustries.includes(e.industry_code) }];
  }));
  // One statement per initial window in force (one district: one statement).
  const byWindow = new Map<number, string[]>();
  for (const e of enterprises) {
    const w = ctxOf.get(e.id)!.rules.initialWindowDays;
    byWindow.set(w, [...(byWindow.get(w) ?? []), e.id]);
  }
  const rows = (await Promise.all([...byWindow].map(([w, group]) =>
    personRows(db, systemScope, group, { yearFrom: `${year}-01-01`, initialFrom: initialFrom(today, w), today })))).flat();
  for (const e of enterprises) out.set(e.id, { people: 0, shortfallPeople: 0, legalEducationCovered: 0, hoursThisYear: 0, planReviewedQuarters: 0 });
  for (const r of rows) {
    const f = out.get(r.enterprise_id);
    const c = ctxOf.get(r.enterprise_id);
    if (!f || !c) continue;
    const s = shortfallOf(
      { role: roleOf(r), hireDate: r.hire_date, allHours: Number(r.all_hours), yearHours: Number(r.year_hours), openRetraining: r.open_retraining },
      { minimums: c.rules.minimums, highRisk: c.highRisk, today, initialWindowDays: c.rules.initialWindowDays },
    );
    f.people++;
    if (s.short) f.shortfallPeople++;
    if (r.legal_year) f.legalEducationCovered++;
    f.hoursThisYear = round1(f.hoursThisYear + Number(r.year_hours));
  }
  for (const r of reviews) {
    const f = out.get(r.enterprise_id);
    if (f) f.planReviewedQuarters = Number(r.n);
  }
  return out;
}
