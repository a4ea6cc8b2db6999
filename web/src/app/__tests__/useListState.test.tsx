import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, test } from 'vitest';
import { useListState } from '../useListState';

const FILTERS = ['q', 'status'] as const;

function inRouter(url: string) {
  return ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>;
}

function useListAndUrl(opts: Parameters<typeof useListState>[0]) {
  const list = useListState(opts);
  const location = useLocation();
  return { list, search: location.search };
}

describe('useListState', () => {
  test('reads page, size, sort and filters from the address bar and builds the query', () => {
    const { result } = renderHook(() => useListState({ sync: 'url', filterKeys: FILTERS }), {
      wrapper: inRouter('/x?page=3&pageSize=50&sort=code&order=asc&q=pump&other=1'),
    });
    expect(result.current.page).toBe(3);
    expect(result.current.pageSize).toBe(50);
    expect(result.current.filters).toEqual({ q: 'pump', status: undefined });
    expect(result.current.query).toEqual({ page: 3, pageSize: 50, sort: 'code', order: 'asc', q: 'pump', status: undefined });
    expect(result.current.sortOrderOf('code')).toBe('ascend');
    expect(result.current.sortOrderOf('name')).toBe(null);
  });

  test('bad numbers fall back to page 1 and the default size; the size is capped at 200', () => {
    const { result } = renderHook(() => useListState({ sync: 'url', filterKeys: FILTERS, defaultPageSize: 10 }), {
      wrapper: inRouter('/x?page=-4&pageSize=5000'),
    });
    expect(result.current.page).toBe(1);
    expect(result.current.pageSize).toBe(200);
    const other = renderHook(() => useListState({ sync: 'url', filterKeys: FILTERS, defaultPageSize: 10 }), { wrapper: inRouter('/x?page=abc&pageSize=x') });
    expect(other.result.current.page).toBe(1);
    expect(other.result.current.pageSize).toBe(10);
  });

  test('changing a filter goes back to page 1 and writes the address bar', () => {
    const { result } = renderHook(() => useListAndUrl({ sync: 'url', filterKeys: FILTERS }), { wrapper: inRouter('/x?page=4&q=old') });
    act(() => result.current.list.setFilters({ status: 'open', q: '' }));
    expect(result.current.list.page).toBe(1);
    expect(result.current.list.filters).toEqual({ q: undefined, status: 'open' });
    expect(result.current.search).toBe('?status=open');
  });

  test('a table page change keeps the sort; a sort change goes back to page 1', () => {
    const { result } = renderHook(() => useListState({ sync: 'local', filterKeys: FILTERS }), { wrapper: inRouter('/x') });
    act(() => result.current.onTableChange({ current: 2, pageSize: 20 }, {}, { columnKey: 'code', order: 'descend' }));
    // The sort changed: page 1, whatever the pagination says.
    expect(result.current.page).toBe(1);
    expect(result.current.sort).toBe('code');
    expect(result.current.order).toBe('desc');
    act(() => result.current.onTableChange({ current: 3, pageSize: 20 }, {}, { columnKey: 'code', order: 'descend' }));
    expect(result.current.page).toBe(3);
    expect(result.current.query).toMatchObject({ page: 3, sort: 'code', order: 'desc' });
    act(() => result.current.onTableChange({ current: 3, pageSize: 20 }, {}, { columnKey: 'code', order: null }));
    expect(result.current.sort).toBeUndefined();
    expect(result.current.page).toBe(1);
  });

  test('the default order is sent only when the user has not sorted', () => {
    const { result } = renderHook(() => useListState({ sync: 'local', filterKeys: [], defaultOrder: 'desc' }), { wrapper: inRouter('/x') });
    expect(result.current.query.order).toBe('desc');
    act(() => result.current.onTableChange({ current: 1, pageSize: 20 }, {}, { field: 'at', order: 'ascend' }));
    expect(result.current.query).toMatchObject({ sort: 'at', order: 'asc' });
  });

  test('local state starts from `initial` and leaves the address bar alone', () => {
    const { result } = renderHook(() => useListAndUrl({ sync: 'local', filterKeys: FILTERS, initial: { status: 'done' } }), { wrapper: inRouter('/x?q=url') });
    expect(result.current.list.filters).toEqual({ q: undefined, status: 'done' });
    act(() => result.current.list.setFilters({ q: 'local' }));
    expect(result.current.list.filters.q).toBe('local');
    expect(result.current.search).toBe('?q=url');
  });
});
