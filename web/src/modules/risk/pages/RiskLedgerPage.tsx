import { AimOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { Link, Navigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { enterprisesApi } from '../../enterprises/api/enterprises.api';
import { CardAckFigure } from '../components/CardAckFigure';
import { RiskLedger } from '../components/RiskLedger';
import { useRiskCan } from '../components/RiskGuard';
import { useRiskEnterprise } from '../components/useRiskEnterprise';

/** The ledger page: an enterprise user's own enterprise, or (read-only) an enterprise a regulator drilled into. */
export function RiskLedgerPage() {
  const { t } = useI18n();
  const me = useMe();
  const can = useRiskCan();
  const { enterpriseId, drillDown, base } = useRiskEnterprise();
  const enterprise = useApiQuery(['enterprises', 'detail', enterpriseId], (signal) => enterprisesApi.get(enterpriseId ?? '', signal), drillDown && !!enterpriseId);
  usePageTitle(drillDown ? enterprise.data?.name : undefined);

  if (!enterpriseId) {
    if (can('risk.supervise')) return <Navigate to="/risk/overview" replace />;
    return <Empty description={t('enterprise.pickFirst')} />;
  }
  const name = drillDown ? enterprise.data?.name : me.scope.name;
  return (
    <div data-testid="risk-ledger-page">
      <PageHeader
        title={t('risk.ledgerTitle')}
        sub={name}
        extra={
          <>
            <Link to={`${base}/map`}><Button icon={<AimOutlined />} data-testid="risk-map-link">{t('nav.riskMap')}</Button></Link>
            {!drillDown && (can('risk.report.submit') || can('risk.report.confirm')) && (
              <Link to="/risk/report"><Button icon={<FileDoneOutlined />}>{t('nav.riskReport')}</Button></Link>
            )}
          </>
        }
      />
      <Card>
        <RiskLedger key={enterpriseId} enterpriseId={enterpriseId} readOnly={drillDown} />
      </Card>
      {can('risk.card.acks') && <CardAckFigure key={`acks-${enterpriseId}`} enterpriseId={enterpriseId} />}
    </div>
  );
}
