import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { Me } from '../../auth/api/auth.api';
import type { KeyMomentOverview } from '../api/key-moments.api';
import { keyMomentsMessages } from '../key-moments.messages';
import { keyMomentNavItems } from '../nav';
import { KeyMomentOverviewPage } from '../pages/KeyMomentOverviewPage';

const me = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../app/auth', () => ({ useMe: () => me.current, useAuth: () => ({ me: me.current }) }));
vi.mock('../../../app/reference', () => ({ useReference: () => [], industryName: () => '' }));
const answer = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../api/key-moments.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/key-moments.api')>();
  return { ...real, keyMomentsApi: { ...real.keyMomentsApi, overview: vi.fn(async () => answer.current) } };
});

const person = (role: Me['role'], permissions: string[], enterpriseId: string | null) => ({
  id: 'u1', username: 'u', displayName: '王安监', role, roleName: role, locale: 'zh-CN', mustChangePassword: false, csrfToken: 'x',
  assignableRoles: [], permissions,
  scope: { kind: enterpriseId ? 'enterprise' : 'subdistrict', id: 's', name: '关上街道', enterpriseId },
}) as Me;

const page: KeyMomentOverview = {
  year: 2026, total: 1, page: 1, pageSize: 20,
  items: [{
    enterpriseId: 'e1', name: '甲化工有限公司', subdistrictId: 's', subdistrict: '关上街道', industryCode: 'hazardous_chemicals', industry: '危险化学品',
    current: 1, currentUnchecked: 1, upcoming: 2, nextStartsOn: '2026-10-01', nextName: '国庆节', owedDays: 4, checkedDays: 3, missingDays: 1, rate: 0.75,
  }],
};

beforeAll(() => addMessages(keyMomentsMessages as never));
afterEach(cleanup);

describe('the regulators\' key-moment list (issue 11 §10, R-RESP-6)', () => {
  test('a subdistrict officer has the menu entry; an enterprise\'s people keep their own pages', () => {
    const officer = keyMomentNavItems(person('subdistrict_officer', ['key_moment.read', 'key_moment.supervise'], null));
    expect(officer.map((i) => i.path)).toEqual(['/key-moments/overview']);
    const safety = keyMomentNavItems(person('safety_manager', ['key_moment.read'], 'e1'));
    expect(safety.map((i) => i.path)).toEqual(['/enterprises/e1/key-moments']);
  });

  test('each enterprise shows its moments under way and to come, its check-ins of days owed and missed days, and opens its moments', async () => {
    me.current = person('subdistrict_officer', ['key_moment.read', 'key_moment.supervise'], null);
    answer.current = page;
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={['/key-moments/overview']}>
          <I18nContext.Provider value={zhI18n}><KeyMomentOverviewPage /></I18nContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const link = await screen.findByTestId('key-moment-overview-link');
    expect(link.getAttribute('href')).toBe('/enterprises/e1/key-moments?year=2026');
    const row = link.closest('tr')!.textContent ?? '';
    expect(row).toContain('1 个今天未打卡');
    expect(row).toContain('2026-10-01 国庆节');
    expect(row).toContain('3/4');
    expect(row).toContain('75%');
    expect(screen.getByTestId('key-moment-overview-missing').textContent).toBe('1');
    expect(screen.getByTestId('key-moment-overview-page').textContent).toContain('关键时段带班监管');
  });
});
