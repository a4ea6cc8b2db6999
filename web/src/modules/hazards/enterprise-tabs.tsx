import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';
import { hasPermission } from './permissions';

const tabs = () => import('./components/EnterpriseFileTabs');
const HazardsTab = lazy(() => tabs().then((m) => ({ default: m.EnterpriseHazardsTab })));
const MajorTab = lazy(() => tabs().then((m) => ({ default: m.EnterpriseMajorTab })));
const ChecksTab = lazy(() => tabs().then((m) => ({ default: m.EnterpriseChecksTab })));
const ReportsTab = lazy(() => tabs().then((m) => ({ default: m.EnterpriseReportsTab })));

const wait = <Skeleton active />;

/** The first day of this month on the district's clock (UTC+8). */
function monthStart(): string {
  const local = new Date(Date.now() + 8 * 3_600_000);
  return `${local.toISOString().slice(0, 7)}-01`;
}

/** Hazards, major hazards, check completion and double reports on a regulator's enterprise file. */
export function hazardEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !hasPermission(me, 'hazard.read')) return [];
  return [
    { key: 'hazards', label: 'enterpriseFile.tabHazards', render: (id) => <Suspense fallback={wait}><HazardsTab enterpriseId={id} /></Suspense> },
    { key: 'checks', label: 'enterpriseFile.tabChecks', render: (id) => <Suspense fallback={wait}><ChecksTab enterpriseId={id} monthStart={monthStart()} /></Suspense> },
    { key: 'reports', label: 'enterpriseFile.tabReports', render: (id) => <Suspense fallback={wait}><ReportsTab enterpriseId={id} /></Suspense> },
    { key: 'major', label: 'enterpriseFile.tabMajor', render: (id) => <Suspense fallback={wait}><MajorTab enterpriseId={id} /></Suspense> },
  ];
}
