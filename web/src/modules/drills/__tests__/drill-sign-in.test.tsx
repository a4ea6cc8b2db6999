import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { DrillDetail, SignInRoster } from '../api/drills.api';
import { DrillSignIn } from '../components/DrillSignIn';
import { drillsMessages } from '../drills.messages';

const me = vi.hoisted(() => ({ current: { role: 'unit_leader' } as unknown }));
vi.mock('../../../app/auth', () => ({ useMe: () => me.current, useAuth: () => ({ me: me.current }) }));
const calls = vi.hoisted(() => ({ roster: vi.fn() }));
vi.mock('../api/drills.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/drills.api')>();
  return { ...real, drillsApi: { ...real.drillsApi, signInRoster: calls.roster } };
});

const drill = (over: Partial<DrillDetail> = {}): DrillDetail => ({
  id: 'd1', enterpriseId: 'e1', enterpriseName: '企业', planId: 'p1', planTitle: '综合应急预案', planKind: 'comprehensive', form: 'practical', scenario: '火灾疏散',
  startedAt: '2026-06-18T01:00:00Z', endedAt: '2026-06-18T02:00:00Z', place: '仓库', organiserName: '张三', byPrincipal: false, status: 'recorded', reportedAt: null,
  participantCount: 2, openActions: 0, overdueActions: 0, organiserEmployeeId: 'x', principalConfirmedAt: null, wentWell: '', problems: '', planNeedsRevision: null,
  evaluatedAt: null, recordedByName: null, voidReason: null, version: 1, mustReport: false,
  participants: [
    { employeeId: 'a', name: '李四', unitName: '甲班', signIn: 'signature', signedAt: '2026-06-18T01:05:00Z' },
    { employeeId: 'b', name: '王五', unitName: '甲班', signIn: 'manual', signedAt: null },
  ],
  actions: [], events: [], files: [], maxVideos: 3,
  abilities: { update: true, confirmPrincipal: false, evaluate: true, report: false, void: true, upload: true },
  ...over,
});

const roster = (over: Partial<SignInRoster> = {}): SignInRoster => ({
  items: [
    { employeeId: 'a', name: '李四', unitName: '甲班', hasAccount: true, signedIn: true },
    { employeeId: 'b', name: '王五', unitName: '甲班', hasAccount: false, signedIn: false },
  ],
  selfPending: false, ...over,
});

function show(d: DrillDetail) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nContext.Provider value={zhI18n}><App><DrillSignIn enterpriseId="e1" drill={d} onSigned={() => undefined} /></App></I18nContext.Provider>
    </QueryClientProvider>,
  );
}

beforeAll(() => addMessages(drillsMessages));
afterEach(() => { cleanup(); calls.roster.mockReset(); });

describe('a drill\'s sign-in (issue 14 §3)', () => {
  test('shows who signed in, and offers a team leader to sign in someone without an account', async () => {
    me.current = { role: 'unit_leader' };
    calls.roster.mockResolvedValue(roster());
    show(drill());
    expect(screen.getByText('参演人员（已签到 1/2）')).toBeTruthy();
    expect(screen.getByText('李四 · 已签到')).toBeTruthy();
    expect(screen.getByText('王五')).toBeTruthy();
    expect(await screen.findByTestId('drill-sign-other')).toBeTruthy();
    expect(screen.queryByTestId('drill-sign-self')).toBeNull();
  });

  test('a participant who has not signed in sees his own button; an employee is not offered the shared device', async () => {
    me.current = { role: 'employee' };
    calls.roster.mockResolvedValue(roster({ selfPending: true }));
    show(drill());
    expect(await screen.findByTestId('drill-sign-self')).toBeTruthy();
    expect(screen.queryByTestId('drill-sign-other')).toBeNull();
  });

  test('a voided drill offers no sign-in', async () => {
    me.current = { role: 'safety_manager' };
    calls.roster.mockResolvedValue(roster({ selfPending: false }));
    show(drill({ status: 'voided' }));
    await screen.findByText('王五');
    expect(screen.queryByTestId('drill-sign-other')).toBeNull();
    expect(screen.queryByTestId('drill-sign-self')).toBeNull();
  });
});
