import { NOTIFICATIONS_CHANGED, notificationsApi } from './notifications.api';

/** The stream of the signed-in user's unread count (server-sent events, issue 14). */
export const STREAM_URL = '/api/v1/notifications/stream';
/** The poll used while the stream is down, and for good when it keeps failing. */
export const POLL_MS = 30_000;
/** Waits before reconnecting a failed stream, one per consecutive failure; after the last, the poll alone goes on. */
export const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000] as const;

type Listener = (count: number) => void;
type EventSourceLike = Pick<EventSource, 'close' | 'addEventListener' | 'readyState'> & { onopen: ((e: Event) => void) | null; onerror: ((e: Event) => void) | null };
/** A channel every tab of the site hears (BroadcastChannel); a message is not delivered back to its sender. */
export type TabChannel = { postMessage: (data: unknown) => void; close: () => void; onmessage: ((e: MessageEvent) => void) | null };
/**
 * How the tabs of one browser share one stream: `lead` waits until this tab holds the site-wide lock (Web Locks) and
 * keeps it until the returned promise of `hold` settles or `signal` aborts; `channel` carries the counts between tabs.
 */
export type TabDeps = {
  lead: (signal: AbortSignal, hold: () => Promise<void>) => Promise<unknown>;
  channel: () => TabChannel;
};
export type FeedDeps = {
  unreadCount: () => Promise<{ count: number }>;
  /** The browser's EventSource; absent (an old browser, a test), the feed polls. */
  eventSource?: () => (new (url: string, init?: EventSourceInit) => EventSourceLike) | undefined;
  /**
   * Absent, each tab opens its own stream. Present, one tab — the leader — holds the stream (or its poll) for all of
   * them and the others hear its counts: a browser keeps about six HTTP/1.1 connections per site, and a stream per tab
   * would starve the requests of someone with many tabs open. When the leader closes, another tab takes over.
   */
  tabs?: TabDeps;
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

  let channel: TabChannel | null = null;
  let leading: AbortController | null = null;
  let release: (() => void) | null = null;
  const tell = (count: number) => {
    last = count;
    for (const l of listeners) l(count);
  };
  // Every count this tab learns (pushed, polled, re-read) is told to the other tabs too.
  const emit = (count: number) => {
    tell(count);
    channel?.postMessage({ count });
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
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    document.addEventListener('visibilitychange', onVisible);
    if (!deps.tabs) {
      connect();
      return;
    }
    channel = deps.tabs.channel();
    channel.onmessage = (e) => {
      const count = (e.data as { count?: unknown } | null)?.count;
      if (typeof count !== 'number') return;
      pushed++;
      tell(count);
    };
    const me = new AbortController();
    leading = me;
    deps.tabs.lead(me.signal, () => new Promise<void>((done) => {
      if (me.signal.aborted) return done();
      release = done;
      connect();
    })).catch(() => undefined);
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
    leading?.abort();
    leading = null;
    release?.();
    release = null;
    channel?.close();
    channel = null;
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

/** The browser's way for tabs to share one stream, where it has one (Web Locks and BroadcastChannel). */
function browserTabs(): TabDeps | undefined {
  if (typeof navigator === 'undefined' || !navigator.locks || typeof BroadcastChannel === 'undefined') return undefined;
  return {
    lead: (signal, hold) => navigator.locks.request('safeduty.bell-stream', { signal }, hold),
    channel: () => new BroadcastChannel('safeduty.bell') as unknown as TabChannel,
  };
}

/** The tab's feed, shared by every bell, and with the other tabs through one leader's stream. */
export const unreadFeed = createUnreadFeed({
  unreadCount: () => notificationsApi.unreadCount(),
  eventSource: () => (typeof EventSource === 'undefined' ? undefined : EventSource),
  tabs: browserTabs(),
});
