import { Card } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { orgApi } from '../../org/api/org.api';
import { hazardStatsApi } from '../api/hazard-stats.api';
import { hazardsApi } from '../api/hazards.api';
import { HazardLedger } from '../components/HazardLedger';

const REGULATOR_TABS = ['all', 'overdue', 'major', 'submitted'] as const;

/**
 * 隐患排查治理台账. Enterprise users see their own enterprise; regulators see every enterprise in scope, or one
 * they pick (?enterpriseId=), and `?level=major` is the 重大隐患 entry of their menu.
 */
export function HazardLedgerPage() {
  const { t } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const route = useParams();
  const own = me.scope.enterpriseId;
  const enterpriseId = own ?? route.enterpriseId ?? params.get('enterpriseId') ?? undefined;
  const units = useApiQuery(['org', enterpriseId, 'units'], (signal) => orgApi.units(enterpriseId!, signal), !!enterpriseId && can('orgunit.read'));
  const canReport = can('hazard.report');

  return (
    <div data-testid="hazard-ledger-page">
      <PageHeader
        title={t('nav.hazards')}
        sub={own ? me.scope.name : undefined}
        extra={!own && !route.enterpriseId && (
          <EnterprisePicker
            value={enterpriseId}
            onChange={(id) => setParams((prev) => {
              const next = new URLSearchParams(prev);
              next.delete('page');
              next.delete('orgUnitId');
              if (id) next.set('enterpriseId', id);
              else next.delete('enterpriseId');
              return next;
            })}
          />
        )}
      />
      <Card>
        {enterpriseId ? (
          <HazardLedger
            key={enterpriseId}
            enterpriseId={enterpriseId}
            units={units.data}
            load={(q, signal) => hazardsApi.list(enterpriseId, q, signal)}
            exportList={(q, onProgress) => hazardsApi.exportList(enterpriseId, q, t('hazard.exportFile'), onProgress)}
            reportLink={canReport ? `/report${own ? '' : `?enterpriseId=${enterpriseId}`}` : undefined}
            tabs={own ? undefined : REGULATOR_TABS}
          />
        ) : (
          <HazardLedger
            load={(q, signal) => hazardStatsApi.crossList(q, signal)}
            exportList={(q, onProgress) => hazardStatsApi.crossExport(q, t('hazard.exportFile'), onProgress)}
            tabs={REGULATOR_TABS}
          />
        )}
      </Card>
    </div>
  );
}
