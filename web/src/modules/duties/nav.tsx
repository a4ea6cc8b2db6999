import { AuditOutlined, FileProtectOutlined, PieChartOutlined, ProfileOutlined, SolutionOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The duty pages of the side menu for this user: what every employee reads, and what the enterprise's leaders keep. */
export function dutyNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (!me.scope.enterpriseId) {
    return has('duty.coverage') ? [{ key: 'dutyCoverage', path: '/duty-coverage', label: 'nav.dutyCoverage', icon: <PieChartOutlined />, group: 'responsibility' }] : [];
  }
  if (!has('duty.read')) return [];
  const items: NavItem[] = [{ key: 'dutyPublication', path: '/duty-publication', label: 'nav.dutyPublication', icon: <ProfileOutlined />, group: 'responsibility' }];
  if (has('duty.coverage')) {
    items.push(
      { key: 'dutyLists', path: '/duty-lists', label: 'nav.dutyLists', icon: <FileProtectOutlined />, group: 'responsibility' },
      { key: 'dutyCoverage', path: '/duty-coverage', label: 'nav.dutyCoverage', icon: <PieChartOutlined />, group: 'responsibility' },
    );
  }
  if (has('duty.manage') || has('duty.sign')) items.push({ key: 'dutyReviews', path: '/duty-reviews', label: 'nav.dutyReviews', icon: <AuditOutlined />, group: 'responsibility' });
  items.push({ key: 'dutyAssessments', path: '/duty-assessments', label: 'nav.dutyAssessments', icon: <SolutionOutlined />, group: 'responsibility' });
  return items;
}
