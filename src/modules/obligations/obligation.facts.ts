import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { addWorkingDays, loadWorkCalendar, yearOf } from '../../platform/calendar';
import type { Executor } from '../../platform/db/database';

import type { ObligationParams } from '../../platform/obligations';
import { needsSizeClass } from '../../platform/obligations/obligation.rules';
import { currentRules } from '../../platform/rules';
import { addLocalDays } from '../../platform/time';
import { ENTERPRISE_ATTRIBUTE_RULES, enterpriseAttributesIn, keyIndustryWhere } from '../org';
import { appliesSql } from './obligation.repository';

/**
 * What the engine reads of other machinery: the enterprise attributes (RULES.md §8, the org module's derivation, never
 * a flag of its own) and the official working-day calendar (platform/calendar).
 */

/** RULES.md §8: the SQL condition "the enterprise `e` is in a key industry" under the district's rule-set. */
export async function keyIndustryOf(db: Executor, districtId: string): Promise<RawBuilder<SqlBool>> {
  const rules = await currentRules(db, districtId, ENTERPRISE_ATTRIBUTE_RULES);
  return keyIndustryWhere(rules.value, 'e');
}

/** The enterprises of the district whose derived size class a definition names (null: it names none). */
export async function sizeEligibleIds(db: Executor, districtId: string, params: ObligationParams): Promise<string[] | null> {
  if (!needsSizeClass(params)) return null;
  const classes = params.applies.sizeClasses ?? [];
  const all = await enterpriseAttributesIn(db, { kind: 'district', districtId });
  return all.filter((a) => classes.includes(a.sizeClass)).map((a) => a.enterpriseId);
}

/** Whether one enterprise owes a definition, by the same condition the daily job uses. */
export async function enterpriseApplies(db: Executor, districtId: string, enterpriseId: string, params: ObligationParams): Promise<boolean> {
  const cond = appliesSql(params.applies, await keyIndustryOf(db, districtId), await sizeEligibleIds(db, districtId, params));
  const r = await sql<{ ok: boolean }>`select ${cond} as ok from enterprises e join industries i on i.code = e.industry_code where e.id = ${enterpriseId}`.execute(db);
  return r.rows[0]?.ok === true;
}

/**
 * The due day N days after an event's local day, or N working days on the official calendar (issue 11 §1): a year whose
 * calendar is not loaded counts weekdays only and the date is provisional.
 */
export async function dueAfterEvent(db: Executor, day: string, days: number, workingDays: boolean): Promise<{ day: string; provisional: boolean }> {
  if (!workingDays) return { day: addLocalDays(day, days), provisional: false };
  const y = yearOf(day);
  const cal = await loadWorkCalendar(db, y, y + 1 + Math.ceil(days / 200));
  return addWorkingDays(cal, day, days);
}


