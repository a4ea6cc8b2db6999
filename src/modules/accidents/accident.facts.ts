import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { currentRules } from '../../platform/rules';
import { localInstant } from '../../platform/time';
import { ACCIDENT_RULES } from './reports/accidents.rule-sets';

/**
 * An enterprise's accidents of a calendar year (near misses left out) as the standardisation self-assessment's element
 * 5.7 reads them (R-STD-1): how many, how many reached the regulators within the limit from the unit head's notice
 * (R-ACC-2, the [cfg] minutes of the rule-set in force), and how many have a concluded investigation. Accidents after
 * `at` are not counted (a past year is read at its end).
 */
export type AccidentFacts = { accidents: number; reportedInTime: number; investigated: number };

export async function accidentFacts(db: Executor, enterpriseId: string, year: number, at: Date): Promise<AccidentFacts> {
  const limit = (await currentRules(db, { enterpriseId }, ACCIDENT_RULES)).value.lateReportMinutes;
  const from = localInstant(year, 0, 1);
  const to = localInstant(year + 1, 0, 1);
  const { rows } = await sql<{ accidents: number; in_time: number; investigated: number }>`
    select count(*)::int as accidents,
           (count(*) filter (where a.regulators_received_at is not null
              and a.regulators_received_at <= a.unit_head_informed_at + make_interval(mins => ${limit}::int)))::int as in_time,
           (count(*) filter (where i.status = 'concluded'))::int as investigated
      from accidents a
      left join accident_investigations i on i.enterprise_id = a.enterprise_id and i.accident_id = a.id
     where a.enterprise_id = ${enterpriseId} and a.kind = 'accident'
       and a.occurred_at >= ${from} and a.occurred_at < ${to} and a.occurred_at <= ${at}`.execute(db);
  const r = rows[0]!;
  return { accidents: r.accidents, reportedInTime: r.in_time, investigated: r.investigated };
}
