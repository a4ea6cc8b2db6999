import { MonitorOutlined, ToolOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The equipment side-menu entries for this user. */
export function equipmentNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (me.scope.enterpriseId) return has('equipment.read') ? [{ key: 'equipment', path: '/equipment', label: 'nav.equipment', icon: <ToolOutlined />, group: 'management' }] : [];
  return has('equipment.supervise') ? [{ key: 'equipmentOverview', path: '/equipment-overview', label: 'nav.equipmentOverview', icon: <MonitorOutlined />, group: 'management' }] : [];
}
