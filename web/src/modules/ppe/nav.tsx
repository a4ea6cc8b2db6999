import { MonitorOutlined, SafetyCertificateOutlined, SkinOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/**
 * The PPE side-menu entries for this user: the enterprise's page for its managers and team leaders, "my PPE" for
 * everyone on its roster (signed on a phone), the regulators' list.
 */
export function ppeNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (me.scope.enterpriseId) {
    const items: NavItem[] = [];
    if (has('ppe.read')) items.push({ key: 'ppe', path: '/ppe', label: 'nav.ppe', icon: <SafetyCertificateOutlined />, group: 'workforce' });
    if (has('ppe.own')) items.push({ key: 'myPpe', path: '/my-ppe', label: 'nav.myPpe', icon: <SkinOutlined />, group: 'workforce' });
    return items;
  }
  return has('ppe.supervise') ? [{ key: 'ppeOverview', path: '/ppe-overview', label: 'nav.ppeOverview', icon: <MonitorOutlined />, group: 'workforce' }] : [];
}
