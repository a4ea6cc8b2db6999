import { TeamOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The safety organisation's side-menu entries for this user. */
export function staffingNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (me.scope.enterpriseId) return has('staffing.read') ? [{ key: 'staffing', path: '/staffing', label: 'nav.staffing', icon: <TeamOutlined />, group: 'management' }] : [];
  return has('staffing.supervise') ? [{ key: 'staffingOverview', path: '/staffing/overview', label: 'nav.staffingOverview', icon: <TeamOutlined />, group: 'management' }] : [];
}
