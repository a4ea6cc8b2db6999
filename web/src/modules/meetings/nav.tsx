import { CheckSquareOutlined, TeamOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The meeting entries of an enterprise user's side menu (regulators read meetings on the enterprise file). */
export function meetingNavItems(me: Me): NavItem[] {
  const own = me.scope.enterpriseId;
  if (!own || !me.permissions.includes('meeting.read')) return [];
  return [
    { key: 'meetings', path: `/enterprises/${own}/meetings`, label: 'nav.meetings', icon: <TeamOutlined />, group: 'fulfilment' },
    { key: 'meetingActions', path: `/enterprises/${own}/meeting-actions`, label: 'nav.meetingActions', icon: <CheckSquareOutlined />, group: 'fulfilment' },
  ];
}
