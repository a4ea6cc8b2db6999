import { useState } from 'react';
import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { industryName, useReference } from '../../../app/reference';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { REPORT_STATUS_FILTERS, riskReportApi, type ForwardedAggregate } from '../api/risk-report.api';
import { AggregateView } from '../components/AggregateView';
import { ForwardAggregateModal } from '../components/ForwardAggregateModal';
import { ReportStatusTable } from '../components/ReportStatusTable';

const FILTERS = ['year', 'status', 'subdistrictId', 'industryCode'] as const;

/** R-RISK-9 for regulators: who has submitted the annual report; the subdistrict aggregates and forwards it by industry. */
export function RiskReportsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'aggregates' ? 'aggregates' : 'status';
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const thisYear = new Date().getFullYear();
  const year = Number(list.filters.year) || thisYear;
  const [confirming, setConfirming] = useState(false);
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');
  const statusQuery = { ...list.query, year };
  const statuses = useApiQuery(['risk', 'reports', 'status', statusQuery], (signal) => riskReportApi.statuses(statusQuery, signal), tab === 'status');
  const aggregates = useApiQuery(['risk', 'reports', 'aggregates', year], (signal) => riskReportApi.aggregates(year, signal), tab === 'aggregates');
  const isSubdistrict = me.scope.kind === 'subdistrict';
  const counts = statuses.data?.counts;

  const forwarded = (item: ForwardedAggregate) => {
    setConfirming(false);
    message.success(t('risk.reports.forwarded', { version: item.version }));
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('tab', 'aggregates');
      return next;
    });
  };

  return (
    <div data-testid="risk-reports-page">
      <PageHeader
        title={t('risk.reports.title')}
        sub={me.scope.name}
        extra={
          <>
            <Select
              value={year}
              style={{ width: 120 }}
              onChange={(y: number) => list.setFilters({ year: y === thisYear ? undefined : String(y) })}
              options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: t('risk.reports.year', { year: y }) }))}
              data-testid="reports-year"
            />
            {isSubdistrict && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setConfirming(true)} data-testid="reports-forward">{t('risk.reports.forward')}</Button>
            )}
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams((prev) => {
            const next = new URLSearchParams(prev);
            if (k === 'aggregates') next.set('tab', k);
            else next.delete('tab');
            return next;
          })}
          items={[{ key: 'status', label: t('risk.reports.tabStatus') }, { key: 'aggregates', label: t('risk.reports.tabAggregates') }]}
        />
        {tab === 'status' ? (
          <>
            {statuses.data && (
              <Flex vertical gap={4} style={{ marginBottom: 12 }}>
                <Typography.Text>{t('risk.reports.due', { date: statuses.data.dueDate })}{statuses.data.pastDue ? ` · ${t('risk.reports.pastDue')}` : ''}</Typography.Text>
                {statuses.data.forwardedVersion !== null && statuses.data.forwardedAt && (
                  <Typography.Text type="secondary" data-testid="reports-last-forward">
                    {t('risk.reports.lastForwarded', { version: statuses.data.forwardedVersion, at: formatDateTime(statuses.data.forwardedAt) })}
                  </Typography.Text>
                )}
                {counts && (
                  <Alert
                    type={statuses.data.duty.notSubmitted > 0 ? 'warning' : 'success'} showIcon data-testid="reports-duty-counts"
                    title={t('risk.reports.dutyCounts', { ...statuses.data.duty })} description={t('risk.reports.dutyHint')}
                  />
                )}
              </Flex>
            )}
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
              <Col xs={24} md={8}>
                <Select style={{ width: '100%' }} allowClear placeholder={t('risk.reports.statusFilter')} value={list.filters.status} onChange={(v?: string) => list.setFilters({ status: v })}
                  options={REPORT_STATUS_FILTERS.map((s) => ({ value: s, label: t(`risk.reportStatus.${s}`) }))} data-testid="reports-status-filter" />
              </Col>
              {subdistricts.length > 1 && (
                <Col xs={12} md={8}>
                  <Select style={{ width: '100%' }} allowClear placeholder={t('enterprise.subdistrict')} value={list.filters.subdistrictId} onChange={(v?: string) => list.setFilters({ subdistrictId: v })}
                    options={subdistricts.map((s) => ({ value: s.id, label: s.name }))} />
                </Col>
              )}
              <Col xs={12} md={8}>
                <Select style={{ width: '100%' }} allowClear placeholder={t('enterprise.industry')} value={list.filters.industryCode} onChange={(v?: string) => list.setFilters({ industryCode: v })}
                  showSearch={{ optionFilterProp: 'label' }} options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))} />
              </Col>
            </Row>
            {statuses.error ? <ErrorState error={statuses.error} onRetry={statuses.reload} /> : <ReportStatusTable list={list} data={statuses.data} loading={statuses.loading} year={year} />}
          </>
        ) : aggregates.error ? <ErrorState error={aggregates.error} onRetry={aggregates.reload} /> : (
          <Flex vertical gap={12}>
            {aggregates.data?.items.length === 0 && <Empty description={t('risk.reports.noAggregates')} />}
            {/* Keyed by version too: a new forward opens on the new version, not the one picked before. */}
            {aggregates.data?.items.map((item) => <AggregateView key={`${item.subdistrictId}:${item.version}`} item={item} />)}
          </Flex>
        )}
      </Card>
      {confirming && <ForwardAggregateModal year={year} onClose={() => setConfirming(false)} onForwarded={forwarded} />}
    </div>
  );
}
