import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const InvestmentDetail = lazy(() => import('./components/InvestmentDetail').then((m) => ({ default: m.InvestmentDetail })));

/** A regulator's enterprise file shows the enterprise's safety investment and fee ledger (read-only). */
export function investmentEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('investment.read')) return [];
  return [{
    key: 'investment', label: 'enterpriseFile.tabInvestment',
    render: (id) => <Suspense fallback={<Skeleton active />}><InvestmentDetail enterpriseId={id} /></Suspense>,
  }];
}
