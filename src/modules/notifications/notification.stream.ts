import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadSession, SESSION_COOKIE } from '../../platform/auth/session';
import type { Db } from '../../platform/db/database';
import type { BellSignals } from '../../platform/outbox';
import { countUnread, type Recipient } from './notification.repository';

/*
 * The bell's live stream (issue 14: an accident reaches the regulator's bell within seconds). A server-sent-events
 * stream of the signed-in user's own unread count: sent when the stream opens, again whenever the outbox's dispatcher
 * signals that it wrote notifications for this user (or the user read some), and re-read at every heartbeat, which
 * also ends the stream when the session has ended. With several instances on PostgreSQL, the signals of the others
 * come through LISTEN/NOTIFY (`BellSignals.acrossInstances`): a notification dispatched by another instance reaches
 * this stream within moments; only while this instance's listener reconnects does it wait for a heartbeat
 * (README "Notifications").
 */

/** A comment line keeps proxies from closing an idle stream, and the count is re-read (news a lost signal missed). */
export const HEARTBEAT_MS = 25_000;
/** How long a browser waits before it reconnects a stream that dropped (the `retry:` field). */
const RETRY_MS = 3_000;
/** Streams one person may hold open at once (one per tab); past that, the caller gets the count once and polls. */
export const MAX_STREAMS_PER_USER = 8;

type Stream = { end: () => void };

/** The open streams of one server, ended together when it shuts down. */
export class BellStreams {
  private readonly open = new Set<Stream>();

  constructor(private readonly db: Db, private readonly bells: BellSignals, private readonly now: () => Date, private readonly heartbeatMs = HEARTBEAT_MS) {}

  get size(): number {
    return this.open.size;
  }

  /** Whether the caller asked for the event stream (a browser's EventSource sends this Accept header). */
  static wanted(req: FastifyRequest): boolean {
    return (req.headers.accept ?? '').includes('text/event-stream');
  }

  /** True when `userId` may open one more stream. */
  admits(userId: string): boolean {
    return this.bells.listeners(userId) < MAX_STREAMS_PER_USER;
  }

  /**
   * Takes the response over and streams the caller's unread count, starting with `first`. The response is written by
   * hand, past Fastify's onSend hooks: compression would buffer the events, so the stream is never compressed.
   */
  serve(req: FastifyRequest, reply: FastifyReply, who: Recipient, first: number): void {
    const { userId } = who;
    reply.hijack();
    const res = reply.raw;
    // The headers set so far (the request id, the security headers) go with the stream.
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx and similar proxies pass the events on as they come instead of buffering them.
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    let last = first;
    let ended = false;
    let reading = false;
    let again = false;
    const token = req.cookies[SESSION_COOKIE] ?? '';
    const send = (count: number) => {
      last = count;
      res.write(`event: count\ndata: ${JSON.stringify({ count })}\n\n`);
    };
    // One read at a time; signals that come during a read make one more read after it.
    const recount = async () => {
      if (ended) return;
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const count = await countUnread(this.db, who);
          if (!ended && count !== last) send(count);
        } while (again && !ended);
      } catch (err) {
        req.log.error({ err }, 'bell stream: count failed');
      } finally {
        reading = false;
      }
    };
    const heartbeat = setInterval(() => {
      void (async () => {
        // The session may have ended (sign-out, expiry, a disabled account): the stream ends with it.
        const actor = await loadSession(this.db, token, this.now()).catch(() => null);
        if (!actor || actor.userId !== userId) return stream.end();
        if (!ended) res.write(': heartbeat\n\n');
        await recount();
      })();
    }, this.heartbeatMs);
    const unsubscribe = this.bells.subscribe(userId, () => { void recount(); });
    const stream: Stream = {
      end: () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        this.open.delete(stream);
        res.end();
      },
    };
    this.open.add(stream);
    res.on('close', stream.end);
    res.write(`retry: ${RETRY_MS}\n`);
    send(first);
  }

  /** Ends every stream (the server is shutting down; browsers reconnect to another instance or when it is back). */
  endAll(): void {
    for (const s of [...this.open]) s.end();
  }
}
