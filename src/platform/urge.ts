import { sql } from 'kysely';
import { describeScope, requireActor, type Ctx } from './auth/actor';
import { writeAudit } from './audit/audit';
import type { Db, Executor } from './db/database';
import { MANAGER_ROLES } from './directory';
import { AppError } from './errors';
import { defineMessages } from './i18n/messages';
import { startOfLocalDay, localDay } from './time';

/**
 * 催报: a regulator reminds the enterprises in scope that have not yet done something (submitted a report, filed a
 * plan) to do it. Their principal and safety managers are notified, and each enterprise's audit chain records the urge
 * (who, when, about what), in one transaction. The same office urges the same thing at most once a local day: the
 * audit rows are the record that says whether it already has.
 */
export type Urge = {
  /** The enterprises to remind, already narrowed to the caller's scope and to those that have not done it. */
  enterpriseIds: readonly string[];
  /** What the urge is about, as the audit names it: e.g. `hazard_report` + `month:2026-11`. */
  entityType: string;
  entityId: string;
  /** The notification: its kind (a module's), message keys and parameters; `{enterprise}` is filled per enterprise. */
  kind: string;
  titleKey: string;
  bodyKey: string;
  params: Record<string, string | number>;
  link: string;
};

export const urgeMessages = defineMessages({
  'urge.already': '今天已催报过，明天可再次催报',
  'urge.nobody': '没有需要催报的企业',
}, {
  'urge.already': 'Already urged today; you can urge again tomorrow',
  'urge.nobody': 'No enterprise needs urging',
});

/** When the caller's office last urged this today (local day), or null: the workbench greys its button out. */
export async function urgedToday(db: Executor, ctx: Ctx, entityType: string, entityId: string): Promise<Date | null> {
  const actor = requireActor(ctx);
  const row = await db.selectFrom('audit_log').select('at')
    .where('action', '=', 'urge').where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .where('actor_scope', '=', describeScope(actor.scope)).where('at', '>=', startOfLocalDay(localDay(ctx.now)))
    .orderBy('at', 'desc').limit(1).executeTakeFirst();
  return row?.at ?? null;
}

export async function urgeEnterprises(db: Db, ctx: Ctx, u: Urge): Promise<{ urged: number; notified: number }> {
  const actor = requireActor(ctx);
  if (u.enterpriseIds.length === 0) throw new AppError('STATE', { messageKey: 'urge.nobody', reason: 'NOTHING_TO_URGE' });
  const scope = describeScope(actor.scope);
  return db.transaction().execute(async (tx) => {
    // Serialise one office's urges of one thing, so two clicks at once send one round.
    await sql`select pg_advisory_xact_lock(hashtext(${`urge:${scope}:${u.entityType}:${u.entityId}`}))`.execute(tx);
    if (await urgedToday(tx, ctx, u.entityType, u.entityId)) throw new AppError('CONFLICT', { messageKey: 'urge.already', reason: 'ALREADY_URGED' });
    const inserted = await tx.insertInto('outbox').columns(['topic', 'payload']).expression(
      tx.selectFrom('users as usr').innerJoin('enterprises as e', 'e.id', 'usr.enterprise_id')
        .select([
          sql<string>`'notify'`.as('topic'),
          sql<string>`jsonb_build_object('userId', usr.id, 'kind', ${u.kind}::text, 'titleKey', ${u.titleKey}::text, 'bodyKey', ${u.bodyKey}::text,
            'link', ${u.link}::text, 'params', ${JSON.stringify(u.params)}::jsonb || jsonb_build_object('enterprise', e.name, 'by', ${actor.displayName}::text))`.as('payload'),
        ])
        .where('usr.role', 'in', MANAGER_ROLES).where('usr.disabled', '=', false)
        .where('e.id', 'in', [...u.enterpriseIds]),
    ).executeTakeFirst();
    for (const enterpriseId of [...u.enterpriseIds].sort()) {
      await writeAudit(tx, ctx, { action: 'urge', entityType: u.entityType, entityId: u.entityId, enterpriseId, after: { by: actor.displayName } });
    }
    return { urged: u.enterpriseIds.length, notified: Number(inserted.numInsertedOrUpdatedRows ?? 0) };
  });
}
