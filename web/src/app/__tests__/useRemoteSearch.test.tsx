import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { useRemoteSearch } from '../useRemoteSearch';

describe('useRemoteSearch (every search-as-you-type picker)', () => {
  test('loads once for what was typed last, cancels the request it replaces, and keeps the error', async () => {
    const calls: { q: string | undefined; signal: AbortSignal }[] = [];
    const load = vi.fn((q: string | undefined, signal: AbortSignal) => {
      calls.push({ q, signal });
      return q === 'bad' ? Promise.reject(new Error('refused')) : Promise.resolve([`${q ?? ''}1`, `${q ?? ''}2`]);
    });
    const { result } = renderHook(() => useRemoteSearch(load, 'e1'));
    await waitFor(() => expect(result.current.options).toEqual(['1', '2']));
    expect(calls.map((c) => c.q)).toEqual([undefined]);
    act(() => { result.current.search('a'); });
    act(() => { result.current.search('ab'); });
    await waitFor(() => expect(result.current.options).toEqual(['ab1', 'ab2']));
    // Typing fast sends only the last query.
    expect(calls.map((c) => c.q)).toEqual([undefined, 'ab']);
    act(() => { result.current.search('bad'); });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    expect(result.current.options).toEqual([]);
    expect(result.current.loading).toBe(false);
  });
});
