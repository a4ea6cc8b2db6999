import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const StaffingDetail = lazy(() => import('./components/StaffingDetail').then((m) => ({ default: m.StaffingDetail })));

/** A regulator's enterprise file shows the enterprise's safety organisation and its staffing check (read-only). */
export function staffingEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('staffing.read')) return [];
  return [{
    key: 'staffing', label: 'enterpriseFile.tabStaffing',
    render: (id) => <Suspense fallback={<Skeleton active />}><StaffingDetail enterpriseId={id} /></Suspense>,
  }];
}
