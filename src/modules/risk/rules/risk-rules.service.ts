import type { Ctx } from '../../../platform/auth/actor';
import type { Db, Executor } from '../../../platform/db/database';
import { forbidden } from '../../../platform/errors';
import { currentRules } from '../../../platform/rules';
import { getRuleSet, saveRuleSet } from '../../../platform/rules/rules.service';
import type { RiskRuleSet } from '../points/risk-grading';
import { RISK_RULES } from './risk-rules';

export { riskRuleSetSchema } from './risk-rules';

/*
 * The risk rule-set on the generic rule-set store (platform/rules). The routes under /risk/rules answer in their
 * original shape (`rules` for the value) so existing clients keep working; the admin screen uses /rules/risk.
 */

export type VersionedRules = { version: number; rules: RiskRuleSet; createdAt: Date | null; note: string };

/** The rule-set in force for a district: the newest version, or version 0 = the defaults from RULES.md. */
export async function currentRiskRules(db: Executor, districtId: string): Promise<VersionedRules> {
  const r = await currentRules(db, districtId, RISK_RULES);
  return { version: r.version, rules: r.value, createdAt: r.createdAt, note: r.note };
}

/** The rule-set in force for the caller's district, so forms can preview a grade before saving. */
export async function currentRulesFor(db: Db, ctx: Ctx): Promise<VersionedRules> {
  if (!ctx.actor) throw forbidden();
  const r = await currentRules(db, ctx, RISK_RULES);
  return { version: r.version, rules: r.value, createdAt: r.createdAt, note: r.note };
}

export async function listRiskRuleVersions(db: Db, ctx: Ctx) {
  const r = await getRuleSet(db, ctx, RISK_RULES.name);
  return {
    current: { version: r.current.version, rules: RISK_RULES.schema.parse(r.current.value), createdAt: r.current.createdAt, note: r.current.note },
    history: r.history.map((h) => ({ version: h.version, note: h.note, createdAt: h.createdAt })),
  };
}

/** An edit never changes a version in place: it appends the next version, so graded records keep their meaning. */
export async function saveRiskRules(db: Db, ctx: Ctx, input: { rules: RiskRuleSet; note: string }) {
  const saved = await saveRuleSet(db, ctx, RISK_RULES.name, { value: input.rules, note: input.note });
  return { version: saved.version, rules: RISK_RULES.schema.parse(saved.value), createdAt: saved.createdAt, note: saved.note };
}
