import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Me } from '../../modules/auth/api/auth.api';
import { I18nContext, translate } from '../i18n';
import { SideMenu } from '../layout/SideMenu';
import { NAV_GROUP_META, NAV_GROUPS, navItems, navSections, openGroupOf, selectedNavKey, type NavSection } from '../menu';
import { loadModuleMessages } from '../module-messages';
import { zhI18n } from '../testing';
import { PEOPLE } from './people.fixture';

const state = vi.hoisted(() => ({ me: null as unknown, mobile: false }));
vi.mock('../auth', () => ({ useMe: () => state.me, useAuth: () => ({ me: state.me }) }));
vi.mock('../responsive', () => ({ useIsMobile: () => state.mobile, useDrawerSize: (d: number) => d }));

beforeAll(async () => { await loadModuleMessages(); });
afterEach(() => {
  cleanup();
  state.mobile = false;
});

/** A menu as text: `key` for an entry on its own, `group: key key …` for a group. */
const outline = (sections: NavSection[]) => sections.map((s) => (s.kind === 'item' ? s.item.key : `${s.group}: ${s.items.map((i) => i.key).join(' ')}`));
const menuOf = (me: Me) => outline(navSections(navItems(me)));
const CJK = /[\u4e00-\u9fff]/;

describe('the side menu in groups', () => {
  test('a department officer: home and the directory on top, then 双重预防, 责任体系, 履职管理, 管理体系, 人员培训与防护; notifications alone', () => {
    expect(menuOf(PEOPLE.yjj)).toEqual([
      'home',
      'enterprises',
      'prevention: risk-overview risk-reports hazardOverview majorHazards hazards hazardReports',
      'responsibility: dutyCoverage commitmentOverview dailyNoticeOverview',
      'fulfilment: keyMomentOverview obligations-board',
      'management: managementOverview staffingOverview equipmentOverview documentsOverview standardisationOverview feeOverview insuranceCoverage',
      'workforce: competenceOverview trainingOverview ppeOverview',
      'notifications',
    ]);
  });

  test('a subdistrict officer has the same groups as a department officer', () => {
    expect(menuOf(PEOPLE.guanshang)).toEqual(menuOf(PEOPLE.yjj));
  });

  test('the district admin also keeps the laws under 管理体系 and the rule settings under 系统', () => {
    const menu = menuOf(PEOPLE.admin);
    expect(menu).toContain('management: managementOverview staffingOverview equipmentOverview documentsOverview laws standardisationOverview feeOverview insuranceCoverage');
    expect(menu).toContain('workforce: competenceOverview trainingOverview ppeOverview');
    expect(menu.at(-1)).toBe('system: rules workCalendar users audit notifications');
  });

  test('a safety manager: his enterprise, then the same parts of the safety system from the enterprise\'s side', () => {
    expect(menuOf(PEOPLE.safety)).toEqual([
      'home',
      'enterprise: enterprise org employees',
      'prevention: risk risk-map risk-mine risk-my-cards risk-report hazardReport hazards checkTasks checklists hazardStats hazardReports',
      'responsibility: dutyPublication dutyLists dutyCoverage dutyReviews dutyAssessments myLetters letterCampaigns commitment dailyNotice payLinks',
      'fulfilment: meetings meetingActions keyMoments mentoring obligations obligations-calendar obligations-rates',
      'management: staffing equipment culture documents myDocuments standardisation investment insurance',
      'workforce: training certificates ppe myPpe',
      'system: users audit notifications',
    ]);
  });

  test('a worker: his own pages in their groups; a group with one page left shows that page alone', () => {
    expect(menuOf(PEOPLE.worker)).toEqual([
      'home',
      'enterprise: enterprise org',
      'prevention: risk risk-map risk-mine risk-my-cards hazardReport hazards checkTasks checklists hazardStats hazardReports',
      'responsibility: dutyPublication dutyAssessments myLetters commitment dailyNotice',
      'fulfilment: meetings meetingActions keyMoments mentoring obligations',
      'myDocuments',
      'workforce: myTraining myPpe',
      'notifications',
    ]);
  });

  test('an insurer: the directory, its hazard reports and its policies', () => {
    expect(menuOf(PEOPLE.insurer)).toEqual(['home', 'enterprises', 'prevention: hazardReport myReports', 'insurancePolicies', 'notifications']);
  });

  test('every entry of every module belongs to a group, only 首页 stays on top', () => {
    for (const me of Object.values(PEOPLE)) {
      const loose = navItems(me).filter((i) => !i.group).map((i) => i.key);
      expect(loose, me.username).toEqual(['home']);
    }
  });

  test('a module\'s entry names its group and lands in it, after the group\'s other entries', () => {
    const items = navItems(PEOPLE.yjj);
    items.push({ key: 'managementOverview', path: '/management-overview', label: 'navGroup.management', icon: null, group: 'management' });
    const management = navSections(items).find((s) => s.kind === 'group' && s.group === 'management');
    expect(management?.kind === 'group' && management.items.map((i) => i.key).at(-1)).toBe('managementOverview');
  });

  test('every group and every entry reads in Chinese first, with an English label too', () => {
    for (const group of NAV_GROUPS) {
      expect(translate('zh-CN', NAV_GROUP_META[group].label), group).toMatch(CJK);
      expect(translate('en-US', NAV_GROUP_META[group].label), group).toMatch(/^[A-Z]/);
    }
    for (const me of Object.values(PEOPLE)) {
      for (const item of navItems(me)) expect(translate('zh-CN', item.label), `${me.username} ${item.key}`).toMatch(CJK);
    }
  });

  test('the page shown picks its entry and the group to open, also for a page below the entry', () => {
    const items = navItems(PEOPLE.safety);
    const sections = navSections(items);
    const open = (path: string) => openGroupOf(sections, selectedNavKey(items, path));
    expect(selectedNavKey(items, '/risk/map')).toBe('risk-map');
    expect(open('/risk/map')).toBe('prevention');
    expect(selectedNavKey(items, '/enterprises/e1/hazards/h1')).toBe('hazards');
    expect(open('/enterprises/e1/hazards/h1')).toBe('prevention');
    expect(selectedNavKey(items, '/enterprises/e1')).toBe('enterprise');
    expect(open('/enterprises/e1')).toBe('enterprise');
    expect(open('/duties/calendar')).toBe('fulfilment');
    expect(open('/training')).toBe('workforce');
    expect(open('/staffing')).toBe('management');
    expect(open('/')).toBeUndefined();
    // An entry shown alone has no group to open.
    const worker = navItems(PEOPLE.worker);
    expect(openGroupOf(navSections(worker), selectedNavKey(worker, '/notifications'))).toBeUndefined();
  });
});

const renderMenu = (me: Me, path: string) => {
  state.me = me;
  return render(
    <MemoryRouter initialEntries={[path]}>
      <I18nContext.Provider value={zhI18n}><SideMenu theme="light" /></I18nContext.Provider>
    </MemoryRouter>,
  );
};

describe('SideMenu', () => {
  test('on load the group of the page shown is open with its entry selected; the other groups are closed', async () => {
    renderMenu(PEOPLE.guanshang, '/risk/overview/e7');
    const entry = await screen.findByTestId('nav-risk-overview');
    expect(entry.textContent).toBe('风险监管');
    expect(entry.closest('.ant-menu-item-selected')).not.toBeNull();
    expect(screen.getByTestId('nav-group-prevention').textContent).toBe('双重预防');
    expect(screen.queryByTestId('nav-staffingOverview')).toBeNull();
    // The directory and the notifications are lone entries, always in view.
    expect(screen.getByTestId('nav-enterprises').textContent).toBe('企业名录');
    expect(screen.getByTestId('nav-notifications').textContent).toBe('消息通知');
  });

  test('a click on a closed group opens it; on a desktop the open group stays open', async () => {
    renderMenu(PEOPLE.safety, '/risk');
    await screen.findByTestId('nav-risk');
    expect(screen.queryByTestId('nav-staffing')).toBeNull();
    fireEvent.click(screen.getByTestId('nav-group-management'));
    expect((await screen.findByTestId('nav-staffing')).textContent).toBe('安全管理机构和人员');
    expect(screen.getByTestId('nav-group-management').closest('.ant-menu-submenu-open')).not.toBeNull();
    expect(screen.getByTestId('nav-group-prevention').closest('.ant-menu-submenu-open')).not.toBeNull();
  });

  test('on a phone one group is open at a time, and the entries the tab bar reaches are left out', async () => {
    state.mobile = true;
    renderMenu(PEOPLE.worker, '/risk/mine');
    await screen.findByTestId('nav-risk-mine');
    expect(screen.queryByTestId('nav-home')).toBeNull();
    expect(screen.queryByTestId('nav-checkTasks')).toBeNull();
    fireEvent.click(screen.getByTestId('nav-group-fulfilment'));
    await screen.findByTestId('nav-obligations');
    await waitFor(() => expect(screen.getByTestId('nav-group-prevention').closest('.ant-menu-submenu-open')).toBeNull());
    expect(screen.getByTestId('nav-group-fulfilment').closest('.ant-menu-submenu-open')).not.toBeNull();
  });
});
