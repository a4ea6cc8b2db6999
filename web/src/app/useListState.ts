import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TablePaginationConfig } from 'antd/es/table/interface';
import type { Query } from './api';

type Values = Record<string, string | undefined>;

/** The part of antd's SorterResult we read; any row type fits. */
type SorterLike = { columnKey?: unknown; field?: unknown; order?: 'ascend' | 'descend' | null };

export type ListState = {
  page: number;
  pageSize: number;
  sort: string | undefined;
  order: 'asc' | 'desc' | undefined;
  filters: Values;
  /** Everything to send to a list endpoint. */
  query: Query;
  /** Changes filters and goes back to page 1. */
  setFilters: (patch: Values) => void;
  /** For antd Table's onChange: pagination and sorting. */
  onTableChange: (pagination: TablePaginationConfig, filters: unknown, sorter: SorterLike | SorterLike[]) => void;
  /** antd sortOrder for a column. */
  sortOrderOf: (column: string) => 'ascend' | 'descend' | null;
};

type Options = {
  /** url: the state lives in the address bar (links and back work); local: in the component (embedded lists). */
  sync: 'url' | 'local';
  filterKeys: readonly string[];
  defaultPageSize?: number;
  /** Sent when the user has not sorted (the audit log reads newest first). */
  defaultOrder?: 'asc' | 'desc';
  initial?: Values;
};

const PAGING_KEYS = ['page', 'pageSize', 'sort', 'order'] as const;

export function useListState({ sync, filterKeys, defaultPageSize = 20, defaultOrder, initial = {} }: Options): ListState {
  const [searchParams, setSearchParams] = useSearchParams();
  const [local, setLocal] = useState<Values>(initial);

  const read: Values = useMemo(() => {
    if (sync === 'local') return local;
    const out: Values = {};
    for (const key of [...PAGING_KEYS, ...filterKeys]) {
      const v = searchParams.get(key);
      if (v !== null && v !== '') out[key] = v;
    }
    return out;
  }, [sync, local, searchParams, filterKeys]);

  const write = useCallback((patch: Values) => {
    if (sync === 'local') {
      setLocal((prev) => ({ ...prev, ...patch }));
      return;
    }
    setSearchParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      return next;
    }, { replace: false });
  }, [sync, setSearchParams]);

  const page = Math.max(1, Number(read.page ?? 1) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(read.pageSize ?? defaultPageSize) || defaultPageSize));
  const sort = read.sort;
  const order = read.order === 'asc' || read.order === 'desc' ? read.order : undefined;

  return useMemo<ListState>(() => {
    const filters: Values = {};
    for (const k of filterKeys) filters[k] = read[k];
    return {
      page,
      pageSize,
      sort,
      order,
      filters,
      query: { page, pageSize, sort, order: sort ? order : defaultOrder, ...filters },
      setFilters: (patch) => write({ ...patch, page: undefined }),
      onTableChange: (pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = s?.order ? String(s.columnKey ?? s.field ?? '') : '';
        const nextSort = field || undefined;
        const nextOrder = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : undefined;
        const sortChanged = nextSort !== sort || nextOrder !== order;
        write({
          page: sortChanged ? undefined : String(pagination.current ?? 1),
          pageSize: pagination.pageSize && pagination.pageSize !== defaultPageSize ? String(pagination.pageSize) : undefined,
          sort: nextSort,
          order: nextOrder,
        });
      },
      sortOrderOf: (column) => (sort === column ? (order === 'desc' ? 'descend' : order === 'asc' ? 'ascend' : null) : null),
    };
  }, [page, pageSize, sort, order, read, filterKeys, write, defaultPageSize, defaultOrder]);
}
