import { AimOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const RiskLedger = lazy(() => import('./components/RiskLedger').then((m) => ({ default: m.RiskLedger })));

/** The enterprise's risk ledger, read only, with its four-colour map one tap away. */
function RiskTab({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      <Flex justify="flex-end">
        <Link to={`/risk/overview/${enterpriseId}/map`}><Button icon={<AimOutlined />} data-testid="enterprise-file-risk-map">{t('nav.riskMap')}</Button></Link>
      </Flex>
      <Suspense fallback={<Skeleton active />}><RiskLedger enterpriseId={enterpriseId} readOnly /></Suspense>
    </Flex>
  );
}

/** Risk on a regulator's enterprise file (issue 10 §2). */
export function riskEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('risk.read')) return [];
  return [{ key: 'risk', label: 'enterpriseFile.tabRisk', render: (id) => <RiskTab enterpriseId={id} /> }];
}
