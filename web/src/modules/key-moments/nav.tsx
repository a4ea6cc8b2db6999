import { AuditOutlined, CalendarOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/**
 * The entries of an enterprise user's side menu: key moments, mentoring, and (managers) the pay–safety link; a
 * regulator's: the key moments of the enterprises in his scope.
 */
export function keyMomentNavItems(me: Me): NavItem[] {
  const own = me.scope.enterpriseId;
  if (!own) {
    return me.permissions.includes('key_moment.supervise')
      ? [{ key: 'keyMomentOverview', path: '/key-moments/overview', label: 'nav.keyMomentOverview', icon: <ScheduleOutlined />, group: 'fulfilment' }]
      : [];
  }
  const items: NavItem[] = [];
  if (me.permissions.includes('key_moment.read')) items.push({ key: 'keyMoments', path: `/enterprises/${own}/key-moments`, label: 'nav.keyMoments', icon: <CalendarOutlined />, group: 'fulfilment' });
  if (me.permissions.includes('mentoring.read')) items.push({ key: 'mentoring', path: `/enterprises/${own}/mentoring`, label: 'nav.mentoring', icon: <TeamOutlined />, group: 'fulfilment' });
  if (me.permissions.includes('pay_link.read')) items.push({ key: 'payLinks', path: `/enterprises/${own}/pay-links`, label: 'nav.payLinks', icon: <AuditOutlined />, group: 'responsibility' });
  return items;
}
