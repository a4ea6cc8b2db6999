import { NOTIFICATIONS_CHANGED, notificationsApi } from './notifications.api';

/** The stream of the signed-in user's unread count (server-sent events, issue 14). */
export const STREAM_URL = '/api/v1/notifications/stream';
/** The poll used while the stream is down, and for good when it keeps failing. */
export const POLL_MS = 30_000;
/** Waits before reconnecting a failed stream, one per consecutive failure; after the last, the poll alone goes on. */
export const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000] as const;

type Listener = (count: number) => void;
type EventSourceLike = Pick<EventSource, 'close' | 'addEventListener' | 'readyState'> & { onopen: ((e: Event) => void) | null; onerror: ((e: Event) => void) | null };
export type FeedDeps = {
  unreadCount: () => Promise<{ count: number }>;
  /** The browser's EventSource; absent (an old browser, a test), the feed polls. */
  eventSource?: () => (new (url: string, init?: EventSourceInit) => EventSourceLike) | undefined;
};

export type UnreadFeed = {
  /** Calls `listener` with every new count (at once with the last one known); returns the unsubscribe. */
  subscribe: (listener: Listener) => () => void;
  /** Whether the live stream is open now (else the poll runs). */
  live: () => boolean;
};

/**
 * One feed per tab, however many bells listen: one stream, and the poll only while the stream is down. A stream that
 * fails is reconnected after 1, 2, 5, 10, 30, 60 s; after that the 30 s poll alone goes on until the page reloads. A
 * change made in this tab (NOTIFICATIONS_CHANGED) recounts at once.
 */
export function createUnreadFeed(deps: FeedDeps): UnreadFeed {
  const listeners = new Set<Listener>();
  let last: number | null = null;
  let source: EventSourceLike | null = null;
  let open = false;
  let failures = 0;
  let poll: number | null = null;
  let reconnect: number | null = null;

  const emit = (count: number) => {
    last = count;
    for (const l of listeners) l(count);
  };
  // A count the stream pushed is newer than the answer of a read that was already under way: that answer is dropped.
  let pushed = 0;
  const refresh = () => {
    const since = pushed;
    deps.unreadCount().then((r) => { if (pushed === since) emit(r.count); }, () => undefined);
  };
  const startPoll = () => {
    if (poll !== null) return;
    poll = window.setInterval(() => {
      if (!document.hidden) refresh();
    }, POLL_MS);
  };
  const stopPoll = () => {
    if (poll !== null) window.clearInterval(poll);
    poll = null;
  };
  const onVisible = () => {
    if (!document.hidden && !open) refresh();
  };

  const connect = () => {
    reconnect = null;
    const Source = deps.eventSource?.();
    if (!Source) {
      startPoll();
      return;
    }
    const es = new Source(STREAM_URL, { withCredentials: true });
    source = es;
    es.addEventListener('count', (e) => {
      const count = (JSON.parse((e as MessageEvent<string>).data) as { count?: unknown }).count;
      if (typeof count !== 'number') return;
      pushed++;
      emit(count);
    });
    es.onopen = () => {
      open = true;
      failures = 0;
      stopPoll();
    };
    es.onerror = () => {
      // The browser would retry by itself after a network error, not after a refusal (401, a proxy's error page):
      // this feed decides alike for both, with its own backoff, and polls meanwhile.
      es.close();
      if (source === es) source = null;
      open = false;
      startPoll();
      refresh();
      const wait = RECONNECT_MS[failures];
      failures++;
      if (wait !== undefined && listeners.size > 0) reconnect = window.setTimeout(connect, wait);
    };
  };

  const start = () => {
    failures = 0;
    refresh();
    connect();
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    document.addEventListener('visibilitychange', onVisible);
  };
  const stop = () => {
    source?.close();
    source = null;
    open = false;
    stopPoll();
    if (reconnect !== null) window.clearTimeout(reconnect);
    reconnect = null;
    window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
    document.removeEventListener('visibilitychange', onVisible);
  };

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      if (listeners.size === 1) start();
      else if (last !== null) listener(last);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    live: () => open,
  };
}

/** The tab's feed, shared by every bell. */
export const unreadFeed = createUnreadFeed({
  unreadCount: () => notificationsApi.unreadCount(),
  eventSource: () => (typeof EventSource === 'undefined' ? undefined : EventSource),
});
