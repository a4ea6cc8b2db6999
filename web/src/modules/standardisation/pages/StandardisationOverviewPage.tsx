import { ExportOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Input, InputNumber, Row, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/components/useExport';
import { formatDate, formatDateTime } from '../../../app/format';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { standardisationApi, type OverviewRow } from '../api/standardisation.api';
import { useI18n } from '../../../app/i18n';

const FILTERS = ['q', 'status', 'required', 'year'] as const;

/**
 * 安全生产标准化自评情况 (R-STD-1) for a subdistrict (by location) or a department (by industry): the enterprises the plan
 * requires, who has and has not submitted this year's self-assessment, and the external review grade in force.
 */
export function StandardisationOverviewPage() {
  const { t: s } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['standardisation', 'overview', list.query], (signal) => standardisationApi.overview(list.query, signal));
  const { exporting, start } = useExport();
  const f = list.filters;
  const grade = (g: string | null) => (g ? s(`std.grade.${g}` as 'std.grade.1') : '—');
  const doExport = () => start((onProgress) => {
    const { page: _p, pageSize: _s, ...filters } = list.query;
    return standardisationApi.exportOverview(filters, onProgress);
  });
  return (
    <div data-testid="std-overview-page">
      <PageHeader title={s('stdOverview.title')} sub={data ? s('stdOverview.counts', data.counts) : undefined}
        extra={<Button icon={<ExportOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="std-overview-export">{s('stdOverview.export')}</Button>} />
      <Typography.Paragraph type="secondary">{s('stdOverview.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={9}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={s('stdOverview.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={12} md={5}>
          <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} placeholder={s('std.year')} value={data?.year}
            onChange={(v) => { if (typeof v === 'number' && v >= 2000 && v <= 2100) list.setFilters({ year: String(v) }); }} />
        </Col>
        <Col xs={12} md={5}>
          <Select style={{ width: '100%' }} allowClear placeholder={s('stdOverview.all')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
            options={[{ value: 'submitted', label: s('stdOverview.onlySubmitted') }, { value: 'notSubmitted', label: s('stdOverview.onlyNotSubmitted') }, { value: 'reviewed', label: s('stdOverview.onlyReviewed') }]}
            data-testid="std-overview-status" />
        </Col>
        <Col xs={24} md={5}>
          <Select style={{ width: '100%' }} value={f.required ?? 'required'} onChange={(v: string) => list.setFilters({ required: v === 'required' ? undefined : v })}
            options={[{ value: 'required', label: s('stdOverview.required') }, { value: 'all', label: s('stdOverview.allEnterprises') }]} />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<OverviewRow>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={s('stdOverview.empty')} testId="std-overview"
          columns={[
            {
              key: 'name', title: s('stdOverview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => (
                <Flex vertical>
                  <Link to={`/standardisation/overview/${r.enterpriseId}?year=${data?.year ?? ''}`}>{r.name}</Link>
                  <Typography.Text type="secondary">{r.industryName} · {r.subdistrictName}</Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'score', title: s('stdOverview.self'), sorter: true, sortOrder: list.sortOrderOf('score'),
              render: (_: unknown, r) => (r.submitted
                ? <Flex vertical><span>{r.score ?? '—'} · {s('std.intended')} {grade(r.intendedGrade)}</span><Typography.Text type="secondary">{formatDateTime(r.submittedAt)}</Typography.Text></Flex>
                : <Tag color="warning">{s('stdOverview.notSubmitted')}</Tag>),
            },
            {
              key: 'validUntil', title: s('stdOverview.review'), sorter: true, sortOrder: list.sortOrderOf('validUntil'), responsive: ['md'],
              render: (_: unknown, r) => (r.awardedGrade
                ? <Flex vertical><Tag color="blue">{grade(r.awardedGrade)}</Tag><Typography.Text type="secondary">{s('std.review.validUntil', { date: formatDate(r.validUntil) })}</Typography.Text></Flex>
                : '—'),
            },
          ]}
        />
      )}
    </div>
  );
}
