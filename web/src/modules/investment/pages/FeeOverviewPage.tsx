import { Col, Flex, Input, InputNumber, Row, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { formatMoney, investmentApi, type OverviewRow } from '../api/investment.api';
import { FlagTags } from '../components/FiguresCard';

const FILTERS = ['q', 'shortfall', 'year'] as const;

/**
 * 安全生产费用提取使用情况 (R-INV-1, issue 12 §7) for a subdistrict (by location) or a department (by industry): the
 * enterprises in scope that accrue the fee, required against accrued and used, the balance, and who is short.
 */
export function FeeOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['investment', 'overview', list.query], (signal) => investmentApi.overview(list.query, signal));
  const f = list.filters;
  const money = (key: 'required' | 'accrued' | 'used' | 'balance' | 'shortfall', title: string) => ({
    key, title, sorter: true, sortOrder: list.sortOrderOf(key), align: 'right' as const, render: (_: unknown, r: OverviewRow) => formatMoney(r[key]),
  });
  return (
    <div data-testid="fee-overview-page">
      <PageHeader title={t('feeOverview.title')} sub={data ? t('feeOverview.counts', data.counts) : undefined} />
      <Typography.Paragraph type="secondary">{t('feeOverview.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('feeOverview.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={12} md={6}>
          <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} placeholder={t('investment.year')} value={data?.year}
            onChange={(v) => { if (typeof v === 'number' && v >= 2000 && v <= 2100) list.setFilters({ year: String(v) }); }} />
        </Col>
        <Col xs={12} md={6}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('feeOverview.all')} value={f.shortfall} onChange={(v?: string) => list.setFilters({ shortfall: v })}
            options={[{ value: 'yes', label: t('feeOverview.onlyShort') }, { value: 'no', label: t('feeOverview.onlyOk') }]} data-testid="fee-overview-filter" />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<OverviewRow>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('feeOverview.empty')} testId="fee-overview"
          columns={[
            {
              key: 'name', title: t('feeOverview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name'),
              render: (_: unknown, r) => (
                <Flex vertical>
                  <Link to={`/enterprises/${r.enterpriseId}?tab=investment`}>{r.name}</Link>
                  <Typography.Text type="secondary">{r.industryName} · {r.subdistrictName}</Typography.Text>
                </Flex>
              ),
            },
            money('required', t('investment.fig.required')),
            money('accrued', t('investment.fig.accrued')),
            { ...money('used', t('investment.fig.used')), responsive: ['md'] },
            { ...money('balance', t('investment.fig.balance')), responsive: ['lg'] },
            { key: 'flags', title: t('investment.fig.shortfall'), render: (_: unknown, r) => <FlagTags figures={{ ...r, flags: r.flags }} /> },
            {
              key: 'budget', title: t('feeOverview.budget'), responsive: ['lg'],
              render: (_: unknown, r) => (
                <Flex wrap gap={4}>
                  <Tag color={r.budgetApproved ? 'success' : 'default'}>{t(r.budgetApproved ? 'feeOverview.budgetYes' : 'feeOverview.budgetNo')}</Tag>
                  <Tag color={r.checkSigned ? 'success' : 'default'}>{t(r.checkSigned ? 'feeOverview.checkYes' : 'feeOverview.checkNo')}</Tag>
                </Flex>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
