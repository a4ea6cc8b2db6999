import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const InsuranceDetail = lazy(() => import('./components/InsuranceDetail').then((m) => ({ default: m.InsuranceDetail })));

/** A regulator's enterprise file shows the enterprise's insurance: 安责险 and its check, work-injury coverage (read-only). */
export function insuranceEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('insurance.read')) return [];
  return [{
    key: 'insurance', label: 'enterpriseFile.tabInsurance',
    render: (id) => <Suspense fallback={<Skeleton active />}><InsuranceDetail enterpriseId={id} /></Suspense>,
  }];
}
