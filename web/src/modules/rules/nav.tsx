import { CalendarOutlined, ControlOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The district admin's 规则配置 and 工作日历 entries (the server grants `rules.manage` to nobody else). */
export function rulesNavItems(me: Me): NavItem[] {
  if (!me.permissions.includes('rules.manage')) return [];
  return [
    { key: 'rules', path: '/rules', label: 'nav.rules', icon: <ControlOutlined />, group: 'system' },
    { key: 'workCalendar', path: '/rules/calendar', label: 'nav.workCalendar', icon: <CalendarOutlined />, group: 'system' },
  ];
}
