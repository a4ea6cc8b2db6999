import { AimOutlined, AlertOutlined, FileDoneOutlined, IdcardOutlined, MonitorOutlined, UserOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/**
 * Risk entries of the side menu for this user: an enterprise's people get their ledger, map and own risks (and the
 * annual report when they write or confirm it); regulators get the overview and the reports. The admin edits the
 * risk rules on the rule-set screen (modules/rules).
 */
export function riskNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  const items: NavItem[] = [];
  if (me.scope.enterpriseId) {
    if (!has('risk.read')) return items;
    items.push(
      { key: 'risk', path: '/risk', label: 'nav.risk', icon: <AlertOutlined />, group: 'prevention' },
      { key: 'risk-map', path: '/risk/map', label: 'nav.riskMap', icon: <AimOutlined />, group: 'prevention' },
      { key: 'risk-mine', path: '/risk/mine', label: 'nav.riskMine', icon: <UserOutlined />, group: 'prevention' },
    );
    // R-RISK-7, issue 12 §2: the cards of one's own posts, read and acknowledged on a phone.
    if (has('risk.card.acknowledge')) items.push({ key: 'risk-my-cards', path: '/risk/my-cards', label: 'nav.riskMyCards', icon: <IdcardOutlined />, group: 'prevention' });
    if (has('risk.report.submit') || has('risk.report.confirm')) {
      items.push({ key: 'risk-report', path: '/risk/report', label: 'nav.riskReport', icon: <FileDoneOutlined />, group: 'prevention' });
    }
    return items;
  }
  if (has('risk.supervise')) {
    items.push(
      { key: 'risk-overview', path: '/risk/overview', label: 'nav.riskOverview', icon: <MonitorOutlined />, group: 'prevention' },
      { key: 'risk-reports', path: '/risk/reports', label: 'nav.riskReports', icon: <FileDoneOutlined />, group: 'prevention' },
    );
  }
  return items;
}
