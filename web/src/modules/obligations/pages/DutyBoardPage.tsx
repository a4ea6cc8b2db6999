import { Card, Col, Flex, Row, Skeleton, Statistic } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { Chart } from '../../../app/components/Chart';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { figureColour, seriesColour } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi } from '../api/obligations.api';
import { BasisTip } from '../components/BasisTip';
import { RateFigure } from '../components/RateFigure';
import { RateTable } from '../components/RateTable';
import { UrgeButton } from '../components/UrgeButton';
import { useDefinitions } from '../components/useDefinitions';
import { YearSelect, currentYear, yearParam } from '../components/YearSelect';

/**
 * 履职看板 for regulators (issue 11 §10): the area's duties of a year — totals, by duty (with 催报 for the period running
 * now), by subdistrict and by industry, overdue in red — each row drilling down to the enterprises it counts. An
 * escalation's link (`?enterprise=…`) opens that enterprise's duties on its file.
 */
export function DutyBoardPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = yearParam(params.get('year'));
  const enterprise = params.get('enterprise');
  const { data, error, loading, reload } = useApiQuery(obligationKeys.boardYear(year), (signal) => obligationsApi.board(year, signal), !enterprise);
  const definitions = useDefinitions();
  if (enterprise) return <Navigate to={`/enterprises/${encodeURIComponent(enterprise)}?tab=duties`} replace />;

  const drill = (extra: Record<string, string>) => `/duties/board/enterprises?${new URLSearchParams({ year: String(year), ...extra })}`;
  const byKey = new Map(definitions.map((d) => [d.key, d]));

  return (
    <div data-testid="duty-board-page">
      <PageHeader
        title={t('nav.obligations.board')}
        sub={t('obligation.board.sub', { scope: me.scope.name, year })}
        extra={
          <>
            <YearSelect value={year} onChange={(y) => setParams(y === currentYear() ? {} : { year: String(y) })} />
            <Link to={drill({})} data-testid="board-all-enterprises">{t('obligation.board.allEnterprises')}</Link>
          </>
        }
      />
      {error && <ErrorState error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <Flex vertical gap={12}>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}><RateFigure title={t('obligation.rates.overall')} rate={data.total} definition={t('obligation.rates.definition')} testId="board-rate" /></Col>
            {([
              ['due', data.total.due, undefined],
              ['fulfilled', data.total.fulfilled, undefined],
              ['overdue', data.total.overdue, figureColour('overdue', data.total.overdue)],
              ['waived', data.total.waived, undefined],
            ] as const).map(([key, value, colour]) => (
              <Col key={key} xs={12} md={4}>
                <Card size="small" style={{ height: '100%' }}>
                  <Statistic title={t(`obligation.col.${key}`)} value={value} styles={{ content: { color: colour } }} data-testid={`board-total-${key}`} />
                </Card>
              </Col>
            ))}
          </Row>
          {data.bySubdistrict.length > 1 && (
            <Card size="small" title={t('obligation.board.overdueChart')}>
              <Chart
                testId="board-overdue-chart"
                empty={data.bySubdistrict.every((s) => s.overdue === 0)}
                option={{
                  grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'category', data: data.bySubdistrict.map((s) => s.name), axisLabel: { interval: 0, rotate: data.bySubdistrict.length > 6 ? 30 : 0 } },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [{ type: 'bar', name: t('obligation.col.overdue'), barMaxWidth: 28, itemStyle: { color: seriesColour('overdue') }, data: data.bySubdistrict.map((s) => s.overdue) }],
                }}
              />
            </Card>
          )}
          <Card size="small">
            <RateTable
              testId="board-by-rule"
              title={t('obligation.board.byRule')}
              nameTitle={t('obligation.name')}
              empty={t('obligation.board.empty')}
              rows={data.byRule.map((r) => ({ ...r, name: <span><Link to={drill({ rule: r.key })}>{r.name}</Link> <BasisTip ruleId={r.ruleId} /></span> }))}
              extra={[{
                key: 'urge',
                title: t('common.actions'),
                render: (_, r) => {
                  const def = byKey.get(r.key);
                  return def ? <UrgeButton definition={def} /> : null;
                },
              }]}
            />
          </Card>
          <Card size="small">
            <RateTable
              testId="board-by-subdistrict"
              title={t('obligation.board.bySubdistrict')}
              nameTitle={t('obligation.board.subdistrict')}
              empty={t('obligation.board.empty')}
              rows={data.bySubdistrict.map((r) => ({ ...r, name: <Link to={drill({ subdistrictId: r.key })}>{r.name}</Link> }))}
            />
          </Card>
          <Card size="small">
            <RateTable
              testId="board-by-industry"
              title={t('obligation.board.byIndustry')}
              nameTitle={t('obligation.board.industry')}
              empty={t('obligation.board.empty')}
              rows={data.byIndustry.map((r) => ({ ...r, name: <Link to={drill({ industryCode: r.key })}>{r.name}</Link> }))}
            />
          </Card>
        </Flex>
      )}
    </div>
  );
}
