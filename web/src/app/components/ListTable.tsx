import type { ReactNode } from 'react';
import { Empty, Table, type TableProps } from 'antd';
import type { AnyObject } from 'antd/es/_util/type';
import type { Page } from '../api';
import { useI18n } from '../i18n';
import { useIsMobile } from '../responsive';
import type { ListState } from '../useListState';

export type ListTableProps<T extends AnyObject> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange' | 'scroll' | 'locale' | 'size'> & {
  /** Page, size and sort (`useListState`): the table reads them and writes the user's changes back. */
  list: ListState;
  /** One page of the server's answer (`useApiQuery`); undefined before the first one arrives. */
  data: Page<T> | undefined;
  loading: boolean;
  /** What an empty list says when no filter is set (what will appear here, and when). */
  empty?: ReactNode;
  /** Whether a filter is set, for "nothing matches the filters"; by default, whether any of the list's filters is. */
  filtered?: boolean;
  /** What an empty filtered list says, when the list has words of its own for it. */
  noMatch?: ReactNode;
  testId?: string;
};

/**
 * A server-paged list: one page of `{ items, total, page, pageSize }`, its paging and sorting kept by `useListState`
 * (in the address bar on a page), a spinner while a page loads, an empty state that tells "none yet" from "none match",
 * and a sideways scroll instead of squeezed columns on a narrow screen. Rows are keyed by `id` unless told otherwise.
 */
export function ListTable<T extends AnyObject>({ list, data, loading, empty, filtered, noMatch, testId, rowKey = 'id', ...table }: ListTableProps<T>) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const isFiltered = filtered ?? Object.values(list.filters).some(Boolean);
  return (
    <Table<T>
      {...table}
      data-testid={testId}
      rowKey={rowKey}
      size={isMobile ? 'small' : 'middle'}
      dataSource={data?.items}
      loading={loading}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isFiltered ? (noMatch ?? t('common.noMatch')) : (empty ?? t('common.noData'))} /> }}
      scroll={{ x: 'max-content' }}
      onChange={list.onTableChange}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: !isMobile,
        simple: isMobile,
        showTotal: (total) => t('common.total', { total }),
      }}
    />
  );
}
