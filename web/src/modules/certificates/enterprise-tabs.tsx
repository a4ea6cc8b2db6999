import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const CertificatesRegister = lazy(() => import('./components/CertificatesRegister').then((m) => ({ default: m.CertificatesRegister })));

/** A regulator's enterprise file shows the enterprise's certificates and the people unqualified on posts (read-only). */
export function certificatesEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('certificate.read')) return [];
  return [{
    key: 'certificates', label: 'enterpriseFile.tabCertificates',
    render: (id) => <Suspense fallback={<Skeleton active />}><CertificatesRegister enterpriseId={id} /></Suspense>,
  }];
}
