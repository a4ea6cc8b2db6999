import { useState } from 'react';
import { Alert, Button, Empty, InputNumber, Space, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { calendarApi, calendarQueries, type CalendarYearSummary } from '../api/calendar.api';

/** 工作日历: the years of the official calendar that are loaded, and a way into any year to load or correct it. */
export function WorkCalendarPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, reload, loading } = useApiQuery(calendarQueries.years(), (signal) => calendarApi.years(signal));
  const [picked, setPicked] = useState<number | null | undefined>(undefined);
  // The year after the newest loaded one is the one usually published next.
  const year = picked !== undefined ? picked : (data?.items[0] ? data.items[0].year + 1 : null);
  return (
    <div data-testid="work-calendar-page">
      <PageHeader
        title={t('calendar.title')}
        extra={
          <Space.Compact>
            <InputNumber<number>
              min={2000}
              max={2100}
              precision={0}
              value={year}
              onChange={(v) => setPicked(v)}
              placeholder={t('calendar.year')}
              aria-label={t('calendar.addYear')}
              data-testid="calendar-year-input"
            />
            <Button type="primary" disabled={!year} onClick={() => year && navigate(`/rules/calendar/${year}`)} data-testid="calendar-year-go">
              {t('calendar.addYear')}
            </Button>
          </Space.Compact>
        }
      />
      <Alert type="info" showIcon title={t('calendar.hint')} style={{ marginBottom: 16 }} />
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<CalendarYearSummary>
          rowKey="year"
          loading={loading}
          dataSource={data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="calendar-years"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.empty')} /> }}
          columns={[
            { key: 'year', title: t('calendar.year'), dataIndex: 'year', render: (y: number) => <Link to={`/rules/calendar/${y}`}>{y}</Link> },
            { key: 'holidays', title: t('calendar.holidays'), dataIndex: 'holidays', align: 'right' },
            { key: 'workdays', title: t('calendar.workdays'), dataIndex: 'workdays', align: 'right' },
            { key: 'source', title: t('calendar.source'), dataIndex: 'source' },
            { key: 'loadedAt', title: t('calendar.loadedAt'), dataIndex: 'loadedAt', render: (v: string) => formatDateTime(v) },
            { key: 'loadedBy', title: t('calendar.loadedBy'), dataIndex: 'loadedBy', render: (v: string | null) => v ?? t('calendar.system') },
            { key: 'open', title: t('common.actions'), render: (_, r) => <Link to={`/rules/calendar/${r.year}`} data-testid={`calendar-open-${r.year}`}>{t('calendar.open')}</Link> },
          ]}
        />
      )}
    </div>
  );
}
