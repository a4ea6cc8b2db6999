import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import { t, type Locale } from '../i18n/messages';
import type { NotifyPayload } from '../outbox';

/** Outbox batches (of 200) one pass of the runner dispatches at most; the rest waits for the next pass. */
const OUTBOX_BATCHES_PER_TICK = 50;

export type JobContext = { db: Db; now: Date; jobId: string };
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;
type Schedule = { name: string; everyMs: number; job: string; payload: unknown };
type Logger = { info: (o: object, m?: string) => void; error: (o: object, m?: string) => void };

/**
 * A job runner over the application database. Jobs are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * instances can run it; a scheduled job's slot is recorded once (primary key), so only one instance runs each slot.
 * The same tick dispatches the outbox written by business transactions.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: Schedule[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  readonly instanceId = randomUUID();

  constructor(
    private readonly db: Db,
    private readonly opts: { pollMs: number; now?: () => Date; log?: Logger },
  ) {}

  setLogger(log: Logger): void {
    this.opts.log = log;
  }

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  /** Runs job `job` once per `everyMs` slot across all instances. */
  schedule(name: string, everyMs: number, job: string, payload: unknown = {}): void {
    this.schedules.push({ name, everyMs, job, payload });
  }

  start(): void {
    if (this.timer) return;
    const loop = () => {
      this.running = this.tick()
        .then(() => undefined, (err: unknown) => this.opts.log?.error({ err }, 'job tick failed'))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(loop, this.opts.pollMs);
        });
    };
    this.timer = setTimeout(loop, this.opts.pollMs);
  }
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * One pass: enqueue due scheduled jobs, run every due job, dispatch the outbox — batch after batch, so a backlog (a
   * daily job's reminders to a whole district) is delivered in the same pass, up to OUTBOX_BATCHES_PER_TICK batches.
   * Tests call it directly.
   */
  async tick(): Promise<{ ran: number; dispatched: number }> {
    await this.enqueueScheduled();
    let ran = 0;
    while (await this.runOne()) ran++;
    let dispatched = 0;
    for (let batch = 0; batch < OUTBOX_BATCHES_PER_TICK; batch++) {
      const n = await this.dispatchOutbox();
      dispatched += n;
      if (n === 0) break;
    }
    return { ran, dispatched };
  }

  async enqueue(tx: Tx | Db, name: string, payload: unknown = {}, runAt?: Date): Promise<void> {
    await tx.insertInto('jobs').values({ name, payload: JSON.stringify(payload), run_at: runAt ?? this.now() }).execute();
  }

  private async enqueueScheduled(): Promise<void> {
    const now = this.now();
    for (const s of this.schedules) {
      const slot = String(Math.floor(now.getTime() / s.everyMs));
      await this.db.transaction().execute(async (tx) => {
        const won = await tx.insertInto('job_schedule_runs').values({ name: s.name, slot })
          .onConflict((oc) => oc.columns(['name', 'slot']).doNothing()).returning('name').executeTakeFirst();
        if (won) await this.enqueue(tx, s.job, s.payload, now);
      });
    }
  }

  private async runOne(): Promise<boolean> {
    const now = this.now();
    // A job left running by a crashed instance for 10 minutes becomes pending again.
    await this.db.updateTable('jobs').set({ state: 'pending', locked_by: null, locked_at: null })
      .where('state', '=', 'running').where('locked_at', '<', new Date(now.getTime() - 600_000)).execute();
    const job = await this.db.updateTable('jobs')
      .set({ state: 'running', locked_by: this.instanceId, locked_at: now, attempts: sql`attempts + 1` })
      .where('id', '=', (eb) => eb.selectFrom('jobs').select('id').where('state', '=', 'pending').where('run_at', '<=', now)
        .orderBy('run_at').limit(1).forUpdate().skipLocked())
      .returningAll().executeTakeFirst();
    if (!job) return false;
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload, { db: this.db, now, jobId: String(job.id) });
      await this.db.updateTable('jobs').set({ state: 'done', finished_at: this.now(), last_error: null }).where('id', '=', job.id).execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retry = job.attempts < job.max_attempts;
      // Exponential backoff: 2^attempts seconds.
      await this.db.updateTable('jobs').set({
        state: retry ? 'pending' : 'failed',
        last_error: message.slice(0, 2000),
        run_at: new Date(now.getTime() + 1000 * 2 ** job.attempts),
        finished_at: retry ? null : this.now(),
        locked_by: null,
      }).where('id', '=', job.id).execute();
      this.opts.log?.error({ job: job.name, id: job.id, err: message }, 'job failed');
    }
    return true;
  }

  /** Turns pending outbox messages into in-app notifications, in the recipient's language. */
  async dispatchOutbox(limit = 200): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const msgs = await tx.selectFrom('outbox').selectAll().where('processed_at', 'is', null).orderBy('id').limit(limit)
        .forUpdate().skipLocked().execute();
      if (msgs.length === 0) return 0;
      const notifies = msgs.filter((m) => m.topic === 'notify').map((m) => m.payload as NotifyPayload);
      const userIds = [...new Set(notifies.map((n) => n.userId))];
      const locales = new Map<string, string>();
      if (userIds.length > 0) {
        for (const u of await tx.selectFrom('users').select(['id', 'locale']).where('id', 'in', userIds).execute()) locales.set(u.id, u.locale);
      }
      const rows = notifies.filter((n) => locales.has(n.userId)).map((n) => {
        const locale = (locales.get(n.userId) === 'en-US' ? 'en-US' : 'zh-CN') as Locale;
        return {
          user_id: n.userId,
          kind: n.kind,
          title: t(locale, n.titleKey, n.params),
          body: t(locale, n.bodyKey, n.params),
          link: n.link ?? null,
          // Kept so the reader sees the text in the language they read it in (issue 10).
          title_key: n.titleKey, body_key: n.bodyKey, params: JSON.stringify(n.params ?? {}) as unknown as Record<string, string | number>,
        };
      });
      if (rows.length > 0) await tx.insertInto('notifications').values(rows).execute();
      await tx.updateTable('outbox').set({ processed_at: this.now() }).where('id', 'in', msgs.map((m) => m.id)).execute();
      return msgs.length;
    });
  }
}
