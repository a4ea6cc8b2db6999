import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const PpeBoard = lazy(() => import('./components/PpeBoard').then((m) => ({ default: m.PpeBoard })));

/** A regulator's enterprise file shows the enterprise's PPE standards, ledger, replacements and gaps (read only). */
export function ppeEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('ppe.read')) return [];
  return [{
    key: 'ppe', label: 'enterpriseFile.tabPpe',
    render: (id) => <Suspense fallback={<Skeleton active />}><PpeBoard enterpriseId={id} initialTab="gaps" /></Suspense>,
  }];
}
