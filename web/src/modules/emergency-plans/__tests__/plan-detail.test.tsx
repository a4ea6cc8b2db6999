import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { Me } from '../../auth/api/auth.api';
import { PLAN_OPS, plansApi, type Filing, type PlanDetail } from '../api/emergency-plans.api';
import { emergencyPlansMessages } from '../emergency-plans.messages';
import { planNavItems } from '../nav';
import { PlanDetailPage } from '../pages/PlanDetailPage';

const me = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../app/auth', () => ({ useMe: () => me.current, useAuth: () => ({ me: me.current }) }));
const answer = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../api/emergency-plans.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/emergency-plans.api')>();
  return {
    ...real,
    plansApi: {
      ...real.plansApi, get: vi.fn(async () => answer.current), receipts: vi.fn(async () => ({ items: [], total: 0, read: 0 })),
      withdraw: vi.fn(async () => answer.current),
    },
  };
});

const person = (role: Me['role'], permissions: string[], enterpriseId: string | null) => ({
  id: 'u1', username: 'u', displayName: '张三', role, roleName: role, locale: 'zh-CN', mustChangePassword: false, csrfToken: 'x',
  assignableRoles: [], permissions,
  scope: { kind: enterpriseId ? 'enterprise' : 'department', id: 'd', name: '区应急管理局', enterpriseId },
}) as Me;

const none = Object.fromEntries(PLAN_OPS.map((op) => [op, false])) as Record<(typeof PLAN_OPS)[number], boolean>;

function plan(over: Partial<PlanDetail>): PlanDetail {
  return {
    id: 'p1', kind: 'comprehensive', title: '生产安全事故综合应急预案', status: 'reviewed', currentVersion: 1, filedVersion: null, issuedAt: null,
    updatedAt: '2026-09-01T02:00:00Z', returnedFilings: 0, unread: false, enterpriseId: 'e1', version: 3, reviewModeRequired: 'review',
    content: {
      number: 1, scope: '全厂', organisation: '应急指挥部', responseLevels: '三级', procedures: '报告、处置', resources: '物资库', body: '', riskPointIds: [], postIds: [],
      rescueOrganisation: '', contacts: '', revisionCause: null, revisionNote: '', reviewMode: 'review', reviewers: [{ name: '王专家', organisation: '', expert: true }],
      reviewedOn: '2026-09-01', reviewConclusion: 'passed', reviewOpinions: '', contentSha256: null, signedAt: null, signedByName: null, distribution: [], issuedAt: null,
    },
    versions: [], events: [], filings: [], receipts: { total: 0, read: 0, mineReadAt: null, mine: false }, assessments: [], files: [],
    abilities: { ...none, upload: false, read: false, assess: false, signAssessment: false, receipts: false },
    ...over,
  };
}

/** The detail page in a data router (its drawers guard unsaved input with the router's blocker). */
function show() {
  const router = createMemoryRouter([{ path: '/enterprises/:enterpriseId/emergency-plans/:id', element: <PlanDetailPage /> }],
    { initialEntries: ['/enterprises/e1/emergency-plans/p1'] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nContext.Provider value={zhI18n}><App><RouterProvider router={router} /></App></I18nContext.Provider>
    </QueryClientProvider>,
  );
}

beforeAll(() => addMessages(emergencyPlansMessages as never));
afterEach(cleanup);

describe('emergency plans on the web (issue 14 §1, R-EMG-1)', () => {
  test('the menu: the enterprise\'s people get its plans, a department officer the filing inbox, others nothing', () => {
    expect(planNavItems(person('safety_manager', ['emergency_plan.read'], 'e1')).map((i) => i.path)).toEqual(['/enterprises/e1/emergency-plans']);
    expect(planNavItems(person('department_officer', ['emergency_plan.read', 'emergency_plan.accept'], null)).map((i) => i.path)).toEqual(['/emergency-plan-filings']);
    expect(planNavItems(person('insurer_staff', [], null))).toEqual([]);
    expect(planNavItems(person('employee', ['emergency_plan.read'], 'e1'))[0]!.group).toBe('emergency');
  });

  test('the principal sees one large sign button on a reviewed plan, and nothing he may not do', async () => {
    me.current = person('enterprise_principal', ['emergency_plan.read', 'emergency_plan.sign'], 'e1');
    answer.current = plan({ abilities: { ...none, sign: true, upload: false, read: false, assess: false, signAssessment: false, receipts: true } });
    show();
    expect(await screen.findByTestId('plan-sign')).toBeTruthy();
    expect(screen.queryByTestId('plan-edit')).toBeNull();
    expect(screen.queryByTestId('plan-file')).toBeNull();
    expect(screen.getByTestId('plan-status').textContent).toBe('待签署');
  });

  test('a worker the plan was issued to confirms reading it; a filed plan shows no edit', async () => {
    me.current = person('employee', ['emergency_plan.read'], 'e1');
    answer.current = plan({ status: 'filed', issuedAt: '2026-09-02T02:00:00Z', receipts: { total: 0, read: 0, mineReadAt: null, mine: true },
      abilities: { ...none, upload: false, read: true, assess: false, signAssessment: false, receipts: false } });
    show();
    expect(await screen.findByTestId('plan-read')).toBeTruthy();
    expect(screen.queryByTestId('plan-edit')).toBeNull();
    expect(screen.queryByTestId('plan-sign')).toBeNull();
    expect(screen.getByTestId('plan-status').textContent).toBe('已备案');
  });

  test('R-EMG-1: a safety manager withdraws (废止) a plan with a reason, warned of what goes with it; the withdrawn plan says so and offers nothing more', async () => {
    me.current = person('safety_manager', ['emergency_plan.read', 'emergency_plan.write'], 'e1');
    const filing = {
      id: 'f1', enterpriseId: 'e1', enterpriseName: '企业', planId: 'p1', planTitle: '预案', planKind: 'onsite', versionNo: 1, departmentId: 'd1', departmentName: '区应急管理局',
      status: 'pending', submittedAt: '2026-09-02T02:00:00Z', rounds: 1, receiptNo: null, returnReason: null, decidedAt: null, decidedByName: null, version: 1,
      abilities: { accept: false, return: false },
    } satisfies Filing;
    answer.current = plan({ kind: 'onsite', status: 'issued', issuedAt: '2026-09-02T02:00:00Z', filings: [filing],
      abilities: { ...none, revise: true, withdraw: true, upload: false, read: false, assess: true, signAssessment: false, receipts: true } });
    show();
    fireEvent.click(await screen.findByTestId('plan-withdraw-open'));
    // The warning names what is cancelled and withdrawn before anything is sent.
    const warning = await screen.findByTestId('plan-withdraw-warning');
    expect(warning.textContent).toContain('尚未完成的备案、修订、三年评估事项和现场处置方案演练事项将全部撤销');
    expect(warning.textContent).toContain('待受理或被退回的备案将撤回');
    // No reason, nothing sent.
    fireEvent.click(screen.getByTestId('plan-withdraw-ok'));
    expect(await screen.findByText('必填', {}, { timeout: 5000 })).toBeTruthy();
    expect(plansApi.withdraw).not.toHaveBeenCalled();

    answer.current = plan({ kind: 'onsite', status: 'withdrawn', issuedAt: '2026-09-02T02:00:00Z', version: 4, filings: [{ ...filing, status: 'withdrawn' }],
      events: [{ versionNo: 1, op: 'withdraw', from: 'issued', to: 'withdrawn', actorName: '张三', at: '2026-09-03T02:00:00Z', note: '储罐区已拆除' }],
      abilities: { ...none, upload: false, read: false, assess: false, signAssessment: false, receipts: true } });
    fireEvent.change(screen.getByTestId('plan-withdraw-reason'), { target: { value: '储罐区已拆除' } });
    fireEvent.click(screen.getByTestId('plan-withdraw-ok'));
    await waitFor(() => expect(plansApi.withdraw).toHaveBeenCalledWith('e1', 'p1', { reason: '储罐区已拆除', version: 3 }));
    expect(await screen.findByTestId('plan-withdrawn-alert')).toBeTruthy();
    expect(screen.getByTestId('plan-status').textContent).toBe('已废止');
    expect(screen.queryByTestId('plan-withdraw-open')).toBeNull();
    expect(screen.queryByTestId('plan-revise-open')).toBeNull();
    // The filing waiting for the office shows as withdrawn; the history names the operation.
    fireEvent.click(screen.getByRole('tab', { name: '备案' }));
    expect(await screen.findByText('已撤回')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '版本与记录' }));
    expect(await screen.findByText(/^废止 · 第 1 版$/)).toBeTruthy();
    expect(screen.getByText(/储罐区已拆除/)).toBeTruthy();
  });
});
