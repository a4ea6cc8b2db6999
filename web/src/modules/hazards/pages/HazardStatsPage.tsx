import { Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { hazardStatsApi } from '../api/hazard-stats.api';
import { HazardDashboard } from '../components/HazardDashboard';
import { MonthRange } from '../components/MonthRange';

/**
 * R-HAZ-7: the enterprise's hazard dashboard — counts by level, status, source, class and unit, the rectification
 * and on-time rates, the monthly trend, the overdue list, and the safety-officer leaderboard (R-HAZ-6).
 */
export function HazardStatsPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const { data, error, loading, reload } = useApiQuery(['hazard-stats', enterpriseId, { from, to }], (signal) => hazardStatsApi.enterprise(enterpriseId, { from, to }, signal), !!enterpriseId);

  return (
    <div data-testid="hazard-stats-page">
      <PageHeader
        title={t('nav.hazardStats')}
        sub={data ? t('stats.period', { from: data.from, to: data.to, asOf: data.asOf }) : me.scope.name}
        extra={<MonthRange from={from} to={to} onChange={(r) => setParams(r.from && r.to ? { from: r.from, to: r.to } : {})} />}
      />
      {error && <ErrorState error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && <HazardDashboard stats={data} />}
    </div>
  );
}
