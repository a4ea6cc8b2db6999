import { sql } from 'kysely';
import pg from 'pg';
import type { Executor } from './database';

/*
 * PostgreSQL's LISTEN/NOTIFY between the instances of one deployment. A listener holds a connection of its own, apart
 * from the pool: a pooled connection would be lent to a request, and a LISTEN lasts as long as its session. The
 * embedded engine is one process and needs none of this: its callers keep to their in-process path.
 */

/** A payload must be shorter than 8000 bytes (PostgreSQL's limit in its default build). */
export const NOTIFY_MAX_BYTES = 7999;
/** The first wait before reconnecting a dropped listener, doubled at each failure up to MAX_BACKOFF_MS. */
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;
/** How long closing waits for the server to see the connection off: a dead socket must not hold up a shutdown. */
const END_TIMEOUT_MS = 2_000;

type Logger = { info: (o: object, m?: string) => void; warn: (o: object, m?: string) => void };

/**
 * Sends `payload` on `channel`. Inside a transaction it is delivered when the transaction commits (and never if it
 * rolls back); outside one, at once.
 */
export async function notifyChannel(exec: Executor, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(exec);
}

export type ChannelListenerOptions = {
  /** The pool's own settings (host, credentials, TLS): the listener reaches the same database the same way. */
  connection: pg.ClientConfig;
  channel: string;
  onMessage: (payload: string) => void;
  /**
   * Called once the channel is listened to again after a drop: what was sent meanwhile is lost, so the caller
   * catches up (not called at the first connection).
   */
  onReconnect?: () => void;
  log?: Logger;
};

/**
 * One dedicated connection that LISTENs to a channel and passes each payload on. When the connection drops (a restart
 * of the server, a terminated backend, the network), it reconnects with exponential backoff until it is closed.
 */
export class ChannelListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  private connectedOnce = false;
  private closed = false;

  constructor(private readonly opts: ChannelListenerOptions) {}

  /** Whether the channel is being listened to right now. */
  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * Connects and listens. Resolves after the first attempt whatever its outcome: a database that refuses the listener
   * now is tried again in the background, and the server starts meanwhile (its streams still recount at heartbeats).
   */
  start(): Promise<void> {
    if (this.closed || this.client || this.connecting) return this.connecting ?? Promise.resolve();
    return this.connect();
  }

  private connect(): Promise<void> {
    const run = this.attempt().finally(() => { this.connecting = null; });
    this.connecting = run;
    return run;
  }

  private async attempt(): Promise<void> {
    const { channel } = this.opts;
    // Keep-alive probes find a connection the network silently dropped, which would otherwise wait for notifications
    // that never come.
    const client = new pg.Client({
      connectionTimeoutMillis: 10_000, ...this.opts.connection, keepAlive: true, keepAliveInitialDelayMillis: 30_000,
    });
    let gone = false;
    const lost = (err?: unknown) => {
      if (gone) return;
      gone = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.failures++;
      const wait = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (this.failures - 1));
      this.opts.log?.warn({ err, channel, retryInMs: wait }, 'listener connection lost');
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.connect();
      }, wait);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (m) => {
      if (m.channel === channel && m.payload !== undefined && !gone) this.opts.onMessage(m.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(channel)}`);
      // Once listening (not before: an await on an unreferenced socket may find the process gone), the listener keeps
      // no process alive by itself (the HTTP server does): one its owner forgot to close must not hang a CLI or a test.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    } catch (err) {
      lost(err);
      return;
    }
    if (gone) return;
    if (this.closed) {
      gone = true;
      await endWithin(client);
      return;
    }
    this.client = client;
    this.failures = 0;
    if (this.connectedOnce) {
      this.opts.log?.info({ channel }, 'listener reconnected');
      this.opts.onReconnect?.();
    }
    this.connectedOnce = true;
  }

  /** Stops listening and reconnecting; resolves once the connection is closed, or after a short wait at most. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    // A connection still being made is ended by its attempt, which sees `closed` when it gets through.
    if (this.connecting) await within(this.connecting);
    const client = this.client;
    this.client = null;
    if (client) await endWithin(client);
  }
}

/** Waits for `work`, or END_TIMEOUT_MS at most. */
async function within(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => { timer = setTimeout(resolve, END_TIMEOUT_MS); })]);
  clearTimeout(timer);
}

function endWithin(client: pg.Client): Promise<void> {
  return within(client.end().catch(() => undefined));
}
