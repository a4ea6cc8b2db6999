import { InsuranceOutlined, SafetyOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** The insurance side-menu entries for this user: the insurer's policies, the enterprise's page, the regulators' list. */
export function insuranceNavItems(me: Me): NavItem[] {
  const has = (p: string) => me.permissions.includes(p);
  if (me.role === 'insurer_staff') return has('insurance.underwrite') ? [{ key: 'insurancePolicies', path: '/insurance/policies', label: 'nav.insurancePolicies', icon: <InsuranceOutlined />, group: 'management' }] : [];
  if (me.scope.enterpriseId) return has('insurance.read') ? [{ key: 'insurance', path: '/insurance', label: 'nav.insurance', icon: <InsuranceOutlined />, group: 'management' }] : [];
  return has('insurance.supervise') ? [{ key: 'insuranceCoverage', path: '/insurance/coverage', label: 'nav.insuranceCoverage', icon: <SafetyOutlined />, group: 'management' }] : [];
}
