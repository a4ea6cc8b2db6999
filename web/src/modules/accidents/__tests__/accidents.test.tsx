import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { Me } from '../../auth/api/auth.api';
import type { AccidentSummary } from '../api/accidents.api';
import { accidentsMessages } from '../accidents.messages';
import { AccidentPhotos } from '../components/AccidentPhotos';
import { AccidentTags } from '../components/AccidentTags';
import { toReport } from '../components/QuickReportForm';
import { accidentNavItems } from '../nav';

const person = (role: Me['role'], permissions: string[], enterpriseId: string | null) => ({
  id: 'u1', username: 'u', displayName: '张三', role, roleName: role, locale: 'zh-CN', mustChangePassword: false, csrfToken: 'x',
  assignableRoles: [], permissions,
  scope: { kind: enterpriseId ? 'enterprise' : 'department', id: 's', name: '区应急管理局', enterpriseId },
}) as Me;

const accident = (over: Partial<AccidentSummary>): AccidentSummary => ({
  id: 'a1', enterpriseId: 'e1', enterpriseName: '测试企业', kind: 'accident', accidentType: 'scald', occurredAt: '2026-05-11T02:00:00Z', place: '', summary: '灼伤',
  deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 0, directLoss: '0', grade: 'general', unitHeadInformedAt: '2026-05-11T02:00:00Z',
  regulatorsReceivedAt: '2026-05-11T03:30:00Z', forwardLevel: null, forwardedAt: null, lateness: { late: true, onsiteGap: false, forwardLate: false }, ...over,
});

function wrap(ui: React.ReactNode) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter><I18nContext.Provider value={zhI18n}><App>{ui}</App></I18nContext.Provider></MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeAll(() => addMessages(accidentsMessages as never));
afterEach(cleanup);

describe('accident reports (issue 14 §4)', () => {
  test('the menu: everyone in an enterprise gets the quick report; regulators get the inbox and statistics, all in the emergency group', () => {
    expect(accidentNavItems(person('employee', ['accident.report', 'accident.read'], 'e1')).map((i) => [i.path, i.group]))
      .toEqual([['/enterprises/e1/accidents/report', 'emergency'], ['/enterprises/e1/accidents', 'emergency']]);
    expect(accidentNavItems(person('department_officer', ['accident.read', 'accident.receive'], null)).map((i) => i.path)).toEqual(['/accident-inbox', '/accident-stats']);
    expect(accidentNavItems(person('insurer_staff', [], null))).toEqual([]);
  });

  test('the flags both sides see: grade and 迟报; a near miss shows as such, never graded', () => {
    wrap(<AccidentTags a={accident({})} />);
    expect(screen.getByText('一般事故')).toBeTruthy();
    expect(screen.getByText('迟报')).toBeTruthy();
    cleanup();
    wrap(<AccidentTags a={accident({ kind: 'near_miss', grade: null, regulatorsReceivedAt: null, lateness: { late: false, onsiteGap: false, forwardLate: false } })} />);
    expect(screen.getByText('未遂事件')).toBeTruthy();
    expect(screen.queryByText('一般事故')).toBeNull();
    expect(screen.queryByText('未上报')).toBeNull();
  });

  test('photos sent with a quick report show as 处理中 until processed, and an unreadable one says so instead of a broken image', () => {
    const { container } = wrap(<AccidentPhotos photos={[
      { id: 'p1', url: '/api/v1/enterprises/e1/photos/p1', state: 'ready' },
      { id: 'p2', url: '/api/v1/enterprises/e1/photos/p2', state: 'pending' },
      { id: 'p3', url: '/api/v1/enterprises/e1/photos/p3', state: 'rejected' },
    ]} />);
    expect(screen.getByText('处理中')).toBeTruthy();
    expect(screen.getByText('照片无法识别')).toBeTruthy();
    expect([...container.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['/api/v1/enterprises/e1/photos/p1']);
  });

  test('a quick report with only what happened sends zero counts and no time (the server takes now)', () => {
    expect(toReport({ kind: 'accident', summary: '泄漏' })).toEqual({
      kind: 'accident', summary: '泄漏', place: '', accidentType: null, deaths: 0, seriousInjuries: 0, minorInjuries: 0, missing: 0,
    });
  });
});
