import { Card, Col, Empty, Row, Skeleton } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { Chart } from '../../../app/components/Chart';
import { useI18n } from '../../../app/i18n';
import { MEANING_COLOUR } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi, type EnterpriseRates } from '../api/obligations.api';
import { BasisTip } from './BasisTip';
import { RateFigure } from './RateFigure';
import { RateTable } from './RateTable';
import { rateMeaning } from './rate-format';

/**
 * The echarts option of the rate per duty: one horizontal bar each, coloured by what its rate means (under 80 % red,
 * else blue), never by its position; a duty with nothing due yet has no bar.
 */
export function rateChartOption(rows: EnterpriseRates['byRule']) {
  const shown = rows.filter((r) => r.rate !== null);
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    // Strings only: the Chart component passes its option through JSON.
    tooltip: { trigger: 'item', formatter: '{b}: {c}%' },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: '{c}%' },
      data: shown.map((r) => ({ value: Math.round((r.rate ?? 0) * 1000) / 10, itemStyle: { color: MEANING_COLOUR[rateMeaning(r.rate)] } })),
    }],
  };
}

/**
 * 履职率 of one enterprise for a year (R-RESP-5): overall, the principal's, on time; by duty (a chart and a table), by
 * kind of owner and by person. `compact` (the enterprise file's tab) keeps the figures and the duty table.
 */
export function RatesView({ enterpriseId, year, compact }: { enterpriseId: string; year: number; compact?: boolean }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApiQuery(obligationKeys.rates(enterpriseId, year), (signal) => obligationsApi.rates(enterpriseId, year, signal));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Skeleton active /> : null;
  const nothing = data.overall.due === 0 && data.overall.waived === 0;
  const byRule = data.byRule.map((r) => ({ ...r, key: r.definitionKey, name: <span>{r.name} <BasisTip ruleId={r.ruleId} /></span> }));
  return (
    <div data-testid="duty-rates">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}><RateFigure title={t('obligation.rates.overall')} rate={data.overall} definition={t('obligation.rates.definition')} testId="rate-overall" /></Col>
        <Col xs={24} md={8}><RateFigure title={t('obligation.rates.principal')} rate={data.principal} definition={t('obligation.rates.definition')} testId="rate-principal" /></Col>
        <Col xs={24} md={8}><RateFigure title={t('obligation.rates.onTime')} rate={data.overall} onTime definition={t('obligation.rates.onTimeDefinition')} testId="rate-on-time" /></Col>
      </Row>
      {nothing ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obligation.rates.empty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {!compact && (
            <Col xs={24}>
              <Card size="small" title={t('obligation.rates.chart')}>
                <Chart option={rateChartOption(data.byRule)} empty={data.byRule.every((r) => r.rate === null)} height={Math.max(160, 32 * data.byRule.length + 40)} testId="rate-chart" />
              </Card>
            </Col>
          )}
          <Col xs={24}>
            <Card size="small"><RateTable testId="rates-by-rule" title={t('obligation.rates.byRule')} nameTitle={t('obligation.name')} rows={byRule} /></Card>
          </Col>
          {!compact && data.byOwner.length > 0 && (
            <Col xs={24} lg={12}>
              <Card size="small">
                <RateTable
                  testId="rates-by-owner"
                  title={t('obligation.rates.byOwner')}
                  nameTitle={t('obligation.owner')}
                  rows={data.byOwner.map((r) => ({ ...r, key: r.owner, name: t(`obligationOwner.${r.owner}`) }))}
                />
              </Card>
            </Col>
          )}
          {!compact && data.byPerson.length > 0 && (
            <Col xs={24} lg={12}>
              <Card size="small">
                <RateTable
                  testId="rates-by-person"
                  title={t('obligation.rates.byPerson')}
                  nameTitle={t('obligation.owner')}
                  rows={data.byPerson.map((r) => ({ ...r, key: r.employeeId, name: r.name }))}
                />
              </Card>
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}
