import { sql } from 'kysely';
import type { Ctx } from '../auth/actor';
import type { Config } from '../config';
import type { Db, Tx } from '../db/database';
import type { JobRunner } from '../jobs/runner';
import { enqueueOutbox } from '../outbox';
import { alertDriverOf, type AlertDriver } from './alert.drivers';

export { recordedAlerts, type AlertDriver, type OutgoingAlert } from './alert.drivers';

/*
 * Alerts that leave the browser (issue 14: an accident must reach people who are not looking at a screen). A business
 * transaction writes its alerts with the record (`enqueueAlerts`) and one outbox message of topic `alert` for each;
 * the outbox's handler for that topic delivers it through the configured driver (SMS, 企业微信, 钉钉, log, or the
 * recording driver of tests and trials) soon after the commit, records every attempt, and is tried again with backoff
 * (2^attempt seconds) until the alert is sent or its attempts run out.
 */

/** The outbox topic of alerts. */
export const ALERT_TOPIC = 'alert';
/** The job that sent alerts before they moved to the outbox: kept so jobs queued by an older version still deliver. */
export const ALERT_JOB = 'alert.send';
/** Attempts per alert before it is marked failed. */
export const ALERT_MAX_ATTEMPTS = 5;

/** An alert to write: to an account (its phone is looked up now) or to a phone number (a duty phone). */
export type NewAlert = { kind: string; enterpriseId: string | null; userId?: string | null; phone?: string; label?: string; text: string; link?: string | null };

/** The phone of each account: its employee record's, else (a principal's) the enterprise's principal phone. */
async function phonesOf(tx: Tx, userIds: string[]): Promise<Map<string, { phone: string; label: string }>> {
  if (!userIds.length) return new Map();
  const rows = await tx.selectFrom('users as u')
    .leftJoin('employees as em', (j) => j.onRef('em.enterprise_id', '=', 'u.enterprise_id').onRef('em.id', '=', 'u.employee_id'))
    .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
    .select(['u.id', 'u.display_name', 'u.role', 'em.phone as employee_phone', 'e.principal_phone'])
    .where('u.id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.id, {
    phone: r.employee_phone || (r.role === 'enterprise_principal' ? r.principal_phone ?? '' : ''),
    label: r.display_name,
  }]));
}

/** Writes alerts in the caller's transaction with an outbox message each, which sends it. Returns how many were written. */
export async function enqueueAlerts(tx: Tx, ctx: Pick<Ctx, 'now'>, alerts: readonly NewAlert[]): Promise<number> {
  if (!alerts.length) return 0;
  const phones = await phonesOf(tx, [...new Set(alerts.flatMap((a) => (a.userId ? [a.userId] : [])))]);
  const rows = alerts.map((a) => {
    const known = a.userId ? phones.get(a.userId) : undefined;
    return {
      enterprise_id: a.enterpriseId, kind: a.kind, recipient_user_id: a.userId ?? null,
      recipient_phone: a.phone || known?.phone || '', recipient_label: a.label || known?.label || '',
      text: a.text.slice(0, 1000), link: a.link ?? null, created_at: ctx.now,
    };
  });
  const ids = await tx.insertInto('alert_messages').values(rows).returning('id').execute();
  await enqueueOutbox(tx, ids.map((r) => ({ topic: ALERT_TOPIC, payload: { alertId: r.id } })));
  return ids.length;
}

/** Sends the pending alerts among `ids`; throws when some remain pending, so the runner retries the job later. */
export async function deliverAlerts(db: Db, driver: AlertDriver, ids: readonly string[], now: Date): Promise<{ sent: number; pending: number }> {
  if (!ids.length) return { sent: 0, pending: 0 };
  const alerts = await db.selectFrom('alert_messages').select(['id', 'recipient_phone', 'recipient_label', 'text', 'link', 'attempts'])
    .where('id', 'in', [...ids]).where('status', '=', 'pending').execute();
  let sent = 0;
  let pending = 0;
  for (const a of alerts) {
    let error: string | null = null;
    try {
      await driver.send({ id: a.id, phone: a.recipient_phone, label: a.recipient_label, text: a.text, link: a.link });
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    }
    const attempts = a.attempts + 1;
    const status = error === null ? 'sent' : attempts >= ALERT_MAX_ATTEMPTS ? 'failed' : 'pending';
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('alert_attempts').values({ alert_id: a.id, driver: driver.name, at: now, ok: error === null, error }).execute();
      await tx.updateTable('alert_messages').set({ status, attempts: sql<number>`attempts + 1`, sent_at: error === null ? now : null }).where('id', '=', a.id).execute();
    });
    if (status === 'sent') sent++;
    if (status === 'pending') pending++;
  }
  if (pending) throw new Error(`${pending} alert(s) not delivered yet`);
  return { sent, pending };
}

/** Mounts the alert topic of the outbox on the runner with the configured driver (src/app.ts). */
export function registerAlertJobs(jobs: JobRunner, config: Config, log?: { info: (o: object, m?: string) => void }): void {
  const driver = alertDriverOf(config, log);
  // deliverAlerts throws while the alert is pending, so the outbox tries again; it stops when the alert is sent or
  // has failed its ALERT_MAX_ATTEMPTS, so the message's attempts end with the alert's.
  jobs.handleTopic(ALERT_TOPIC, async (payload, { db, now }) => {
    const id = ((payload ?? {}) as { alertId?: unknown }).alertId;
    await deliverAlerts(db, driver, typeof id === 'string' ? [id] : [], now);
  }, { maxAttempts: ALERT_MAX_ATTEMPTS });
  jobs.register(ALERT_JOB, async (payload, { db, now }) => {
    const ids = ((payload ?? {}) as { ids?: unknown }).ids;
    await deliverAlerts(db, driver, Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [], now);
  });
}
