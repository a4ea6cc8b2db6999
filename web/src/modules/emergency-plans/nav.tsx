import { AuditOutlined, FileProtectOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';
import type { Me } from '../auth/api/auth.api';

/** Emergency plans in the side menu: the enterprise's plans for its people; the filing inbox for regulators. */
export function planNavItems(me: Me): NavItem[] {
  if (!me.permissions.includes('emergency_plan.read')) return [];
  const own = me.scope.enterpriseId;
  if (own) return [{ key: 'emergencyPlans', path: `/enterprises/${own}/emergency-plans`, label: 'nav.emergencyPlans', icon: <FileProtectOutlined />, group: 'emergency' }];
  return [{ key: 'emergencyPlanFilings', path: '/emergency-plan-filings', label: 'nav.emergencyPlanFilings', icon: <AuditOutlined />, group: 'emergency' }];
}
