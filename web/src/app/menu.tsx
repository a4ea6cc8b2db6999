import type { ReactNode } from 'react';
import {
  AlertOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, BellOutlined, CheckCircleOutlined, ClusterOutlined, HomeOutlined,
  IdcardOutlined, MonitorOutlined, ReadOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import type { MessageKey } from './i18n';
import type { Me } from '../modules/auth/api/auth.api';
import { WEB_MODULES } from './module-list';

/**
 * The side menu's groups, in menu order. Regulators and enterprise users share them, each group holding the pages of
 * the same part of the safety system from their side (the enterprise's own ledger, the regulator's overview of it):
 * - supervision: the regulator's directory and any list across the whole system (监管);
 * - enterprise: the enterprise's own file, organisation and people (企业信息);
 * - prevention: risk grading and hazard checking, the dual prevention mechanism (双重预防);
 * - responsibility: who answers for what — duty lists, their review and assessment, letters, commitments (责任体系);
 * - fulfilment: carrying the duties out — duties owed, meetings, key moments, mentoring (履职管理);
 * - management: organisation, rules, standardisation, investment, insurance, equipment, culture (管理体系);
 * - workforce: the people's competence and protection — training, certificates, protective equipment (人员培训与防护);
 * - emergency: plans, drills, rescue resources, accident reports, investigation and interviews (应急与事故);
 * - system: users, audit, rule settings, notifications (系统).
 */
export const NAV_GROUPS = ['supervision', 'enterprise', 'prevention', 'responsibility', 'fulfilment', 'management', 'workforce', 'emergency', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** Each group's label and its icon (all the collapsed side bar shows). */
export const NAV_GROUP_META: Record<NavGroup, { label: MessageKey; icon: ReactNode }> = {
  supervision: { label: 'navGroup.supervision', icon: <MonitorOutlined /> },
  enterprise: { label: 'navGroup.enterprise', icon: <BankOutlined /> },
  prevention: { label: 'navGroup.prevention', icon: <SafetyOutlined /> },
  responsibility: { label: 'navGroup.responsibility', icon: <IdcardOutlined /> },
  fulfilment: { label: 'navGroup.fulfilment', icon: <CheckCircleOutlined /> },
  management: { label: 'navGroup.management', icon: <ClusterOutlined /> },
  workforce: { label: 'navGroup.workforce', icon: <ReadOutlined /> },
  emergency: { label: 'navGroup.emergency', icon: <AlertOutlined /> },
  system: { label: 'navGroup.system', icon: <SettingOutlined /> },
};

/** One entry of the side menu; without a group it stays at the top, next to 首页. */
export type NavItem = { key: string; path: string; label: MessageKey; icon: ReactNode; group?: NavGroup };

/** What the menu shows: a lone entry, or a group of entries (a group left with one entry shows it alone). */
export type NavSection =
  | { kind: 'item'; item: NavItem }
  | { kind: 'group'; group: NavGroup; items: NavItem[] };

function has(me: Me, permission: string): boolean {
  return me.permissions.includes(permission);
}

/** The side menu, built from the permissions /auth/me returned; enterprise users get their own enterprise's pages. */
export function navItems(me: Me): NavItem[] {
  const items: NavItem[] = [{ key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> }];
  const own = me.scope.enterpriseId;
  if (own) {
    if (has(me, 'enterprise.read')) items.push({ key: 'enterprise', path: `/enterprises/${own}`, label: 'nav.ownEnterprise', icon: <BankOutlined />, group: 'enterprise' });
    if (has(me, 'orgunit.read')) items.push({ key: 'org', path: '/org', label: 'nav.org', icon: <ApartmentOutlined />, group: 'enterprise' });
    if (has(me, 'employee.read')) items.push({ key: 'employees', path: '/employees', label: 'nav.employees', icon: <TeamOutlined />, group: 'enterprise' });
  } else if (has(me, 'enterprise.read')) {
    items.push({ key: 'enterprises', path: '/enterprises', label: 'nav.enterprises', icon: <BankOutlined />, group: 'supervision' });
  }
  items.push(...WEB_MODULES.flatMap((m) => m.nav?.(me) ?? []));
  if (has(me, 'user.read')) items.push({ key: 'users', path: '/users', label: 'nav.users', icon: <UserOutlined />, group: 'system' });
  if (has(me, 'audit.read')) items.push({ key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, group: 'system' });
  items.push({ key: 'notifications', path: '/notifications', label: 'nav.notifications', icon: <BellOutlined />, group: 'system' });
  return items;
}

/**
 * The entries arranged for the menu: the ungrouped ones (首页) first in their order, then the groups in NAV_GROUPS
 * order, each with its entries in their order. A group with a single entry shows that entry alone: a submenu to open
 * for one page only costs a click.
 */
export function navSections(items: NavItem[]): NavSection[] {
  const sections: NavSection[] = items.filter((i) => !i.group).map((item) => ({ kind: 'item', item }));
  for (const group of NAV_GROUPS) {
    const members = items.filter((i) => i.group === group);
    if (members.length === 1) sections.push({ kind: 'item', item: members[0]! });
    else if (members.length > 1) sections.push({ kind: 'group', group, items: members });
  }
  return sections;
}

/** The group (as a submenu) that holds the entry with this key, if it shows as a submenu: the one to open. */
export function openGroupOf(sections: NavSection[], key: string | undefined): NavGroup | undefined {
  if (!key) return undefined;
  for (const s of sections) if (s.kind === 'group' && s.items.some((i) => i.key === key)) return s.group;
  return undefined;
}

/** The menu entry a path belongs to: the longest matching prefix. */
export function selectedNavKey(items: NavItem[], pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of items) {
    const matches = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
