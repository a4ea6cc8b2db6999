import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext, translate } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { Me } from '../../auth/api/auth.api';
import type { DrillPlan } from '../api/drills.api';
import { DrillPlanView } from '../components/DrillPlanView';
import { drillsMessages } from '../drills.messages';
import { drillNavItems } from '../nav';

const answers = vi.hoisted(() => ({ plan: null as unknown }));
vi.mock('../api/drills.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/drills.api')>();
  return { ...real, drillsApi: { ...real.drillsApi, plan: vi.fn(async () => answers.plan) } };
});

const ENTERPRISE = '00000000-0000-4000-8000-000000000001';
const person = (role: Me['role'], permissions: string[], enterpriseId: string | null) => ({
  id: 'u1', username: 'u', displayName: '张三', role, roleName: role, locale: 'zh-CN', mustChangePassword: false, csrfToken: 'x',
  assignableRoles: [], permissions,
  scope: { kind: enterpriseId ? 'enterprise' : 'subdistrict', id: 's', name: '关上街道', enterpriseId },
}) as Me;

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);

const plan = (over: Partial<DrillPlan> = {}): DrillPlan => ({
  year: 2026,
  yearly: { periodKey: '2026', status: 'fulfilled', dueOn: '2026-12-31', drillId: 'd1' },
  principal: { periodKey: '2026', status: 'due', dueOn: '2026-12-31', drillId: null },
  halfYear: { owed: true, report: true, periods: [
    { periodKey: '2026-H1', status: 'overdue', dueOn: '2026-06-30', drillId: null },
    { periodKey: '2026-H2', status: 'upcoming', dueOn: '2026-12-31', drillId: null },
  ] },
  onsite: [{ planId: 'p1', title: '液氨泄漏现场处置方案', periods: [
    { periodKey: '2026-H1', status: 'fulfilled', dueOn: '2026-06-30', drillId: 'd2' },
    { periodKey: '2026-H2', status: 'upcoming', dueOn: '2026-12-31', drillId: null },
  ] }],
  plans: [{ id: 'p1', kind: 'onsite', title: '液氨泄漏现场处置方案', status: 'issued' }],
  canRecord: true,
  ...over,
});

function show() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter>
        <I18nContext.Provider value={zhI18n}><App><DrillPlanView enterpriseId={ENTERPRISE} /></App></I18nContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeAll(() => addMessages(drillsMessages));
afterEach(cleanup);

describe('the drill plan (R-EMG-2, on a phone)', () => {
  test('shows each duty with its status per half-year and per on-site plan, and links the drill that fulfilled it', async () => {
    answers.plan = plan();
    show();
    await screen.findByTestId('drill-plan-view');
    const tags = screen.getAllByTestId('drill-duty-tag').map((t) => t.getAttribute('data-status'));
    expect(tags).toEqual(['fulfilled', 'due', 'overdue', 'upcoming', 'fulfilled', 'upcoming']);
    expect(screen.getByText('液氨泄漏现场处置方案')).toBeTruthy();
    expect(screen.getAllByText(zh('drill.plan.viewDrill'))).toHaveLength(2);
    expect(screen.getByText(zh('drill.plan.reportEach'))).toBeTruthy();
  });

  test('an enterprise outside the sectors sees that it owes no half-yearly drill; one without plans is told to write one', async () => {
    answers.plan = plan({ halfYear: { owed: false, report: false, periods: [
      { periodKey: '2026-H1', status: 'none', dueOn: null, drillId: null }, { periodKey: '2026-H2', status: 'none', dueOn: null, drillId: null },
    ] }, onsite: [], plans: [] });
    show();
    await screen.findByTestId('drill-plan-view');
    expect(screen.getByText(zh('drill.plan.halfYearNotOwed'))).toBeTruthy();
    expect(screen.getByText(zh('drill.plan.noPlans'))).toBeTruthy();
    expect(screen.getByText(zh('drill.plan.noOnsite'))).toBeTruthy();
  });
});

describe('the drill menu entries', () => {
  test('an enterprise user gets the drills page, a regulator the reported drills, someone without drill.read nothing', () => {
    expect(drillNavItems(person('safety_manager', ['drill.read'], ENTERPRISE)).map((i) => i.path)).toEqual([`/enterprises/${ENTERPRISE}/drills`]);
    expect(drillNavItems(person('subdistrict_officer', ['drill.read'], null)).map((i) => i.path)).toEqual(['/drills/reported']);
    expect(drillNavItems(person('insurer_staff', [], null))).toEqual([]);
    expect(drillNavItems(person('safety_manager', ['drill.read'], ENTERPRISE))[0]?.group).toBe('emergency');
  });
});
