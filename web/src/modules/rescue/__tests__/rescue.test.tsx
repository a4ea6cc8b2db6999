import { QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMessages, I18nContext } from '../../../app/i18n';
import { createQueryClient } from '../../../app/query';
import { zhI18n } from '../../../app/testing';
import type { Me } from '../../auth/api/auth.api';
import type { EmergencyContact, RescueEquipment, RescueOverview, RescueSupervisionList } from '../api/rescue.api';
import { RescueBoard } from '../components/RescueBoard';
import { rescueNavItems } from '../nav';
import { RescueCardPage } from '../pages/RescueCardPage';
import { RescueSupervisionPage } from '../pages/RescueSupervisionPage';
import { rescueMessages } from '../rescue.messages';

const answers = vi.hoisted(() => ({ overview: null as unknown, contacts: null as unknown, supervision: null as unknown, equipment: null as unknown }));
vi.mock('../api/rescue.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/rescue.api')>();
  return {
    ...real,
    rescueApi: {
      ...real.rescueApi,
      overview: vi.fn(async () => answers.overview),
      teams: vi.fn(async () => ({ items: [] })),
      agreements: vi.fn(async () => ({ items: [] })),
      contacts: vi.fn(async () => answers.contacts),
      supervision: vi.fn(async () => answers.supervision),
      equipment: vi.fn(async () => answers.equipment),
    },
  };
});
vi.mock('../../risk/api/risk-map.api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../risk/api/risk-map.api')>();
  return {
    ...real,
    riskMapApi: {
      ...real.riskMapApi,
      plans: vi.fn(async () => ({ items: [{ id: 'p1', name: '厂区总平面图', mime: 'image/png', width: 1000, height: 500, size: 1, createdAt: '2026-01-01T00:00:00Z', pointCount: 0 }], canManage: false })),
    },
  };
});

const person = (role: Me['role'], permissions: string[], enterpriseId: string | null) => ({
  id: 'u1', username: 'u', displayName: '张三', role, roleName: role, locale: 'zh-CN', mustChangePassword: false, csrfToken: 'x',
  assignableRoles: [], permissions,
  scope: { kind: enterpriseId ? 'enterprise' : 'subdistrict', id: 's', name: '关上街道', enterpriseId },
}) as Me;

const contact = (over: Partial<EmergencyContact>): EmergencyContact => ({
  id: 'c1', kind: 'fire', name: '火警', organisation: '', role: '', phone: '119', note: '', sort: 0, version: 1, ...over,
});

function wrap(ui: ReactNode, path = '/rescue') {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <I18nContext.Provider value={zhI18n}><App>{ui}</App></I18nContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeAll(() => addMessages(rescueMessages as never));
afterEach(cleanup);

describe('rescue organisation and resources (issue 14 §2, R-EMG-3)', () => {
  test('the menu: enterprise users get the rescue page in the emergency group; regulators the list of their enterprises', () => {
    expect(rescueNavItems(person('safety_manager', ['rescue.read', 'rescue.manage'], 'e1')).map((i) => [i.path, i.group])).toEqual([['/rescue', 'emergency']]);
    expect(rescueNavItems(person('employee', ['rescue.read'], 'e1')).map((i) => i.path)).toEqual(['/rescue']);
    expect(rescueNavItems(person('subdistrict_officer', ['rescue.read'], null)).map((i) => [i.path, i.group])).toEqual([['/rescue-supervision', 'emergency']]);
    expect(rescueNavItems(person('insurer_staff', [], null))).toEqual([]);
  });

  test('the regulators\' list says what each enterprise must have and what is missing, with the filters\' counts', async () => {
    answers.supervision = {
      items: [{
        enterpriseId: 'e1', name: '昆明某化工有限公司', creditCode: '91530111MA00000000', subdistrictName: '关上街道', industryName: '危险化学品', requirement: 'team',
        met: false, reasons: ['no_members'], teams: 1, members: 0, agreements: 1, agreementValidTo: '2026-06-01', agreementExpired: true, equipment: 3, inspectionsOverdue: 2, expired: 0,
      }],
      total: 1, page: 1, pageSize: 20, today: '2026-06-15', counts: { enterprises: 5, required: 3, missing: 1, agreementExpired: 1, inspectionOverdue: 1 },
    } satisfies RescueSupervisionList;
    wrap(<RescueSupervisionPage />, '/rescue-supervision?missing=true');
    expect(await screen.findByText('昆明某化工有限公司')).toBeTruthy();
    expect(screen.getByText('救援队伍还没有成员')).toBeTruthy();
    expect(screen.getByText('2 项检查超期')).toBeTruthy();
    expect(screen.getByText('有效期至 2026-06-01')).toBeTruthy();
    expect(screen.getByText('共 5 家企业，其中 3 家须建立救援组织，1 家未落实')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /救援组织未落实/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /救援协议已过期/ }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('昆明某化工有限公司').closest('a')?.getAttribute('href')).toBe('/enterprises/e1?tab=rescue');
  });

  test('an item placed on a floor plan is drawn there by the risk map\'s canvas', async () => {
    answers.overview = {
      today: '2026-06-15',
      requirements: { rescueOrganisation: 'not_required', halfYearlyDrills: false, reportDrills: false, threeYearEvaluation: false, planReview: 'demonstration', sizeClass: 'small', ruleSetVersion: 0 },
      readiness: { required: false, requirement: 'not_required', met: true, reasons: [] },
      counts: { teams: 0, members: 0, agreementsValid: 0, agreementsExpiring: 0, equipment: 2, equipmentDue: 0, contacts: 0 },
      abilities: { canManage: false },
    } satisfies RescueOverview;
    const item = (over: Partial<RescueEquipment>): RescueEquipment => ({
      id: 'q1', name: '空气呼吸器', category: 'protection', quantity: 2, unit: '套', location: '一车间', floorPlanId: 'p1', position: { type: 'marker', x: 0.25, y: 0.5 },
      keeper: '', inspectionCycleDays: null, lastInspectedOn: null, nextInspectionDue: null, expiresOn: null, note: '', state: 'ok', version: 1, ...over,
    });
    answers.equipment = { today: '2026-06-15', items: [item({}), item({ id: 'q2', name: '急救箱', floorPlanId: null, position: null })] };
    wrap(<RescueBoard enterpriseId="e1" sync="url" />, '/rescue?tab=equipment');
    const buttons = await screen.findAllByTestId('rescue-equipment-locate');
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    const canvas = await screen.findByTestId('risk-map');
    expect(canvas.getAttribute('data-count')).toBe('1');
    const marker = canvas.querySelector('circle');
    expect(marker?.getAttribute('cx')).toBe('250');
    expect(marker?.getAttribute('cy')).toBe('250');
    expect(screen.getByText('厂区总平面图')).toBeTruthy();
  });

  test('a small unit without part-time rescuers and agreement sees what the rules ask and what is missing, in Chinese', async () => {
    answers.overview = {
      today: '2026-06-15',
      requirements: { rescueOrganisation: 'team_or_parttime', halfYearlyDrills: true, reportDrills: true, threeYearEvaluation: true, planReview: 'review', sizeClass: 'small', ruleSetVersion: 0 },
      readiness: { required: true, requirement: 'team_or_parttime', met: false, reasons: ['no_team', 'no_agreement'] },
      counts: { teams: 0, members: 0, agreementsValid: 0, agreementsExpiring: 0, equipment: 0, equipmentDue: 0, contacts: 0 },
      abilities: { canManage: false },
    } satisfies RescueOverview;
    wrap(<RescueBoard enterpriseId="e1" />);
    expect(await screen.findByTestId('rescue-not-ready')).toBeTruthy();
    expect(screen.getByText('尚未与专业救援队伍签订救援协议')).toBeTruthy();
    expect(screen.getByText('每半年至少演练一次并报送')).toBeTruthy();
    expect(screen.getByText('应急预案组织专家评审')).toBeTruthy();
    // A reader gets no add button.
    expect(screen.queryByTestId('rescue-team-add')).toBeNull();
  });

  test('the contact card groups contacts by kind with tap-to-call numbers and a print button', async () => {
    answers.contacts = { enterpriseName: '昆明官渡精细化工有限公司', items: [contact({}), contact({ id: 'c2', kind: 'hospital', name: '急救中心', phone: '120' }), contact({ id: 'c3', kind: 'internal', name: '李四', role: '应急总指挥', phone: '13800000001' })] };
    wrap(<Routes><Route path="/enterprises/:enterpriseId/rescue-card" element={<RescueCardPage />} /></Routes>, '/enterprises/e1/rescue-card');
    expect(await screen.findByText('昆明官渡精细化工有限公司')).toBeTruthy();
    expect(screen.getByText('119').closest('a')?.getAttribute('href')).toBe('tel:119');
    expect(screen.getByText('李四（应急总指挥）')).toBeTruthy();
    const kinds = screen.getAllByRole('row').slice(1).map((r) => r.querySelector('td')?.textContent);
    expect(kinds).toEqual(['本单位人员', '医院/急救', '消防']);
    expect(screen.getByTestId('rescue-card-print')).toBeTruthy();
  });
});
