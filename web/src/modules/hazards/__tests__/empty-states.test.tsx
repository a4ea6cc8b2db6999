import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addMessages, isMessageKey, translate } from '../../../app/i18n';
import type { OverviewStats } from '../api/hazard-stats.api';
import { HazardCards } from '../components/HazardCards';
import { HAZARD_TABS, MAJOR_TABS, WORKBENCH_TABS } from '../components/hazard-tabs';
import { HazardTable } from '../components/HazardTable';
import { MajorOpenList } from '../components/MajorOpenList';
import { hazardMessages } from '../hazard.messages';
import { staticList, withRouterAndI18n } from '../../../app/testing';

const list = staticList;
const none = { items: [], total: 0, page: 1, pageSize: 20 };
const wrap = withRouterAndI18n;
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
