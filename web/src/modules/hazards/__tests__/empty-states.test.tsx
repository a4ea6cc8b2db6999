import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addMessages, I18nContext, isMessageKey, translate, type I18n } from '../../../app/i18n';
import type { ListState } from '../../../app/useListState';
import type { OverviewStats } from '../api/hazard-stats.api';
import { HazardCards } from '../components/HazardCards';
import { HAZARD_TABS, MAJOR_TABS, WORKBENCH_TABS } from '../components/hazard-tabs';
import { HazardTable } from '../components/HazardTable';
import { MajorOpenList } from '../components/MajorOpenList';
import { hazardMessages } from '../hazard.messages';

const i18n: I18n = {
  locale: 'zh-CN',
  t: (key, params) => translate('zh-CN', key, params),
  tx: (key, fallback) => (isMessageKey(key) ? translate('zh-CN', key) : (fallback ?? key)),
  setLocale: () => undefined,
};
const list: ListState = {
  page: 1, pageSize: 20, sort: undefined, order: undefined, filters: {}, query: {},
  setFilters: () => undefined, onTableChange: () => undefined, sortOrderOf: () => null,
};
const none = { items: [], total: 0, page: 1, pageSize: 20 };
const wrap = (children: ReactNode) => <MemoryRouter><I18nContext.Provider value={i18n}>{children}</I18nContext.Provider></MemoryRouter>;
const generic = () => translate('zh-CN', 'common.noData');

beforeAll(() => addMessages(hazardMessages as never));
afterEach(cleanup);

describe('empty lists say what will appear and when (issue 10)', () => {
  test('a regulator with no open major hazards is told so, not "no data"', () => {
    render(wrap(<MajorOpenList data={{ total: 0, items: [] } as unknown as OverviewStats['majorOpen']} />));
    const card = screen.getByTestId('overview-major-open');
    expect(card.textContent).toContain(translate('zh-CN', 'hazardOverview.majorOpenEmpty'));
    expect(card.textContent).not.toContain(generic());
  });

  test('the ledger table and the phone cards show the tab\'s own sentence', () => {
    const sentence = translate('zh-CN', 'hazardEmpty.majorOpen');
    render(wrap(<HazardTable list={list} data={none} loading={false} empty={sentence} />));
    expect(screen.getByTestId('hazard-table').textContent).toContain(sentence);
    cleanup();
    render(wrap(<HazardCards list={list} data={none} loading={false} empty={sentence} />));
    expect(screen.getByText(sentence)).toBeTruthy();
  });

  test('every ledger tab has its own sentence in both languages', () => {
    for (const tab of [...HAZARD_TABS, ...WORKBENCH_TABS, ...MAJOR_TABS]) {
      const key = `hazardEmpty.${tab}`;
      expect(isMessageKey(key), key).toBe(true);
      if (!isMessageKey(key)) continue;
      expect(translate('zh-CN', key)).not.toBe(translate('en-US', key));
    }
  });
});
