import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../../platform/db/database';
import { listPage, searchWhere } from '../../../platform/db/list-query';
import { addLocalDays, startOfLocalDay } from '../../../platform/time';
import type { InsurerNoticeQuery } from './followup.schema';

/*
 * 安责险 (issue 14 §4): the accidents notified to an insurer, read by its staff. A notice belongs to the insurer of the
 * policy in force on the accident's day (`institution_id`), whatever the policy's state today: an insurer keeps the
 * claims of a policy that has since ended. Nothing else of the enterprise is reached from here.
 */

function noticeColumns(db: Executor, institutionId: string) {
  return db.selectFrom('accident_insurance_notices as n')
    .innerJoin('accidents as a', (j) => j.onRef('a.enterprise_id', '=', 'n.enterprise_id').onRef('a.id', '=', 'n.accident_id'))
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .innerJoin('liability_policies as p', (j) => j.onRef('p.enterprise_id', '=', 'n.enterprise_id').onRef('p.id', '=', 'n.policy_id'))
    .leftJoin('accident_investigations as v', (j) => j.onRef('v.enterprise_id', '=', 'n.enterprise_id').onRef('v.accident_id', '=', 'n.accident_id'))
    .where('n.institution_id', '=', institutionId);
}

const LIST_COLUMNS = [
  'n.id', 'n.enterprise_id', 'e.name as enterprise_name', 'n.accident_id', 'a.occurred_at', 'a.summary', 'a.grade', 'a.deaths', 'a.missing',
  'a.serious_injuries', 'a.minor_injuries', 'a.direct_loss', 'p.policy_number', 'n.created_at', 'v.status as investigation_status',
] as const;

/** One page of the insurer's notices, newest accident first; filtered by grade, the accident's local days and the enterprise's name. */
export async function insurerNoticePage(db: Executor, institutionId: string, q: InsurerNoticeQuery) {
  let base = noticeColumns(db, institutionId);
  if (q.grade) base = base.where('a.grade', '=', q.grade);
  if (q.from) base = base.where('a.occurred_at', '>=', startOfLocalDay(q.from));
  if (q.to) base = base.where('a.occurred_at', '<', startOfLocalDay(addLocalDays(q.to, 1)));
  if (q.q) base = base.where(sql<SqlBool>`${searchWhere(q.q, ['e.name', { column: 'e.credit_code', upper: true }])}`);
  return listPage(base, {
    select: (qb) => qb.select([...LIST_COLUMNS]),
    sort: { map: { occurredAt: 'a.occurred_at' }, key: 'occurredAt', order: q.order === 'asc' ? 'asc' : 'desc', tiebreak: ['n.id'] },
    page: q.page, pageSize: q.pageSize,
  });
}
export type InsurerNoticeRow = Awaited<ReturnType<typeof insurerNoticePage>>['items'][number];

/** One notice of the insurer, with the accident's place, the policy's period and the investigation's outcome; null when not its. */
export async function findInsurerNotice(db: Executor, institutionId: string, id: string) {
  return (await noticeColumns(db, institutionId).leftJoin('users as nb', 'nb.id', 'n.created_by')
    .select([...LIST_COLUMNS, 'a.place', 'e.credit_code', 'p.starts_on', 'p.ends_on', 'nb.display_name as notified_by_name', 'v.conducted_by',
      'v.concluded_at', 'v.responsibility_accident', 'v.lessons'])
    .where('n.id', '=', id).executeTakeFirst()) ?? null;
}
