import { AlertOutlined, FileDoneOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The drill entries of the side menu: the enterprise's drills; the regulators' list of reported drills. */
export function drillNavItems(me: Me): NavItem[] {
  if (!me.permissions.includes('drill.read')) return [];
  const own = me.scope.enterpriseId;
  if (own) return [{ key: 'drills', path: `/enterprises/${own}/drills`, label: 'nav.drills', icon: <AlertOutlined />, group: 'emergency' }];
  return [{ key: 'reportedDrills', path: '/drills/reported', label: 'nav.reportedDrills', icon: <FileDoneOutlined />, group: 'emergency' }];
}
