import { lazy, Suspense, useState } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';
import { districtYear } from '../../app/format';

const EnterpriseStandardisation = lazy(() => import('./components/EnterpriseStandardisation').then((m) => ({ default: m.EnterpriseStandardisation })));

function Tab({ enterpriseId }: { enterpriseId: string }) {
  const [year, setYear] = useState(districtYear());
  const [tab, setTab] = useState('assessment');
  return <EnterpriseStandardisation enterpriseId={enterpriseId} year={year} onYear={setYear} tab={tab} onTab={setTab} />;
}

/** A regulator's enterprise file shows the enterprise's self-assessments and external reviews (read-only). */
export function standardisationEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('standardisation.read')) return [];
  return [{
    key: 'standardisation', label: 'enterpriseFile.tabStandardisation',
    render: (id) => <Suspense fallback={<Skeleton active />}><Tab enterpriseId={id} /></Suspense>,
  }];
}
