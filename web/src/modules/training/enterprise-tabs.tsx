import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const ShortfallCard = lazy(() => import('./components/ShortfallCard').then((m) => ({ default: m.ShortfallCard })));

/** A regulator's enterprise file shows the enterprise's training figures and shortfalls (read-only). */
export function trainingEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('training.read')) return [];
  return [{
    key: 'training', label: 'enterpriseFile.tabTraining',
    render: (id) => <Suspense fallback={<Skeleton active />}><ShortfallCard enterpriseId={id} archiveLinks={false} /></Suspense>,
  }];
}
