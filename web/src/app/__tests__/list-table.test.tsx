import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ColumnsType } from 'antd/es/table';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from '../api';
import { ListTable } from '../components/ListTable';
import { translate } from '../i18n';
import { withRouterAndI18n } from '../testing';
import { useListState } from '../useListState';

type Row = { id: string; name: string };

const page = (names: string[], total: number): Page<Row> => ({ items: names.map((name, i) => ({ id: `r${i}`, name })), total, page: 1, pageSize: 20 });

/** A list page in miniature: the list state, what it would send, and the shared table. */
function Directory({ data, initial, filtered }: { data: Page<Row>; initial?: Record<string, string>; filtered?: boolean }) {
  const list = useListState({ sync: 'local', filterKeys: ['q'], initial });
  const columns: ColumnsType<Row> = [{ key: 'name', dataIndex: 'name', title: '企业名称', sorter: true, sortOrder: list.sortOrderOf('name') }];
  return (
    <>
      <output data-testid="query">{JSON.stringify(list.query)}</output>
      <ListTable<Row> testId="directory" list={list} data={data} loading={false} columns={columns} empty="还没有企业" filtered={filtered} />
    </>
  );
}

const sent = () => JSON.parse(screen.getByTestId('query').textContent ?? '{}') as Record<string, unknown>;

afterEach(cleanup);

describe('ListTable (every server-paged list)', () => {
  test('shows the page\'s rows and the server\'s total, and turning the page asks for the next one', () => {
    render(withRouterAndI18n(<Directory data={page(['甲化工有限公司', '乙机械制造有限公司'], 45)} />));
    const table = screen.getByTestId('directory');
    expect(table.querySelectorAll('tbody tr.ant-table-row')).toHaveLength(2);
    expect(table.querySelector('tbody tr[data-row-key="r1"]')?.textContent).toContain('乙机械制造有限公司');
    expect(document.body.textContent).toContain(translate('zh-CN', 'common.total', { total: 45 }));
    expect(sent()).toMatchObject({ page: 1, pageSize: 20 });
    fireEvent.click(screen.getByTitle('3'));
    expect(sent()).toMatchObject({ page: 3, pageSize: 20 });
  });

  test('sorting by a column asks the server for that order from the first page', () => {
    render(withRouterAndI18n(<Directory data={page(['甲化工有限公司'], 45)} />));
    fireEvent.click(screen.getByTitle('2'));
    expect(sent()).toMatchObject({ page: 2 });
    fireEvent.click(screen.getByTestId('directory').querySelector('th.ant-table-column-has-sorters')!);
    expect(sent()).toMatchObject({ page: 1, sort: 'name', order: 'asc' });
  });

  test('an empty list says what will appear, or that the filters found nothing', () => {
    const none = page([], 0);
    render(withRouterAndI18n(<Directory data={none} />));
    expect(screen.getByTestId('directory').textContent).toContain('还没有企业');
    cleanup();
    render(withRouterAndI18n(<Directory data={none} initial={{ q: '化工' }} />));
    expect(screen.getByTestId('directory').textContent).toContain(translate('zh-CN', 'common.noMatch'));
    expect(screen.getByTestId('directory').textContent).not.toContain('还没有企业');
    cleanup();
    // A page whose own sentence already covers its filters says so itself.
    render(withRouterAndI18n(<Directory data={none} initial={{ q: '化工' }} filtered={false} />));
    expect(screen.getByTestId('directory').textContent).toContain('还没有企业');
  });
});
