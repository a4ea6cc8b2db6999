import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The certificates side-menu entry: for the people of an enterprise who read them (regulators reach them in the enterprise file). */
export function certificatesNavItems(me: Me): NavItem[] {
  if (!me.scope.enterpriseId || !me.permissions.includes('certificate.read')) return [];
  return [{ key: 'certificates', path: '/certificates', label: 'nav.certificates', icon: <SafetyCertificateOutlined />, group: 'workforce' }];
}
