import { DashboardOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The management-system and competence views' side-menu entries: regulators only. */
export function overviewNavItems(me: Me): NavItem[] {
  if (me.scope.enterpriseId || !me.permissions.includes('management.overview')) return [];
  return [
    { key: 'managementOverview', path: '/management-overview', label: 'nav.managementOverview', icon: <DashboardOutlined />, group: 'management' },
    { key: 'competenceOverview', path: '/competence-overview', label: 'nav.competenceOverview', icon: <SafetyCertificateOutlined />, group: 'workforce' },
  ];
}
