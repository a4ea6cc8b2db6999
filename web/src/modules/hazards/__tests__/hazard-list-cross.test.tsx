import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from '../../../app/api';
import { addMessages } from '../../../app/i18n';
import type { HazardSummary } from '../api/hazards.api';
import { HazardCards } from '../components/HazardCards';
import { HazardTable } from '../components/HazardTable';
import { hazardMessages } from '../hazard.messages';
import { staticList, withRouterAndI18n } from '../../../app/testing';

const list = staticList;

// Two enterprises each number their own hazards: the same code twice in one district list.
const row = (id: string, enterpriseId: string, enterpriseName: string): HazardSummary => ({
  id, enterpriseId, enterpriseName, subdistrictName: '关上街道', industryName: '危险化学品', code: 'YH-2026-0001', title: '消防通道堵塞',
  source: 'self_check', hazardClass: null, level: 'general', status: 'reported', orgUnitName: '一车间', location: '', reportedAt: '2026-03-01T02:00:00Z',
  deadline: null, overdue: false, escalationLevel: 0, supervised: false, closedAt: null,
} as HazardSummary);
const data: Page<HazardSummary> = {
  items: [row('h1', 'e1', '甲化工有限公司'), row('h2', 'e2', '乙机械制造有限公司')], total: 2, page: 1, pageSize: 20,
};
const wrap = withRouterAndI18n;

beforeAll(() => addMessages(hazardMessages as never));
afterEach(cleanup);

describe('the cross-enterprise hazard list names the enterprise with each code (issue 10)', () => {
  test('on a desktop the code cell shows the enterprise below the code', () => {
    render(wrap(<HazardTable list={list} data={data} loading={false} />));
    const cells = screen.getAllByTestId('hazard-link').map((a) => a.closest('td')?.textContent ?? '');
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('YH-2026-0001');
    expect(cells[0]).toContain('甲化工有限公司');
    expect(cells[1]).toContain('乙机械制造有限公司');
  });

  test('on a phone each card\'s code line names its enterprise', () => {
    render(wrap(<HazardCards list={list} data={data} loading={false} />));
    const lines = screen.getAllByText('YH-2026-0001').map((code) => code.parentElement?.textContent ?? '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('甲化工有限公司');
    expect(lines[1]).toContain('乙机械制造有限公司');
  });

  test('one enterprise\'s own ledger keeps the plain code column', () => {
    const own = { ...data, items: data.items.map((h) => ({ ...h, enterpriseName: undefined })) };
    render(wrap(<HazardTable list={list} data={own} loading={false} enterpriseId="e1" />));
    expect(screen.getAllByTestId('hazard-link').map((a) => a.closest('td')?.textContent)).toEqual(['YH-2026-0001', 'YH-2026-0001']);
  });
});
