import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext, translate } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { PlanDetail } from '../api/emergency-plans.api';
import { IssueDrawer } from '../components/StepDrawers';
import { emergencyPlansMessages } from '../emergency-plans.messages';

const posted = vi.hoisted(() => [] as { path: string; body: unknown }[]);
vi.mock('../../../app/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../app/api')>();
  const answers: Record<string, unknown> = {
    '/enterprises/e1/employees': { items: [{ id: 'emp1', name: '赵六', orgUnitName: '一车间' }], total: 1, page: 1, pageSize: 30 },
    '/enterprises/e1/org-units': [{ id: 'u1', parentId: null, name: '公司', kind: 'company', path: '/u1/', sort: 0 }],
    '/enterprises/e1/posts': [{ id: 'post1', name: '巡检工', unitPath: '一车间' }],
  };
  return {
    ...real,
    api: {
      ...real.api,
      get: vi.fn(async (path: string) => answers[path]),
      post: vi.fn(async (path: string, body: unknown) => { posted.push({ path, body }); return {}; }),
    },
  };
});

const zh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);
const plan = { id: 'p1', enterpriseId: 'e1', version: 3, status: 'signed' } as PlanDetail;

beforeAll(() => addMessages(emergencyPlansMessages as never));
afterEach(cleanup);

describe('issuing a plan to the staff concerned (issue 14 §1: read receipts)', () => {
  test('without anyone picked it says every account gets it; the people and posts picked are sent as the audience', async () => {
    const onDone = vi.fn();
    const router = createMemoryRouter([{ path: '/', element: <IssueDrawer plan={plan} onDone={onDone} onClose={() => undefined} /> }]);
    render(
      <QueryClientProvider client={createQueryClient()}>
        <I18nContext.Provider value={zhI18n}><App><RouterProvider router={router} /></App></I18nContext.Provider>
      </QueryClientProvider>,
    );
    expect(await screen.findByText(zh('emergencyPlans.audience.everyone'))).toBeTruthy();

    fireEvent.mouseDown(screen.getByTestId('plan-issue-people').querySelector('.ant-select-selector') ?? screen.getByTestId('plan-issue-people'));
    fireEvent.click(await screen.findByText('赵六（一车间）', {}, { timeout: 10_000 }));
    fireEvent.mouseDown(screen.getByTestId('plan-issue-posts').querySelector('.ant-select-selector') ?? screen.getByTestId('plan-issue-posts'));
    fireEvent.click(await screen.findByText('巡检工 · 一车间', {}, { timeout: 10_000 }));
    expect(await screen.findByText(zh('emergencyPlans.audience.named'))).toBeTruthy();

    fireEvent.click(screen.getByTestId('plan-issue-ok'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      path: '/enterprises/e1/emergency-plans/p1/issue',
      body: { audienceEmployeeIds: ['emp1'], audienceUnitIds: [], audiencePostIds: ['post1'], distribution: [], version: 3 },
    });
  });
});
