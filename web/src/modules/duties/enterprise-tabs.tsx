import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const CoverageView = lazy(() => import('./components/CoverageView').then((m) => ({ default: m.CoverageView })));

/** Duty-list coverage on a regulator's enterprise file. */
export function dutyEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('duty.coverage')) return [];
  return [{ key: 'duties', label: 'enterpriseFile.tabDuties', render: (id) => <Suspense fallback={<Skeleton active />}><CoverageView enterpriseId={id} /></Suspense> }];
}
