import { Button, Card, Flex, InputNumber, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { districtYear } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { accidentsApi, type StatDimension, type StatsRow } from '../api/accidents.api';

const DIMENSIONS: readonly StatDimension[] = ['grade', 'industry', 'subdistrict', 'type', 'month'];

/** Accident statistics: an enterprise's own (under its address) or the regulator's scope (without one). Near misses apart. */
export function AccidentStatsPage() {
  const { enterpriseId = null } = useParams();
  const { t } = useI18n();
  const [by, setBy] = useState<StatDimension>(enterpriseId ? 'type' : 'grade');
  const [year, setYear] = useState<number | null>(districtYear());
  const query = { by, year: year ?? undefined };
  const { data, error, loading, reload } = useApiQuery(['accidents', 'stats', enterpriseId, by, year], (signal) => accidentsApi.stats(enterpriseId, query, signal));
  const dims = enterpriseId ? DIMENSIONS.filter((d) => d !== 'industry' && d !== 'subdistrict') : DIMENSIONS;
  const rows: StatsRow[] = data ? [...data.rows, { key: 'total', label: t('accidents.stats.total'), ...data.total }] : [];
  return (
    <div data-testid="accident-stats-page">
      <PageHeader title={t('accidents.nav.stats')} extra={
        <Button onClick={() => void accidentsApi.exportStats(enterpriseId, query, 'accident-stats.xlsx')}>{t('accidents.stats.export')}</Button>
      } />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented value={by} onChange={(v) => setBy(v as StatDimension)} options={dims.map((d) => ({ value: d, label: t(`accidents.stats.by.${d}`) }))} />
          <InputNumber value={year} onChange={(v) => setYear(v)} min={2000} max={2100} placeholder={t('accidents.stats.year')} addonBefore={t('accidents.stats.year')} />
        </Flex>
        {error ? <ErrorState error={error} onRetry={reload} /> : (
          <Table<StatsRow> rowKey="key" size="middle" loading={loading} dataSource={rows} pagination={false} scroll={{ x: true }} columns={[
            { title: t('accidents.stats.label'), dataIndex: 'label' },
            { title: t('accidents.stats.accidents'), dataIndex: 'accidents' },
            { title: t('accidents.stats.nearMisses'), dataIndex: 'nearMisses' },
            { title: t('accidents.stats.deaths'), dataIndex: 'deaths' },
            { title: t('accidents.stats.serious'), dataIndex: 'seriousInjuries' },
            { title: t('accidents.col.loss'), dataIndex: 'directLoss' },
          ]} />
        )}
      </Card>
    </div>
  );
}
