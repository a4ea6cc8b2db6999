import { ExportOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Input, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/components/useExport';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { ppeApi, type PpeOverviewRow } from '../api/ppe.api';
import { useI18n } from '../../../app/i18n';

const FILTERS = ['q', 'gaps'] as const;

/** 劳动防护用品配备情况 (issue 13 §3, §5) for a regulator: the enterprises in scope, people lacking PPE, replacements overdue; exportable. */
export function PpeOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const { data, error, loading, reload } = useApiQuery(['ppe', 'overview', list.query], (signal) => ppeApi.overview(list.query, signal));
  const { exporting, start } = useExport();
  const f = list.filters;
  // The file holds every enterprise under the screen's filters, in its order: the page and page size stay out.
  const doExport = () => start((onProgress) => {
    const { page: _p, pageSize: _s, ...query } = list.query;
    return ppeApi.exportOverview(query, onProgress);
  });
  return (
    <div data-testid="ppe-overview-page">
      <PageHeader title={t('ppeOverview.title')} sub={data ? t('ppeOverview.totals', { ...data.totals, missing: data.totals.peopleMissingIssue, overdue: data.totals.replacementsOverdue }) : undefined}
        extra={<Button icon={<ExportOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="ppe-overview-export">{t('ppe.export')}</Button>} />
      <Typography.Paragraph type="secondary">{t('ppeOverview.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('ppeOverview.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={12}>
          <Checkbox checked={f.gaps === 'yes'} onChange={(e) => list.setFilters({ gaps: e.target.checked ? 'yes' : undefined })}>{t('ppeOverview.onlyGaps')}</Checkbox>
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<PpeOverviewRow>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('ppeOverview.empty')} testId="ppe-overview"
          columns={[
            { key: 'name', title: t('ppeOverview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => <Link to={`/enterprises/${r.enterpriseId}?tab=ppe`}>{r.name}</Link> },
            { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('ppeOverview.subdistrict') },
            { key: 'missing', title: t('ppe.col.missing'), sorter: true, sortOrder: list.sortOrderOf('missing'),
              render: (_: unknown, r) => (r.peopleMissingIssue ? <Tag color={MEANING_TAG.danger}>{r.peopleMissingIssue}</Tag> : <Typography.Text type="secondary">0</Typography.Text>) },
            { key: 'overdue', title: t('ppe.col.overdue'), sorter: true, sortOrder: list.sortOrderOf('overdue'),
              render: (_: unknown, r) => (r.replacementsOverdue ? <Tag color={MEANING_TAG.warning}>{r.replacementsOverdue}</Tag> : <Typography.Text type="secondary">0</Typography.Text>) },
            { key: 'dueSoon', dataIndex: 'replacementsDueSoon', title: t('ppe.col.dueSoon'), align: 'right' },
            { key: 'unsigned', dataIndex: 'unsignedIssues', title: t('ppe.col.unsigned'), align: 'right' },
          ]}
        />
      )}
    </div>
  );
}
