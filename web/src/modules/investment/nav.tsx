import { AccountBookOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The safety investment's side-menu entries for this user: the enterprise's own page, or the regulators' list. */
export function investmentNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (me.scope.enterpriseId) return has('investment.read') ? [{ key: 'investment', path: '/investment', label: 'nav.investment', icon: <AccountBookOutlined />, group: 'management' }] : [];
  return has('investment.supervise') ? [{ key: 'feeOverview', path: '/safety-fee-overview', label: 'nav.feeOverview', icon: <AccountBookOutlined />, group: 'management' }] : [];
}
