import { Col, Flex, Input, Row, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { staffingApi, type OverviewRow } from '../api/staffing.api';

const FILTERS = ['q', 'compliant'] as const;

/**
 * 安全管理人员配备情况 (R-TEAM-1/2) for a subdistrict (by location) or a department (by industry): the active enterprises
 * in scope, whether each meets the staffing rules and what it still lacks; filter to the non-compliant ones.
 */
export function StaffingOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['staffing', 'overview', list.query], (signal) => staffingApi.overview(list.query, signal));
  const f = list.filters;
  return (
    <div data-testid="staffing-overview-page">
      <PageHeader title={t('staffing.overview.title')} sub={data ? t('staffing.overview.counts', data.counts) : undefined} />
      <Typography.Paragraph type="secondary">{t('staffing.overview.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={14}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('staffing.overview.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} md={10}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('staffing.overview.all')} value={f.compliant} onChange={(v?: string) => list.setFilters({ compliant: v })}
            options={[{ value: 'no', label: t('staffing.overview.onlyBad') }, { value: 'yes', label: t('staffing.overview.onlyGood') }]} data-testid="staffing-overview-filter" />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<OverviewRow>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('staffing.overview.empty')} testId="staffing-overview"
          columns={[
            {
              key: 'name', title: t('staffing.overview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => <Flex vertical><Link to={`/enterprises/${r.enterpriseId}?tab=staffing`}>{r.name}</Link><Typography.Text type="secondary">{r.industryName}</Typography.Text></Flex>,
            },
            { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('staffing.overview.subdistrict'), sorter: true, sortOrder: list.sortOrderOf('subdistrict'), responsive: ['md'] },
            {
              key: 'headcount', title: t('staffing.overview.headcount'), sorter: true, sortOrder: list.sortOrderOf('headcount'),
              render: (_: unknown, r) => (r.declaredHeadcount !== r.headcount ? <>{r.headcount}<Typography.Text type="secondary">（{r.declaredHeadcount}）</Typography.Text></> : r.headcount),
            },
            {
              key: 'staff', title: t('staffing.overview.staff'), responsive: ['lg'],
              render: (_: unknown, r) => `${t(r.department ? 'staffing.check.yes' : 'staffing.check.no')} / ${r.fullTime} / ${r.partTime} / ${r.engineers}`,
            },
            {
              key: 'missing', title: t('staffing.overview.missing'),
              render: (_: unknown, r) => (r.shortfalls.length === 0 ? <Tag color={MEANING_TAG.done}>{t('staffing.check.compliant')}</Tag> : (
                <Flex vertical gap={2}>{r.shortfalls.map((s) => (
                  <Typography.Text key={s.code} type={s.severity === 'required' ? 'danger' : 'warning'}>{s.text}</Typography.Text>
                ))}</Flex>
              )),
            },
          ]}
        />
      )}
    </div>
  );
}
