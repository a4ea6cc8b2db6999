import { AlertOutlined, BarChartOutlined, InboxOutlined, WarningOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The accident entries of the side menu: an enterprise's quick report and list; a regulator's inbox and statistics. */
export function accidentNavItems(me: Me): NavItem[] {
  const own = me.scope.enterpriseId;
  const items: NavItem[] = [];
  if (own && me.permissions.includes('accident.report')) {
    items.push({ key: 'accidentQuick', path: `/enterprises/${own}/accidents/report`, label: 'accidents.nav.quick', icon: <WarningOutlined />, group: 'emergency' });
  }
  if (own && me.permissions.includes('accident.read')) {
    items.push({ key: 'accidents', path: `/enterprises/${own}/accidents`, label: 'accidents.nav.list', icon: <AlertOutlined />, group: 'emergency' });
  }
  if (!own && me.permissions.includes('accident.receive')) {
    items.push(
      { key: 'accidentInbox', path: '/accident-inbox', label: 'accidents.nav.inbox', icon: <InboxOutlined />, group: 'emergency' },
      { key: 'accidentStats', path: '/accident-stats', label: 'accidents.nav.stats', icon: <BarChartOutlined />, group: 'emergency' },
    );
  }
  return items;
}
