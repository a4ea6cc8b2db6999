import { sql } from 'kysely';
import type { Executor, Tx } from '../../../platform/db/database';
import { enterpriseInScope, orgUnitInScope, type AnyScope } from '../../../platform/db/scope';
import { unitPathLabel } from '../../org';

/*
 * R-RISK-7, issue 12 §2: the acknowledgements of the posts' risk-notice cards (risk_card_acks, migration 0103). A
 * person is on a post through employee_posts; the rows people are counted by are the active ones.
 */

/** The roster person of an account in its enterprise (null for an account that is nobody on the roster). */
export async function employeeOfUser(db: Executor, userId: string, enterpriseId: string): Promise<string | null> {
  return (await db.selectFrom('users').select('employee_id').where('id', '=', userId).where('enterprise_id', '=', enterpriseId).executeTakeFirst())?.employee_id ?? null;
}

/** The posts an active person is on, with their units (for his phone). */
export async function postsOfEmployee(db: Executor, enterpriseId: string, employeeId: string) {
  return db.selectFrom('employee_posts as ep')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'ep.enterprise_id').onRef('e.id', '=', 'ep.employee_id'))
    .innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ep.enterprise_id').onRef('p.id', '=', 'ep.post_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'p.enterprise_id').onRef('u.id', '=', 'p.org_unit_id'))
    .select(['p.id', 'p.name', 'u.name as org_unit_name', unitPathLabel('u').as('unit_path_name')])
    .where('ep.enterprise_id', '=', enterpriseId).where('ep.employee_id', '=', employeeId).where('e.status', '=', 'active')
    .orderBy('u.path').orderBy('p.name').execute();
}

/** What one person acknowledged last, post by post. */
export async function acksOfEmployee(db: Executor, enterpriseId: string, employeeId: string) {
  return db.selectFrom('risk_card_acks').select(['post_id', 'content_sha256', 'acknowledged_at', 'signature_id'])
    .where('enterprise_id', '=', enterpriseId).where('employee_id', '=', employeeId).execute();
}

/**
 * The person's place on the post, locked: acknowledgements of one card by one person are taken one at a time. An
 * inactive person, or one not on the post, finds nothing.
 */
export async function lockPlacement(tx: Tx, enterpriseId: string, employeeId: string, postId: string) {
  return tx.selectFrom('employee_posts as ep')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'ep.enterprise_id').onRef('e.id', '=', 'ep.employee_id'))
    .select(['ep.employee_id', 'e.name'])
    .where('ep.enterprise_id', '=', enterpriseId).where('ep.employee_id', '=', employeeId).where('ep.post_id', '=', postId).where('e.status', '=', 'active')
    .forUpdate('ep').executeTakeFirst();
}

/** Whether the scope sees the person (a unit leader: in his branch) on this post, active. */
export async function placementInScope(db: Executor, scope: AnyScope, enterpriseId: string, employeeId: string, postId: string): Promise<boolean> {
  const r = await db.selectFrom('employee_posts as ep')
    .innerJoin('employees as e', (j) => j.onRef('e.enterprise_id', '=', 'ep.enterprise_id').onRef('e.id', '=', 'ep.employee_id'))
    .select('ep.employee_id')
    .where('ep.enterprise_id', '=', enterpriseId).where('ep.employee_id', '=', employeeId).where('ep.post_id', '=', postId).where('e.status', '=', 'active')
    .where(enterpriseInScope(scope, 'ep.enterprise_id')).where(orgUnitInScope(scope, 'e.enterprise_id', 'e.org_unit_id'))
    .executeTakeFirst();
  return r !== undefined;
}

export async function ackOf(db: Executor, enterpriseId: string, postId: string, employeeId: string) {
  return db.selectFrom('risk_card_acks').select(['content_sha256', 'acknowledged_at', 'acks'])
    .where('enterprise_id', '=', enterpriseId).where('post_id', '=', postId).where('employee_id', '=', employeeId).executeTakeFirst();
}

/** Stores what the person acknowledged now, replacing what he acknowledged before (history: audit and signatures). */
export async function saveAck(tx: Tx, row: { enterpriseId: string; postId: string; employeeId: string; sha256: string; at: Date; by: string; signatureId: string | null; acks: number }) {
  await tx.insertInto('risk_card_acks').values({
    enterprise_id: row.enterpriseId, post_id: row.postId, employee_id: row.employeeId, content_sha256: row.sha256,
    acknowledged_at: row.at, acknowledged_by: row.by, signature_id: row.signatureId, acks: row.acks,
  }).onConflict((oc) => oc.columns(['enterprise_id', 'post_id', 'employee_id']).doUpdateSet({
    content_sha256: row.sha256, acknowledged_at: row.at, acknowledged_by: row.by, signature_id: row.signatureId, acks: row.acks,
  })).execute();
}

export type PlacementRow = {
  employee_id: string; name: string; org_unit_id: string; org_unit_name: string; unit_path: string; unit_path_name: string;
  post_id: string; post_name: string; post_unit_path_name: string; has_account: boolean; content_sha256: string | null;
};

/**
 * Every active person on a post that the scope sees (a unit leader: the people of his branch, as the documents' rates
 * are narrowed), with his unit, whether he has an account and what he acknowledged last of that post's card.
 */
export async function placements(db: Executor, scope: AnyScope, enterpriseId: string): Promise<PlacementRow[]> {
  const r = await sql<PlacementRow>`select e.id as employee_id, e.name, u.id as org_unit_id, u.name as org_unit_name, u.path as unit_path,
      ${unitPathLabel('u')} as unit_path_name, p.id as post_id, p.name as post_name, ${unitPathLabel('pu')} as post_unit_path_name,
      exists (select 1 from users us where us.enterprise_id = e.enterprise_id and us.employee_id = e.id and not us.disabled) as has_account,
      a.content_sha256
    from employee_posts ep
    join employees e on e.enterprise_id = ep.enterprise_id and e.id = ep.employee_id and e.status = 'active'
    join org_units u on u.enterprise_id = e.enterprise_id and u.id = e.org_unit_id
    join posts p on p.enterprise_id = ep.enterprise_id and p.id = ep.post_id
    join org_units pu on pu.enterprise_id = p.enterprise_id and pu.id = p.org_unit_id
    left join risk_card_acks a on a.enterprise_id = ep.enterprise_id and a.post_id = ep.post_id and a.employee_id = ep.employee_id
    where ep.enterprise_id = ${enterpriseId} and ${enterpriseInScope(scope, 'ep.enterprise_id')}
      and ${orgUnitInScope(scope, 'e.enterprise_id', 'e.org_unit_id')}
    order by u.path, e.name, e.id, pu.path, p.name`.execute(db);
  return r.rows;
}
