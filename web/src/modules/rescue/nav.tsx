import { MedicineBoxOutlined, TeamOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/**
 * The rescue entry of the side menu: an enterprise user's own page; for the regulators, the list of the enterprises in
 * their scope (each enterprise's page is on its file).
 */
export function rescueNavItems(me: Me): NavItem[] {
  if (!me.permissions.includes('rescue.read')) return [];
  if (!me.scope.enterpriseId) return [{ key: 'rescueSupervision', path: '/rescue-supervision', label: 'nav.rescueSupervision', icon: <TeamOutlined />, group: 'emergency' }];
  return [{ key: 'rescue', path: '/rescue', label: 'nav.rescue', icon: <MedicineBoxOutlined />, group: 'emergency' }];
}
