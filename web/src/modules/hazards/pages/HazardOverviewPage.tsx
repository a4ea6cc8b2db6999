import { Card, Col, Row, Select, Skeleton } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { isSeriesKey } from '../../../app/palette';
import { industryName, useReference } from '../../../app/reference';
import { useApiQuery } from '../../../app/useApi';
import { hazardStatsApi } from '../api/hazard-stats.api';
import { HazardChart } from '../components/HazardChart';
import { MajorOpenList } from '../components/MajorOpenList';
import { MonthRange } from '../components/MonthRange';
import { RateCard } from '../components/RateCard';
import { trendLabels } from '../components/trend-labels';
import { RegionTable } from '../components/RegionTable';
import { StatTile } from '../components/StatTile';
import { TopEnterprises } from '../components/TopEnterprises';

/**
 * R-HAZ-7 for regulators: hazards across the enterprises in scope by subdistrict and industry, with drill-down to the
 * cross-enterprise list, the enterprise's ledger and the record; open major hazards (R-HAZ-4) on the same page.
 */
export function HazardOverviewPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, subdistrictId: params.get('subdistrictId') ?? undefined, industryCode: params.get('industryCode') ?? undefined };
  const { data, error, loading, reload } = useApiQuery(['hazard-stats', 'overview', q], (signal) => hazardStatsApi.overview(q, signal));
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');
  const set = (patch: Record<string, string | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    return next;
  });
  // Drill-down keeps the dashboard's own filters.
  const listLink = (extra: Record<string, string>) => `/hazards?${new URLSearchParams({ ...(q.subdistrictId ? { subdistrictId: q.subdistrictId } : {}), ...(q.industryCode ? { industryCode: q.industryCode } : {}), ...extra })}`;

  return (
    <div data-testid="hazard-overview-page">
      <PageHeader
        title={t('nav.hazardOverview')}
        sub={data ? `${me.scope.name} · ${t('stats.period', { from: data.from, to: data.to, asOf: data.asOf })}` : me.scope.name}
        extra={
          <>
            <MonthRange from={q.from} to={q.to} onChange={(r) => set({ from: r.from, to: r.to })} />
            {me.scope.kind !== 'subdistrict' && subdistricts.length > 1 && (
              <Select style={{ minWidth: 140 }} allowClear placeholder={t('hazard.subdistrict')} value={q.subdistrictId} onChange={(v?: string) => set({ subdistrictId: v })} options={subdistricts.map((s) => ({ value: s.id, label: s.name }))} />
            )}
            <Select style={{ minWidth: 140 }} allowClear placeholder={t('hazard.industry')} value={q.industryCode} onChange={(v?: string) => set({ industryCode: v })} options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))} />
          </>
        }
      />
      {error && <ErrorState error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {([
              ['enterprises', data.totals.enterprises, undefined],
              ['found', data.totals.found, listLink({})],
              ['closed', data.totals.closed, listLink({ status: 'closed' })],
              ['open', data.totals.open, listLink({ status: 'open' })],
              ['overdue', data.totals.overdue, listLink({ tab: 'overdue' })],
              ['majorOpen', data.totals.majorOpen, '/major-hazards'],
              ['supervised', data.totals.supervised, listLink({ supervised: 'true' })],
            ] as const).map(([key, value, link]) => (
              <Col key={key} xs={12} md={8} xl={6} xxl={3}>
                <StatTile title={t(`stats.${key}`)} value={value} link={link} counts={isSeriesKey(key) ? key : undefined} testId={`overview-stat-${key}`} />
              </Col>
            ))}
            <Col xs={24} md={12} xxl={6}><RateCard title={t('stats.rectificationRate')} definition={t('stats.rectificationRateDef')} rate={data.totals.rectificationRate} /></Col>
            <Col xs={24} md={12} xxl={6}><RateCard title={t('stats.onTimeRate')} definition={t('stats.onTimeRateDef')} rate={data.totals.onTimeRate} /></Col>
          </Row>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} lg={12}>
              <HazardChart
                title={t('stats.trend')}
                kind="line"
                labels={trendLabels(data.trend.map((p) => p.month), data.asOf, t)}
                series={[{ key: 'found', name: t('stats.found'), values: data.trend.map((p) => p.found) }, { key: 'closed', name: t('stats.closed'), values: data.trend.map((p) => p.closed) }]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <HazardChart
                title={t('hazardOverview.bySubdistrict')}
                kind="bar"
                labels={data.bySubdistrict.map((s) => s.name)}
                series={[{ key: 'open', name: t('stats.open'), values: data.bySubdistrict.map((s) => s.open) }, { key: 'overdue', name: t('stats.overdue'), values: data.bySubdistrict.map((s) => s.overdue) }]}
                onPick={(i) => {
                  const s = data.bySubdistrict[i];
                  if (s) navigate(listLink({ subdistrictId: s.subdistrictId, status: 'open' }));
                }}
              />
            </Col>
            <Col xs={24}>
              <MajorOpenList data={data.majorOpen} />
            </Col>
          </Row>
          <Card size="small" style={{ marginBottom: 12 }}>
            <RegionTable
              testId="overview-by-subdistrict"
              title={t('hazardOverview.bySubdistrict')}
              rows={data.bySubdistrict.map((s) => ({ ...s, key: s.subdistrictId }))}
              link={(key) => listLink({ subdistrictId: key })}
            />
          </Card>
          <Card size="small" style={{ marginBottom: 12 }}>
            <RegionTable
              testId="overview-by-industry"
              title={t('hazardOverview.byIndustry')}
              rows={data.byIndustry.map((s) => ({ ...s, key: s.industryCode }))}
              link={(key) => listLink({ industryCode: key })}
            />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}><TopEnterprises testId="overview-top-open" title={t('hazardOverview.topOpen')} rows={data.topEnterprises.byOpen} /></Col>
            <Col xs={24} lg={12}><TopEnterprises testId="overview-top-overdue" title={t('hazardOverview.topOverdue')} rows={data.topEnterprises.byOverdue} /></Col>
          </Row>
        </>
      )}
    </div>
  );
}
