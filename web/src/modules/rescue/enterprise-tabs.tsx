import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const RescueBoard = lazy(() => import('./components/RescueBoard').then((m) => ({ default: m.RescueBoard })));

/** A regulator's enterprise file shows the enterprise's rescue organisation, equipment and contacts (read only). */
export function rescueEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('rescue.read')) return [];
  return [{
    key: 'rescue', label: 'enterpriseFile.tabRescue',
    render: (id) => <Suspense fallback={<Skeleton active />}><RescueBoard enterpriseId={id} /></Suspense>,
  }];
}
