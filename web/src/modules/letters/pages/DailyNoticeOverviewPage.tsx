import { Col, DatePicker, Input, Row, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { lettersApi, type NoticeOverviewRow } from '../api/letters.api';

const FILTERS = ['q', 'posted', 'month'] as const;

/**
 * R-COM-1, issue 11 §6, for a subdistrict (by location) or a department (by industry): the enterprises in scope that
 * owe the daily risk assessment and commitment notice, whether each posted today, and the month's posted and owed days.
 */
export function DailyNoticeOverviewPage() {
  const { t } = useI18n();
  const list = useListState({ sync: 'url', filterKeys: FILTERS });
  const { data, error, loading, reload } = useApiQuery(['daily-notices', 'overview', list.query], (signal) => lettersApi.noticeOverview(list.query, signal));
  const f = list.filters;
  return (
    <div data-testid="daily-notice-overview-page">
      <PageHeader title={t('dailyNotice.overview.title')} sub={data ? t('dailyNotice.overview.counts', { day: data.day, ...data.counts }) : undefined} />
      <Typography.Paragraph type="secondary">{t('dailyNotice.overview.hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('commitment.overview.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={12} md={7}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('dailyNotice.overview.all')} value={f.posted} onChange={(v?: string) => list.setFilters({ posted: v })}
            options={[{ value: 'yes', label: t('dailyNotice.overview.yes') }, { value: 'no', label: t('dailyNotice.overview.no') }]} data-testid="daily-notice-overview-filter" />
        </Col>
        <Col xs={12} md={7}>
          <DatePicker picker="month" style={{ width: '100%' }} placeholder={t('dailyNotice.overview.thisMonth')} value={f.month ? dayjs(`${f.month}-01`) : null}
            onChange={(d) => list.setFilters({ month: d ? d.format('YYYY-MM') : undefined })} disabledDate={(d) => !!data && d.isAfter(dayjs(data.day), 'month')} />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<NoticeOverviewRow>
          list={list} data={data} loading={loading} rowKey="enterpriseId" empty={t('dailyNotice.overview.empty')} filtered={!!(f.q || f.posted)} testId="daily-notice-overview"
          columns={[
            { key: 'name', dataIndex: 'name', title: t('commitment.overview.enterprise'), sorter: true, sortOrder: list.sortOrderOf('name') },
            { key: 'subdistrict', dataIndex: 'subdistrictName', title: t('commitment.overview.subdistrict') },
            {
              key: 'postedAt', title: t('dailyNotice.overview.today'), sorter: true, sortOrder: list.sortOrderOf('postedAt'),
              render: (_: unknown, r) => (r.today
                ? <Tag color={MEANING_TAG[r.today.majorHazardsSafe ? 'done' : 'danger']}>{t('dailyNotice.overview.postedAt', { at: formatTime(r.today.postedAt), n: r.today.specialWorkTotal })}</Tag>
                : <Tag color={MEANING_TAG.danger}>{t('dailyNotice.overview.notPosted')}</Tag>),
            },
            {
              key: 'month', title: t('dailyNotice.overview.month'),
              render: (_: unknown, r) => <Typography.Text type={r.postedDays < r.owedDays ? 'danger' : undefined}>{t('dailyNotice.overview.days', { posted: r.postedDays, owed: r.owedDays })}</Typography.Text>,
            },
          ]}
        />
      )}
    </div>
  );
}
