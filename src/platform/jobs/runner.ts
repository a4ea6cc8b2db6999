import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import { t, type Locale } from '../i18n/messages';
import { BellSignals, onOutboxWritten, type NotifyPayload } from '../outbox';

/** Outbox batches (of 200) one pass of the runner dispatches at most; the rest waits for the next pass. */
const OUTBOX_BATCHES_PER_TICK = 50;
/**
 * After a commit that wrote outbox messages the runner dispatches this soon (issue 14: an accident reaches the
 * regulator's bell within seconds), gathering the commits of these milliseconds into one pass.
 */
const WAKE_DEBOUNCE_MS = 5;
/** A message handed to its topic's handler is not handed out again for this long (an instance that died meanwhile). */
const OUTBOX_LEASE_MS = 600_000;
/** Attempts of a topic's handler per message, unless the topic says otherwise. */
const OUTBOX_MAX_ATTEMPTS = 5;

/** `log`: the platform logger, once the server has set it (setLogger). */
export type JobContext = { db: Db; now: Date; jobId: string; log?: Logger };
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;
type Schedule = { name: string; everyMs: number; job: string; payload: unknown };
export type OutboxContext = { db: Db; now: Date; messageId: string; attempt: number };
/** Delivers one outbox message of a topic; throws to be tried again later (with backoff), until its attempts run out. */
export type OutboxHandler = (payload: unknown, ctx: OutboxContext) => Promise<void>;
type Topic = { handler: OutboxHandler; maxAttempts: number };
type Claimed = { id: string; topic: string; payload: unknown; attempts: number };
type Logger = { info: (o: object, m?: string) => void; error: (o: object, m?: string) => void };

/**
 * A job runner over the application database. Jobs are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * instances can run it; a scheduled job's slot is recorded once (primary key), so only one instance runs each slot.
 * The same tick dispatches the outbox written by business transactions.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: Schedule[] = [];
  private readonly topics = new Map<string, Topic>();
  private timer: NodeJS.Timeout | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  private outboxPoll: NodeJS.Timeout | null = null;
  private started = false;
  private unsubscribe: (() => void) | null = null;
  /** The poll's ticks, one after another. */
  private chain: Promise<void> = Promise.resolve();
  /**
   * The wake-ups' dispatches, one after another, beside the ticks: a long job (a daily pass over a district) does not
   * hold back a notification. Two dispatches at once are safe (SKIP LOCKED).
   */
  private outboxChain: Promise<void> = Promise.resolve();
  readonly instanceId = randomUUID();
  /**
   * Whose bell changed: the dispatcher wakes the users it wrote notifications for (the bell's live stream listens) and,
   * on PostgreSQL, tells the other instances in the same transaction (`bells.acrossInstances`, started with the app).
   */
  readonly bells = new BellSignals();

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

  /**
   * Delivers outbox messages of `topic` through `handler` (the dispatcher writes `notify` itself). A message is handed
   * to the handler after the batch that claimed it has committed, never inside it, so a slow provider holds no lock
   * and no connection; a failure is tried again after 2^attempt seconds, up to `maxAttempts` in all.
   */
  handleTopic(topic: string, handler: OutboxHandler, opts: { maxAttempts?: number } = {}): void {
    if (topic === 'notify') throw new Error('the notify topic is the dispatcher\'s own');
    this.topics.set(topic, { handler, maxAttempts: opts.maxAttempts ?? OUTBOX_MAX_ATTEMPTS });
  }

  /** Runs job `job` once per `everyMs` slot across all instances. */
  schedule(name: string, everyMs: number, job: string, payload: unknown = {}): void {
    this.schedules.push({ name, everyMs, job, payload });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const loop = () => {
      this.timer = null;
      void this.serial(() => this.tick()).then(() => undefined, (err: unknown) => this.opts.log?.error({ err }, 'job tick failed'))
        .finally(() => {
          if (this.started) this.timer = setTimeout(loop, this.opts.pollMs);
        });
    };
    this.timer = setTimeout(loop, this.opts.pollMs);
    this.unsubscribe = onOutboxWritten(() => this.wake());
    // Messages written by SQL (INSERT … SELECT) announce nothing: the outbox is also looked at every poll interval,
    // whatever the ticks are doing.
    this.outboxPoll = setInterval(() => this.wake(), this.opts.pollMs);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.outboxPoll) clearInterval(this.outboxPoll);
    this.timer = null;
    this.wakeTimer = null;
    this.outboxPoll = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await Promise.all([this.chain, this.outboxChain]);
  }

  /**
   * Dispatches the outbox soon, rather than at the next poll: called after a commit that wrote outbox messages. Calls
   * within a few milliseconds make one pass; a pass already waiting covers those that come before it starts. Does
   * nothing on a runner that was not started (tests call `tick()` themselves).
   */
  wake(): void {
    if (!this.started || this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      const run = this.outboxChain.then(async () => {
        // From here on, a new commit schedules a pass of its own: this one may already have read past it.
        this.wakeTimer = null;
        await this.dispatchBacklog();
      });
      this.outboxChain = run.then(() => undefined, (err: unknown) => this.opts.log?.error({ err }, 'outbox dispatch failed'));
    }, WAKE_DEBOUNCE_MS);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.then(() => undefined, () => undefined);
    return run;
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
    return { ran, dispatched: await this.dispatchBacklog() };
  }

  private async dispatchBacklog(): Promise<number> {
    let dispatched = 0;
    for (let batch = 0; batch < OUTBOX_BATCHES_PER_TICK; batch++) {
      const n = await this.dispatchOutbox();
      dispatched += n;
      if (n === 0) break;
    }
    return dispatched;
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
      await handler(job.payload, { db: this.db, now, jobId: String(job.id), log: this.opts.log });
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

  /**
   * One batch of the outbox: `notify` messages become in-app notifications in the recipient's language, in the same
   * transaction that marks them processed (and NOTIFYs the other instances); the bells of their recipients in this
   * process are woken once it has committed. Messages of other topics are claimed in it (leased) and handed to their
   * topic's handler after it. A topic nobody handles is marked processed with the reason. Returns how many messages the
   * batch took.
   */
  async dispatchOutbox(limit = 200): Promise<number> {
    const now = this.now();
    const batch = await this.db.transaction().execute(async (tx) => {
      const msgs = await tx.selectFrom('outbox').select(['id', 'topic', 'payload', 'attempts']).where('processed_at', 'is', null)
        .where((eb) => eb.or([eb('run_at', 'is', null), eb('run_at', '<=', now)]))
        .orderBy('id').limit(limit).forUpdate().skipLocked().execute();
      if (msgs.length === 0) return null;
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
      if (rows.length > 0) {
        await tx.insertInto('notifications').values(rows).execute();
        // Issue 14: the other instances hear of it exactly when these rows are committed (PostgreSQL's NOTIFY).
        await this.bells.announce(tx, rows.map((r) => r.user_id));
      }
      const handled = msgs.filter((m) => m.topic !== 'notify' && this.topics.has(m.topic));
      const unhandled = msgs.filter((m) => m.topic !== 'notify' && !this.topics.has(m.topic));
      const done = msgs.filter((m) => m.topic === 'notify').map((m) => m.id);
      if (done.length) await tx.updateTable('outbox').set({ processed_at: now }).where('id', 'in', done).execute();
      if (unhandled.length) {
        await tx.updateTable('outbox').set({ processed_at: now, last_error: 'no handler for this topic' }).where('id', 'in', unhandled.map((m) => m.id)).execute();
      }
      if (handled.length) {
        await tx.updateTable('outbox').set({ run_at: new Date(now.getTime() + OUTBOX_LEASE_MS), attempts: sql<number>`attempts + 1` })
          .where('id', 'in', handled.map((m) => m.id)).execute();
      }
      return { taken: msgs.length, notified: rows.map((r) => r.user_id), handled: handled as Claimed[] };
    });
    if (!batch) return 0;
    if (batch.notified.length) this.bells.wake(batch.notified);
    for (const m of batch.handled) await this.deliver(m, now);
    return batch.taken;
  }

  /** Hands one claimed message to its topic's handler and records the outcome: processed, or tried again later. */
  private async deliver(m: Claimed, now: Date): Promise<void> {
    const topic = this.topics.get(m.topic)!;
    const attempt = m.attempts + 1;
    try {
      await topic.handler(m.payload, { db: this.db, now, messageId: m.id, attempt });
      await this.db.updateTable('outbox').set({ processed_at: this.now(), run_at: null, last_error: null }).where('id', '=', m.id).execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const last = attempt >= topic.maxAttempts;
      // Exponential backoff, as for jobs: 2^attempt seconds.
      await this.db.updateTable('outbox').set({
        last_error: message.slice(0, 2000),
        run_at: last ? null : new Date(now.getTime() + 1000 * 2 ** attempt),
        processed_at: last ? this.now() : null,
      }).where('id', '=', m.id).execute();
      this.opts.log?.error({ topic: m.topic, id: m.id, attempt, err: message }, 'outbox delivery failed');
    }
  }
}
