import assert from 'node:assert/strict';
import http from 'node:http';
import { DEMO_PASSWORD } from '../src/seed/demo';

/*
 * Reading a server-sent event stream as a browser's EventSource would, for the tests of the bell's live stream (one
 * instance, and two instances on one PostgreSQL database). A real loopback server: the stream is a long response,
 * which an injected request cannot follow.
 */

export type StreamEvent = { event: string; data: unknown };

export type EventStream = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Every event received so far, in order. */
  events: StreamEvent[];
  /** The bell counts received so far (the `count` of each event that carries one). */
  counts: () => number[];
  /** The next event not yet taken by `next`, or null after `ms` without one. */
  next: (ms?: number) => Promise<StreamEvent | null>;
  /** Settles when the server ends the response. */
  ended: Promise<void>;
  close: () => void;
};

/** Opens `url` with the session `cookie` and parses its events as they come. */
export function openEventStream(url: string, cookie: string, headers: http.OutgoingHttpHeaders = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie, accept: 'text/event-stream', ...headers } }, (res) => {
      const events: StreamEvent[] = [];
      let taken = 0;
      const waiting: ((e: StreamEvent | null) => void)[] = [];
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const lines = buf.slice(0, i).split('\n');
          buf = buf.slice(i + 2);
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          // A comment (the heartbeat) or a block without both is not an event.
          if (!event || data === undefined) continue;
          events.push({ event, data: JSON.parse(data) as unknown });
          const w = waiting.shift();
          if (w) w(events[taken++]!);
        }
      });
      const ended = new Promise<void>((r) => res.on('end', () => r()));
      resolve({
        status: res.statusCode ?? 0, headers: res.headers, events, ended, close: () => req.destroy(),
        counts: () => events.flatMap((e) => {
          const count = (e.data as { count?: unknown } | null)?.count;
          return typeof count === 'number' ? [count] : [];
        }),
        next: (ms = 3000) => new Promise((r) => {
          if (taken < events.length) return r(events[taken++]!);
          const timer = setTimeout(() => { waiting.splice(waiting.indexOf(done), 1); r(null); }, ms);
          const done = (x: StreamEvent | null) => { clearTimeout(timer); r(x); };
          waiting.push(done);
        }),
      });
    });
    req.on('error', reject);
  });
}

/** Signs `username` in with the demo password through `app` and returns the session's cookie header. */
export async function sessionCookie(app: { inject: (o: { method: 'POST'; url: string; payload: object }) => Promise<{ statusCode: number; body: string; cookies: { name: string; value: string }[] }> }, username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  return res.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
}
