import { MedicineBoxOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The rescue entry of an enterprise user's side menu (regulators read it on the enterprise file). */
export function rescueNavItems(me: Me): NavItem[] {
  if (!me.scope.enterpriseId || !me.permissions.includes('rescue.read')) return [];
  return [{ key: 'rescue', path: '/rescue', label: 'nav.rescue', icon: <MedicineBoxOutlined />, group: 'emergency' }];
}
