import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database';
import { enterpriseInScope, type AnyScope } from '../../../platform/db/scope';

/**
 * What the responsibility overview reads of its sibling sub-domains' tables (letters/, the same module): this year's
 * all-staff letter campaign and the current signed commitment of each enterprise, scoped by the enterprise.
 */
export async function letterFigures(db: Executor, scope: AnyScope, enterpriseIds: readonly string[], year: number) {
  if (!enterpriseIds.length) return [];
  const r = await sql<{ enterprise_id: string; status: string; roster: number; done: number }>`
    select c.enterprise_id, c.status,
      count(l.id) filter (where not l.late_hire)::int as roster,
      count(l.id) filter (where not l.late_hire and l.status in ('signed', 'paper', 'left'))::int as done
      from letter_campaigns c left join letters l on l.enterprise_id = c.enterprise_id and l.campaign_id = c.id
     where c.enterprise_id = any(${sql.val([...enterpriseIds])}::uuid[]) and c.year = ${year} and c.kind = 'responsibility'
       and ${enterpriseInScope(scope, 'c.enterprise_id')}
     group by c.enterprise_id, c.id, c.status`.execute(db);
  return r.rows;
}

export async function currentCommitments(db: Executor, scope: AnyScope, enterpriseIds: readonly string[]) {
  if (!enterpriseIds.length) return [];
  return db.selectFrom('safety_commitments').select(['enterprise_id', 'year', 'signed_at'])
    .where('enterprise_id', 'in', [...enterpriseIds]).where('status', '=', 'signed').where(enterpriseInScope(scope, 'enterprise_id')).execute();
}
