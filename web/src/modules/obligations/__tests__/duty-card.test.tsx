import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext, isMessageKey, translate } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { Me } from '../../auth/api/auth.api';
import { OCCURRENCE_OWNERS, OCCURRENCE_STATUSES, type Cadence, type Occurrence } from '../api/obligations.api';
import { currentPeriodKey } from '../api/period';
import { DutyCard } from '../components/DutyCard';
import { STATUS_MEANING } from '../components/status-style';
import { obligationMessages } from '../obligation.messages';

const me = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../app/auth', () => ({ useMe: () => me.current, useAuth: () => ({ me: me.current }) }));

const ENTERPRISE = '00000000-0000-4000-8000-000000000001';
const person = (role: Me['role'], enterpriseId: string | null = ENTERPRISE) => ({
  id: 'u1', username: 'u', displayName: '张三', role, roleName: role, locale: 'zh-CN', mustChangePassword: false, csrfToken: 'x',
  assignableRoles: [], permissions: ['obligation.read', 'obligation.fulfil'],
  scope: { kind: enterpriseId ? 'enterprise' : 'subdistrict', id: 's', name: '某企业', enterpriseId },
}) as Me;

const duty = (over: Partial<Occurrence> = {}): Occurrence => ({
  id: 'o1', enterpriseId: ENTERPRISE, enterpriseName: '某企业', definitionKey: 'resp.meeting.safety_topic', name: '安全生产专题会议',
  hint: '主要负责人每季度至少主持召开一次安全生产专题会议，纪要留存备查', ruleId: 'R-RESP-5', ruleSetVersion: 0, periodKey: '2026-Q1', subjectLabel: '',
  owner: 'principal', reportedTo: 'internal', startsOn: '2026-01-01', dueOn: '2026-03-31', dueProvisional: false, status: 'due',
  fulfilledAt: null, fulfilment: null, recordType: null, recordId: null, evidenceNote: null, awaitingPrincipal: false, waivedReason: null, waivedAt: null,
  principalOnly: true, evidenceAllowed: true, link: '/enterprises/x/meetings?record=safety_topic', version: 1,
  abilities: { evidence: false, confirm: false, waive: false },
  ...over,
});

const show = (o: Occurrence) => render(
  <QueryClientProvider client={createQueryClient()}>
    <MemoryRouter>
      <I18nContext.Provider value={zhI18n}><DutyCard occurrence={o} today="2026-03-20" /></I18nContext.Provider>
    </MemoryRouter>
  </QueryClientProvider>,
);
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);

beforeAll(() => addMessages(obligationMessages));
afterEach(cleanup);

describe('a duty card (我的履职, on a phone)', () => {
  test('shows the name, what fulfils it and the due date with the days left, and the rule id only behind 依据', () => {
    me.current = person('enterprise_principal');
    show(duty());
    const card = screen.getByTestId('duty-card');
    expect(card.textContent).toContain('安全生产专题会议');
    expect(card.textContent).toContain('纪要留存备查');
    expect(card.textContent).toContain('2026-03-31');
    expect(card.textContent).toContain(zh('obligation.daysLeft', { n: 11 }));
    expect(card.textContent).toContain(zh('obligation.basis'));
    expect(card.textContent).not.toContain('R-RESP-5');
  });

  test('an overdue duty is red and says how late it is; a provisional due date says why', () => {
    me.current = person('safety_manager');
    show(duty({ status: 'overdue', dueOn: '2026-03-10', dueProvisional: true }));
    const tag = screen.getByTestId('obligation-status-tag');
    expect(tag.textContent).toBe(zh('obligationStatus.overdue'));
    expect(tag.className).toContain(`ant-tag-${MEANING_TAG.danger}`);
    expect(screen.getByTestId('obligation-due').textContent).toContain(zh('obligation.daysLate', { n: 10 }));
    expect(screen.getByTestId('obligation-provisional').textContent).toContain('暂定（节假日安排未公布）');
  });

  test('the buttons come from the abilities: evidence and confirm only when allowed, 去办理 for the enterprise\'s own people', () => {
    me.current = person('enterprise_principal');
    show(duty({ abilities: { evidence: true, confirm: false, waive: true } }));
    expect(screen.getByTestId('obligation-go').textContent).toBe(zh('obligation.goDo'));
    expect(screen.getByTestId('obligation-upload').textContent).toContain(zh('obligation.uploadEvidence'));
    expect(screen.queryByTestId('obligation-confirm')).toBeNull();
    // 豁免 is offered on the duty's own page, not on the card.
    expect(screen.queryByTestId('obligation-waive-button')).toBeNull();
    cleanup();

    show(duty({ awaitingPrincipal: true, abilities: { evidence: true, confirm: true, waive: false } }));
    expect(screen.getByTestId('obligation-confirm')).toBeTruthy();
    expect(screen.getByTestId('duty-awaiting').textContent).toBe(zh('obligation.awaitingPrincipal'));
    cleanup();

    me.current = person('subdistrict_officer', null);
    show(duty());
    expect(screen.queryByTestId('obligation-actions')).toBeNull();
  });

  test('a fulfilled duty has no button and is the only green', () => {
    me.current = person('enterprise_principal');
    show(duty({ status: 'fulfilled', fulfilledAt: '2026-03-05T02:00:00.000Z', fulfilment: 'evidence' }));
    expect(screen.queryByTestId('obligation-actions')).toBeNull();
    expect(OCCURRENCE_STATUSES.filter((s) => MEANING_TAG[STATUS_MEANING[s]] === 'green')).toEqual(['fulfilled']);
  });
});

describe('the period a regulator urges', () => {
  test('is the period running now on China time, by cadence', () => {
    // 1 April 2026 00:30 in China, still 31 March in UTC.
    const at = new Date('2026-03-31T16:30:00Z');
    const keys = (['monthly', 'quarterly', 'half_yearly', 'yearly', 'event'] as const satisfies readonly Cadence[]).map((c) => currentPeriodKey(c, at));
    expect(keys).toEqual(['2026-04', '2026-Q2', '2026-H1', '2026', null]);
  });
});

describe('the duty vocabularies', () => {
  test('every status, owner, destination, cadence and history step has words in both languages', () => {
    const keys = [
      ...OCCURRENCE_STATUSES.map((s) => `obligationStatus.${s}`),
      ...OCCURRENCE_OWNERS.map((o) => `obligationOwner.${o}`),
      ...['internal', 'subdistrict', 'department', 'regulators', 'congress'].map((r) => `obligationReportedTo.${r}`),
      ...['monthly', 'quarterly', 'half_yearly', 'yearly', 'event'].map((c) => `obligationCadence.${c}`),
      ...['open', 'fulfil', 'evidence', 'confirm', 'waive', 'revert', 'overdue'].map((a) => `obligationAction.${a}`),
    ];
    for (const key of keys) {
      expect(isMessageKey(key), key).toBe(true);
      if (!isMessageKey(key)) continue;
      expect(translate('zh-CN', key)).not.toBe(translate('en-US', key));
    }
  });
});
