import type { ReactNode } from 'react';
import {
  ApartmentOutlined, AuditOutlined, BankOutlined, BellOutlined, HomeOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import type { MessageKey } from './i18n';
import type { Me } from '../modules/auth/api/auth.api';
import { WEB_MODULES } from './module-list';

export type NavItem = { key: string; path: string; label: MessageKey; icon: ReactNode };

function has(me: Me, permission: string): boolean {
  return me.permissions.includes(permission);
}

/** The side menu, built from the permissions /auth/me returned; enterprise users get their own enterprise's pages. */
export function navItems(me: Me): NavItem[] {
  const items: NavItem[] = [{ key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> }];
  const own = me.scope.enterpriseId;
  if (own) {
    if (has(me, 'enterprise.read')) items.push({ key: 'enterprise', path: `/enterprises/${own}`, label: 'nav.ownEnterprise', icon: <BankOutlined /> });
    if (has(me, 'orgunit.read')) items.push({ key: 'org', path: '/org', label: 'nav.org', icon: <ApartmentOutlined /> });
    if (has(me, 'employee.read')) items.push({ key: 'employees', path: '/employees', label: 'nav.employees', icon: <TeamOutlined /> });
  } else if (has(me, 'enterprise.read')) {
    items.push({ key: 'enterprises', path: '/enterprises', label: 'nav.enterprises', icon: <BankOutlined /> });
  }
  items.push(...WEB_MODULES.flatMap((m) => m.nav?.(me) ?? []));
  if (has(me, 'user.read')) items.push({ key: 'users', path: '/users', label: 'nav.users', icon: <UserOutlined /> });
  if (has(me, 'audit.read')) items.push({ key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined /> });
  items.push({ key: 'notifications', path: '/notifications', label: 'nav.notifications', icon: <BellOutlined /> });
  return items;
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
