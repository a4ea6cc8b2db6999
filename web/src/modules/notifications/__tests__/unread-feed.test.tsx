import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { announceNotificationsChanged } from '../api/notifications.api';
import { createUnreadFeed, POLL_MS, RECONNECT_MS, STREAM_URL, type TabChannel, type TabDeps } from '../api/unread-feed';

/** A stand-in for the browser's EventSource: the test opens it, sends counts, breaks it. */
class FakeSource {
  static all: FakeSource[] = [];
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private readonly handlers = new Map<string, ((e: Event) => void)[]>();
  constructor(readonly url: string, readonly init?: EventSourceInit) {
    FakeSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: Event) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  count(n: number) {
    for (const fn of this.handlers.get('count') ?? []) fn(new MessageEvent('count', { data: JSON.stringify({ count: n }) }));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
}

const live = () => FakeSource.all.filter((s) => !s.closed);

/**
 * The tabs of one browser: a lock held by one tab at a time (queued requests, abortable) and a channel that delivers a
 * message to every other tab — as Web Locks and BroadcastChannel do.
 */
function fakeBrowser() {
  const channels = new Set<TabChannel>();
  const queue: { signal: AbortSignal; hold: () => Promise<void>; done: (v?: unknown) => void }[] = [];
  let held = false;
  const next = () => {
    if (held) return;
    const waiting = queue.shift();
    if (!waiting) return;
    if (waiting.signal.aborted) return next();
    held = true;
    void waiting.hold().then(() => { held = false; waiting.done(); next(); });
  };
  const tabs = (): TabDeps => ({
    lead: (signal, hold) => new Promise((done) => {
      queue.push({ signal, hold, done });
      signal.addEventListener('abort', () => done(undefined));
      next();
    }),
    channel: () => {
      const c: TabChannel = {
        onmessage: null,
        postMessage: (data) => { for (const o of channels) if (o !== c) o.onmessage?.(new MessageEvent('message', { data })); },
        close: () => { channels.delete(c); },
      };
      channels.add(c);
      return c;
    },
  });
  return { tabs };
}

beforeEach(() => {
  FakeSource.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the bell\'s unread feed (issue 14)', () => {
  test('one stream per tab however many listen; each count it pushes reaches every listener', async () => {
    const unreadCount = vi.fn(async () => ({ count: 3 }));
    const feed = createUnreadFeed({ unreadCount, eventSource: () => FakeSource as never });
    const a: number[] = [];
    const b: number[] = [];
    const offA = feed.subscribe((n) => a.push(n));
    const offB = feed.subscribe((n) => b.push(n));
    expect(FakeSource.all).toHaveLength(1);
    expect(FakeSource.all[0]!.url).toBe(STREAM_URL);
    FakeSource.all[0]!.open();
    FakeSource.all[0]!.count(4);
    // The first read's answer (3) comes after the pushed count: it is older, and dropped.
    await vi.advanceTimersByTimeAsync(0);
    expect(a.at(-1)).toBe(4);
    expect(b.at(-1)).toBe(4);
    // While the stream is open nothing polls.
    unreadCount.mockClear();
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(unreadCount).not.toHaveBeenCalled();
    offA();
    expect(live()).toHaveLength(1);
    offB();
    expect(live()).toHaveLength(0);
  });

  test('a broken stream falls back to the 30 s poll and reconnects with backoff; once open again, the poll stops', async () => {
    const unreadCount = vi.fn(async () => ({ count: 7 }));
    const feed = createUnreadFeed({ unreadCount, eventSource: () => FakeSource as never });
    const seen: number[] = [];
    const off = feed.subscribe((n) => seen.push(n));
    FakeSource.all[0]!.open();
    unreadCount.mockClear();
    FakeSource.all[0]!.fail();
    expect(FakeSource.all[0]!.closed).toBe(true);
    expect(feed.live()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(unreadCount).toHaveBeenCalledTimes(1);
    expect(seen.at(-1)).toBe(7);
    // Not before the first wait, then a new stream.
    await vi.advanceTimersByTimeAsync(RECONNECT_MS[0] - 1);
    expect(FakeSource.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSource.all).toHaveLength(2);
    // It fails too: the next wait is longer; meanwhile the poll runs every 30 s.
    FakeSource.all[1]!.fail();
    await vi.advanceTimersByTimeAsync(RECONNECT_MS[1] - 1);
    expect(FakeSource.all).toHaveLength(2);
    unreadCount.mockClear();
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(FakeSource.all).toHaveLength(3);
    expect(unreadCount).toHaveBeenCalledTimes(1);
    FakeSource.all[2]!.open();
    expect(feed.live()).toBe(true);
    unreadCount.mockClear();
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(unreadCount).not.toHaveBeenCalled();
    off();
  });

  test('after the last reconnection fails the poll alone goes on; without EventSource the feed polls from the start', async () => {
    const unreadCount = vi.fn(async () => ({ count: 1 }));
    const feed = createUnreadFeed({ unreadCount, eventSource: () => FakeSource as never });
    const off = feed.subscribe(() => undefined);
    for (const wait of RECONNECT_MS) {
      FakeSource.all.at(-1)!.fail();
      await vi.advanceTimersByTimeAsync(wait);
    }
    const opened = FakeSource.all.length;
    FakeSource.all.at(-1)!.fail();
    await vi.advanceTimersByTimeAsync(RECONNECT_MS.at(-1)! * 2);
    expect(FakeSource.all).toHaveLength(opened);
    unreadCount.mockClear();
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(unreadCount).toHaveBeenCalledTimes(1);
    off();

    const polled = vi.fn(async () => ({ count: 2 }));
    const old = createUnreadFeed({ unreadCount: polled, eventSource: () => undefined });
    const offOld = old.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(polled).toHaveBeenCalledTimes(3);
    offOld();
  });

  test('a change made in this tab (NOTIFICATIONS_CHANGED) recounts at once', async () => {
    const unreadCount = vi.fn(async () => ({ count: 5 }));
    const feed = createUnreadFeed({ unreadCount, eventSource: () => FakeSource as never });
    const off = feed.subscribe(() => undefined);
    FakeSource.all[0]!.open();
    unreadCount.mockClear();
    announceNotificationsChanged();
    expect(unreadCount).toHaveBeenCalledTimes(1);
    off();
    announceNotificationsChanged();
    expect(unreadCount).toHaveBeenCalledTimes(1);
  });

  test('the bell shows the pushed count, exact on data-count past 99', async () => {
    vi.stubGlobal('EventSource', FakeSource);
    vi.resetModules();
    const { NotificationBell } = await import('../components/NotificationBell');
    const { notificationsApi } = await import('../api/notifications.api');
    const { withRouterAndI18n } = await import('../../../app/testing');
    vi.spyOn(notificationsApi, 'unreadCount').mockResolvedValue({ count: 0 });
    render(withRouterAndI18n(<NotificationBell />));
    await act(async () => { await vi.advanceTimersByTimeAsync(0); });
    const source = FakeSource.all.at(-1)!;
    await act(async () => {
      source.open();
      source.count(120);
    });
    expect(screen.getByTestId('notification-bell').getAttribute('data-count')).toBe('120');
  });

  test('the tabs of one browser share one stream: the leader\'s counts reach the others, and another tab takes over when it closes', async () => {
    const browser = fakeBrowser();
    const unreadCount = vi.fn(async () => ({ count: 1 }));
    const tabA = createUnreadFeed({ unreadCount, eventSource: () => FakeSource as never, tabs: browser.tabs() });
    const tabB = createUnreadFeed({ unreadCount, eventSource: () => FakeSource as never, tabs: browser.tabs() });
    const a: number[] = [];
    const b: number[] = [];
    const offA = tabA.subscribe((n) => a.push(n));
    tabB.subscribe((n) => b.push(n));
    await vi.advanceTimersByTimeAsync(0);
    // One stream for both tabs: a browser's few connections per site stay free for requests.
    expect(live()).toHaveLength(1);
    live()[0]!.open();
    live()[0]!.count(7);
    expect(a.at(-1)).toBe(7);
    expect(b.at(-1)).toBe(7);
    expect(tabB.live()).toBe(false);
    // The leading tab closes: the other one opens the stream and goes on alone.
    offA();
    await vi.advanceTimersByTimeAsync(0);
    expect(live()).toHaveLength(1);
    live()[0]!.open();
    live()[0]!.count(9);
    expect(b.at(-1)).toBe(9);
    expect(tabB.live()).toBe(true);
    expect(FakeSource.all).toHaveLength(2);
  });
});

