import { Card, Flex, Input, Segmented, Typography } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { meetingsApi } from '../api/meetings.api';
import { ActionTable } from '../components/ActionTable';

const FILTERS = ['mine', 'status', 'q'] as const;

/** 会议决定事项: the decisions of confirmed meetings, tracked to done; mine first for the people who own them. */
export function MeetingActionsPage() {
  const { enterpriseId = '' } = useParams();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultPageSize: 50 });
  const { data, error, loading, reload } = useApiQuery(['meeting-actions', enterpriseId, list.query], (signal) => meetingsApi.actions(enterpriseId, list.query, signal));
  const f = list.filters;
  return (
    <div data-testid="meeting-actions-page">
      <PageHeader title={t('action.title')} />
      <Typography.Paragraph type="secondary">{t('action.hint')}</Typography.Paragraph>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented value={f.mine === 'true' ? 'mine' : 'all'} onChange={(v) => list.setFilters({ mine: v === 'mine' ? 'true' : undefined })}
            options={[{ value: 'all', label: t('action.all') }, { value: 'mine', label: t('action.mine') }]} data-testid="action-mine" />
          <Segmented value={f.status ?? 'any'} onChange={(v) => list.setFilters({ status: v === 'any' ? undefined : String(v) })}
            options={[
              { value: 'any', label: t('action.all') }, { value: 'open', label: t('action.status.open') }, { value: 'overdue', label: t('action.status.overdue') },
              { value: 'done', label: t('action.status.done') }, { value: 'cancelled', label: t('action.status.cancelled') },
            ]} data-testid="action-status" />
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear style={{ maxWidth: 280 }} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Flex>
        {error ? <ErrorState error={error} onRetry={reload} /> : (
          <ActionTable
            enterpriseId={enterpriseId}
            actions={data?.items ?? []}
            loading={loading}
            showMeeting
            pagination={{
              current: list.page, pageSize: list.pageSize, total: data?.total ?? 0, simple: isMobile, showSizeChanger: !isMobile,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => list.onTableChange({ current: page, pageSize }, {}, {}),
            }}
          />
        )}
      </Card>
    </div>
  );
}
