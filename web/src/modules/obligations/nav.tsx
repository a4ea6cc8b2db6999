import { CalendarOutlined, CarryOutOutlined, FundProjectionScreenOutlined, PercentageOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';
import { hasObligationPermission, isEnterpriseManager, isRegulator } from './permissions';

/**
 * Duty entries of the side menu: an enterprise's people get 我的履职, its managers (principal, safety managers) also
 * the calendar and the rates; regulators who supervise get the board.
 */
export function obligationNavItems(me: Me): NavItem[] {
  if (!hasObligationPermission(me, 'obligation.read')) return [];
  if (me.scope.enterpriseId) {
    const items: NavItem[] = [{ key: 'obligations', path: '/duties', label: 'nav.obligations.mine', icon: <CarryOutOutlined />, group: 'fulfilment' }];
    if (isEnterpriseManager(me)) {
      items.push(
        { key: 'obligations-calendar', path: '/duties/calendar', label: 'nav.obligations.calendar', icon: <CalendarOutlined />, group: 'fulfilment' },
        { key: 'obligations-rates', path: '/duties/rates', label: 'nav.obligations.rates', icon: <PercentageOutlined />, group: 'fulfilment' },
      );
    }
    return items;
  }
  if (isRegulator(me) && hasObligationPermission(me, 'obligation.supervise')) {
    return [{ key: 'obligations-board', path: '/duties/board', label: 'nav.obligations.board', icon: <FundProjectionScreenOutlined />, group: 'fulfilment' }];
  }
  return [];
}
