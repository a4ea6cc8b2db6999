import { z } from 'zod';
import type { Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { forbidden } from '../../../platform/errors';
import { districtIdOf } from '../../reference';
import { CONTROL_LEVELS, DEFAULT_RISK_RULES, DIRECT_CONDITIONS, type RiskRuleSet } from '../points/risk-grading';

const bands = z.object({ g1: z.number().positive(), g2: z.number().nonnegative(), g3: z.number().nonnegative() })
  .refine((b) => b.g1 > b.g2 && b.g2 > b.g3, { message: 'bands must decrease: g1 > g2 > g3' });
const level = z.enum(CONTROL_LEVELS as [string, ...string[]]);
export const riskRuleSetSchema = z.object({
  lec: bands,
  ls: bands,
  mes: bands,
  directConditions: z.array(z.enum(DIRECT_CONDITIONS)),
  controlLevel: z.object({ 1: level, 2: level, 3: level, 4: level }),
  reassessMonths: z.object({ 1: z.number().int().min(1).max(60), 2: z.number().int().min(1).max(60), 3: z.number().int().min(1).max(60), 4: z.number().int().min(1).max(60) }),
});

export type VersionedRules = { version: number; rules: RiskRuleSet; createdAt: Date | null; note: string };

/** The rule-set in force for a district: the newest version, or version 0 = the defaults from RULES.md. */
export async function currentRiskRules(db: Executor, districtId: string): Promise<VersionedRules> {
  const row = await db.selectFrom('rule_sets').selectAll().where('district_id', '=', districtId).where('kind', '=', 'risk')
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { version: 0, rules: DEFAULT_RISK_RULES, createdAt: null, note: '' };
  return { version: row.version, rules: row.rules as RiskRuleSet, createdAt: row.created_at, note: row.note };
}

export async function enterpriseDistrict(db: Executor, enterpriseId: string): Promise<string> {
  const e = await db.selectFrom('enterprises').select('district_id').where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  return e.district_id;
}

/** The rule-set in force for the caller's district, so forms can preview a grade before saving. */
export async function currentRulesFor(db: Db, ctx: Ctx): Promise<VersionedRules> {
  const districtId = await districtIdOf(db, ctx);
  if (!districtId) throw forbidden();
  return currentRiskRules(db, districtId);
}

export async function listRiskRuleVersions(db: Db, ctx: Ctx) {
  const actor = requireActor(ctx);
  const districtId = actor.scope.kind === 'district' ? actor.scope.districtId : null;
  if (!districtId) throw forbidden();
  const current = await currentRiskRules(db, districtId);
  const history = await db.selectFrom('rule_sets').select(['version', 'note', 'created_at']).where('district_id', '=', districtId).where('kind', '=', 'risk').orderBy('version', 'desc').execute();
  return { current, history: history.map((h) => ({ version: h.version, note: h.note, createdAt: h.created_at })) };
}

/** An edit never changes a version in place: it appends the next version, so graded records keep their meaning. */
export async function saveRiskRules(db: Db, ctx: Ctx, input: { rules: RiskRuleSet; note: string }) {
  const actor = requireActor(ctx);
  if (actor.scope.kind !== 'district') throw forbidden();
  const districtId = actor.scope.districtId;
  return db.transaction().execute(async (tx) => {
    const current = await currentRiskRules(tx, districtId);
    const version = current.version + 1;
    await tx.insertInto('rule_sets').values({ district_id: districtId, kind: 'risk', version, rules: JSON.stringify(input.rules), note: input.note, created_by: actor.userId }).execute();
    await writeAudit(tx, ctx, { action: 'risk.rules.update', entityType: 'rule_set', entityId: `risk:${version}`, before: current.rules, after: input.rules });
    return { version, rules: input.rules, createdAt: ctx.now, note: input.note };
  });
}
