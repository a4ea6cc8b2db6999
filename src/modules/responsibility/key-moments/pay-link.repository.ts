import type { Executor, Tx } from '../../../platform/db/database';
import { enterpriseInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { PAY_LINK_FILE_OWNER, payLinkVisibleTo, type Viewer } from './key-moment.policy';

/* The pay–safety link's SQL (R-RESP-7): one record a year, read by the managers and the regulators (`payLinkVisibleTo`). */

export async function payLinkRows(db: Executor, viewer: Viewer, enterpriseId: string) {
  return db.selectFrom('pay_links as pl').leftJoin('users as u', 'u.id', 'pl.recorded_by')
    .select(['pl.id', 'pl.year', 'pl.description', 'pl.recorded_at', 'u.display_name as recorded_by_name'])
    .where('pl.enterprise_id', '=', enterpriseId).where(payLinkVisibleTo(viewer, 'pl'))
    .orderBy('pl.year', 'desc').execute();
}

export async function payLinkOfYear(db: Executor, scope: AnyScope, enterpriseId: string, year: number) {
  return db.selectFrom('pay_links').select('id').where('enterprise_id', '=', enterpriseId).where('year', '=', year)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
}

export async function insertPayLink(tx: Tx, scope: AnyScope, enterpriseId: string, v: { year: number; description: string; by: string; at: Date }): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const row = await tx.insertInto('pay_links').values({ enterprise_id: enterpriseId, year: v.year, description: v.description, recorded_by: v.by, recorded_at: v.at })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The pay link a file is evidence of, if the viewer sees it. */
export async function payLinkOfFile(db: Executor, viewer: Viewer, enterpriseId: string, fileId: string) {
  return db.selectFrom('attachment_links as l')
    .innerJoin('pay_links as pl', (j) => j.onRef('pl.enterprise_id', '=', 'l.enterprise_id').onRef('pl.id', '=', 'l.owner_id'))
    .select('pl.id')
    .where('l.enterprise_id', '=', enterpriseId).where('l.attachment_id', '=', fileId).where('l.owner_type', '=', PAY_LINK_FILE_OWNER)
    .where(payLinkVisibleTo(viewer, 'pl')).executeTakeFirst();
}
