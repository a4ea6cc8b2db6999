import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';
import { hasObligationPermission } from './permissions';

const DutiesTab = lazy(() => import('./components/EnterpriseDutiesTab').then((m) => ({ default: m.EnterpriseDutiesTab })));

/** 履职 on a regulator's enterprise file: the enterprise's duties and rates, read-only. */
export function obligationEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !hasObligationPermission(me, 'obligation.read')) return [];
  return [
    { key: 'duties', label: 'obligation.tab', render: (id) => <Suspense fallback={<Skeleton active />}><DutiesTab enterpriseId={id} /></Suspense> },
  ];
}
