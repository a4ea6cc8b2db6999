import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { EmployeeSelect } from '../components/EmployeeSelect';
import { I18nContext } from '../i18n';
import { zhI18n } from '../testing';

const calls = vi.hoisted(() => [] as { path: string; query: Record<string, unknown> }[]);
vi.mock('../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api')>();
  const roster = [
    { id: 'e1', name: '张三', orgUnitName: '一车间' },
    { id: 'e2', name: '张四', orgUnitName: null },
    { id: 'e3', name: '李五', orgUnitName: '仓储部' },
  ];
  return {
    ...real,
    api: {
      ...real.api,
      get: vi.fn(async (path: string, query: Record<string, unknown>) => {
        calls.push({ path, query });
        const q = typeof query.q === 'string' ? query.q : '';
        return { items: roster.filter((e) => e.name.includes(q)), total: roster.length, page: 1, pageSize: 30 };
      }),
    },
  };
});

const show = (node: React.ReactNode) => render(<I18nContext.Provider value={zhI18n}>{node}</I18nContext.Provider>);
const open = (testId: string) => fireEvent.mouseDown(screen.getByTestId(testId).querySelector('.ant-select-selector') ?? screen.getByTestId(testId));
const optionTexts = () => [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);

beforeEach(() => { calls.length = 0; });
afterEach(cleanup);

describe('EmployeeSelect (the one roster picker of every module)', () => {
  test('searches the enterprise\'s active roster by name as the user types, and shows each person with their unit', async () => {
    const onChange = vi.fn();
    show(<EmployeeSelect enterpriseId="ent-1" placeholder="选择人员" testId="pick" onChange={onChange} />);
    expect(screen.getByText('选择人员')).toBeTruthy();
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ path: '/enterprises/ent-1/employees', query: { q: undefined, status: 'active', page: 1, pageSize: 30, sort: 'name' } });
    open('pick');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '张' } });
    await waitFor(() => expect(calls.at(-1)?.query.q).toBe('张'));
    await waitFor(() => expect(optionTexts()).toEqual(['张三（一车间）', '张四']), { timeout: 10_000 });
    fireEvent.click(screen.getByText('张三（一车间）'));
    expect(onChange).toHaveBeenCalledWith('e1');
  });

  test('a chosen person\'s name shows before any search, and clearing a single pick gives null', async () => {
    const onChange = vi.fn();
    show(<EmployeeSelect enterpriseId="ent-1" placeholder="选择人员" testId="pick" value="e9" onChange={onChange} initial={[{ id: 'e9', name: '王九', unitName: null }]} />);
    expect(screen.getByText('王九')).toBeTruthy();
    const clear = screen.getByTestId('pick').querySelector('.ant-select-clear');
    expect(clear).toBeTruthy();
    fireEvent.mouseDown(clear!);
    fireEvent.click(clear!);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(null));
  });

  test('in multiple mode it gives the list of those chosen', async () => {
    const onChange = vi.fn();
    show(<EmployeeSelect multiple enterpriseId="ent-1" placeholder="选择参演人员" testId="many" value={['e3']} onChange={onChange}
      initial={[{ id: 'e3', name: '李五', unitName: '仓储部' }]} />);
    expect(screen.getByText('李五（仓储部）')).toBeTruthy();
    open('many');
    await waitFor(() => expect(optionTexts()).toContain('张四'), { timeout: 10_000 });
    fireEvent.click(screen.getByText('张四'));
    expect(onChange).toHaveBeenCalledWith(['e3', 'e2']);
  });
});
