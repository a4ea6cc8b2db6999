import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { Me } from '../../auth/api/auth.api';
import type { MyPpe, PpeIssue } from '../api/ppe.api';
import { ppeNavItems } from '../nav';
import { MyPpePage } from '../pages/MyPpePage';
import { ppeMessages } from '../ppe.messages';

const me = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../app/auth', () => ({ useMe: () => me.current, useAuth: () => ({ me: me.current }) }));
const answer = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../api/ppe.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/ppe.api')>();
  return { ...real, ppeApi: { ...real.ppeApi, mine: vi.fn(async () => answer.current) } };
});

const person = (role: Me['role'], permissions: string[], enterpriseId: string | null) => ({
  id: 'u1', username: 'u', displayName: '张三', role, roleName: role, locale: 'zh-CN', mustChangePassword: false, csrfToken: 'x',
  assignableRoles: [], permissions,
  scope: { kind: enterpriseId ? 'enterprise' : 'subdistrict', id: 's', name: '关上街道', enterpriseId },
}) as Me;

const issue = (over: Partial<PpeIssue>): PpeIssue => ({
  id: 'i1', employeeId: 'p1', employeeName: '张三', orgUnitName: '甲班', postId: 'po1', postName: '焊工', item: 'helmet', itemName: '安全帽', standard: 'GB 2811-2019《头部防护 安全帽》',
  quantity: 1, issuedOn: '2026-11-01', cycleMonths: 30, nextReplacement: '2029-05-01', replacement: 'ok', status: 'signed', signedAt: '2026-11-01T03:00:00Z', signMethod: 'password',
  signatureId: 's1', voidedAt: null, voidReason: null, replacesId: null, batchId: 'b1', note: '', issuedByName: '安全员', createdAt: '2026-11-01T02:00:00Z', hasAccount: true, version: 2,
  abilities: { canSignFor: false, canVoid: false }, ...over,
}) as PpeIssue;

beforeAll(() => addMessages(ppeMessages as never));
afterEach(cleanup);

describe('my protective equipment on a phone (issue 13 §3, R-PPE-1)', () => {
  test('the menu: an enterprise\'s managers get the PPE page and their own; a worker his own; a regulator the list in scope', () => {
    expect(ppeNavItems(person('safety_manager', ['ppe.read', 'ppe.own'], 'e1')).map((i) => i.path)).toEqual(['/ppe', '/my-ppe']);
    expect(ppeNavItems(person('employee', ['ppe.own'], 'e1')).map((i) => i.path)).toEqual(['/my-ppe']);
    expect(ppeNavItems(person('subdistrict_officer', ['ppe.read', 'ppe.supervise'], null)).map((i) => i.path)).toEqual(['/ppe-overview']);
  });

  test('an issue awaiting receipt comes first with its sign button; what the posts require shows what is not issued yet', async () => {
    me.current = person('employee', ['ppe.own'], 'e1');
    answer.current = {
      today: '2026-12-01', person: { employeeId: 'p1', name: '张三' },
      issues: [issue({}), issue({ id: 'i2', item: 'gloves', itemName: '防护手套', quantity: 6, status: 'awaiting', signedAt: null, signMethod: null, signatureId: null })],
      required: [{ postName: '焊工', item: 'helmet', itemName: '安全帽', standard: '', quantity: 1, cycleMonths: 30, issued: true },
        { postName: '焊工', item: 'welding_mask', itemName: '焊接面罩', standard: '', quantity: 1, cycleMonths: 12, issued: false }],
    } satisfies MyPpe;
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={['/my-ppe']}>
          <I18nContext.Provider value={zhI18n}><App><MyPpePage /></App></I18nContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const list = await screen.findByTestId('my-ppe-issues');
    const rows = list.querySelectorAll('[data-testid="my-ppe-issue"]');
    expect(rows[0]!.textContent).toContain('防护手套 × 6');
    expect(rows[0]!.textContent).toContain('待签收');
    expect(screen.getAllByTestId('my-ppe-sign')).toHaveLength(1);
    expect(screen.getByTestId('my-ppe-page').textContent).toContain('焊接面罩 × 1（未领用）');
  });
});
