import { TrophyOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The safety-culture side-menu entry for this user (the enterprise's managers). */
export function cultureNavItems(me: Me): NavItem[] {
  return me.scope.enterpriseId && me.permissions.includes('culture.read') ? [{ key: 'culture', path: '/culture', label: 'nav.culture', icon: <TrophyOutlined />, group: 'management' }] : [];
}
