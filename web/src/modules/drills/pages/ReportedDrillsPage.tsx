import { Col, Input, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { drillsApi, type DrillSummary } from '../api/drills.api';
import { PlanKindTag } from '../components/DrillTags';

/** 企业演练报告: the drills the enterprises in the regulator's scope reported (R-EMG-2), newest first. */
export function ReportedDrillsPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: ['q'] as const });
  const { data, error, loading, reload } = useApiQuery(['drills', 'reported', list.query], (signal) => drillsApi.reported(list.query, signal));
  return (
    <div data-testid="reported-drills-page">
      <PageHeader title={t('drill.reportedTitle')} />
      <Typography.Paragraph type="secondary">{t('drill.reportedHint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <Input.Search key={list.filters.q ?? ''} defaultValue={list.filters.q} allowClear placeholder={t('drill.searchPlaceholder')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<DrillSummary>
          list={list} data={data} loading={loading} empty={t('drill.reportedEmpty')} testId="reported-drill-table"
          columns={[
            { key: 'reportedAt', dataIndex: 'reportedAt', title: t('drill.field.reportedAt'), render: (v: string | null) => (v ? formatDateTime(v) : '') },
            { key: 'enterpriseName', dataIndex: 'enterpriseName', title: t('drill.field.enterprise') },
            { key: 'scenario', dataIndex: 'scenario', title: t('drill.field.scenario'), render: (v: string, d) => <Link to={`/enterprises/${d.enterpriseId}/drills/${d.id}`}>{v}</Link> },
            { key: 'planKind', dataIndex: 'planKind', title: t('drill.field.planKind'), render: (v: DrillSummary['planKind']) => <PlanKindTag kind={v} /> },
            { key: 'startedAt', dataIndex: 'startedAt', title: t('drill.field.time'), render: (v: string) => formatDateTime(v) },
            { key: 'counts', title: t('drill.field.participants'), render: (_: unknown, d) => t('drill.counts', { people: d.participantCount }) },
          ]}
        />
      )}
    </div>
  );
}
