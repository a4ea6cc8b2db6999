import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The standardisation side-menu entries for this user: the enterprise's self-assessment, or the regulators' list. */
export function standardisationNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (me.scope.enterpriseId) {
    return has('standardisation.read')
      ? [{ key: 'standardisation', path: '/standardisation', label: 'nav.standardisation', icon: <SafetyCertificateOutlined />, group: 'management' }]
      : [];
  }
  return has('standardisation.supervise')
    ? [{ key: 'standardisationOverview', path: '/standardisation/overview', label: 'nav.standardisationOverview', icon: <SafetyCertificateOutlined />, group: 'management' }]
    : [];
}
