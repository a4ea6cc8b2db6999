import { useState } from 'react';
import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Input, Row, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { useExport } from '../../../app/components/useExport';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { periodLabel } from '../../../../../src/platform/period-labels';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { MEETING_STATUSES, MEETING_TYPES, meetingsApi, type MeetingSummary, type MeetingType } from '../api/meetings.api';
import { MeetingFormDrawer } from './MeetingFormDrawer';
import { MeetingStatusTag, MeetingTypeTag } from './MeetingTags';

const FILTERS = ['q', 'type', 'status', 'year', 'awaitingMe', 'mine'] as const;

type Props = {
  enterpriseId: string;
  /** url: the list's state in the address bar (its own page); local: embedded (a regulator's enterprise file). */
  sync?: 'url' | 'local';
  /** A new record's type when the page was opened to record one (a duty's link). */
  recordType?: MeetingType | null;
};

/** The meetings of one enterprise as the caller sees them: filters, the table, export and 记录会议. */
export function MeetingList({ enterpriseId, sync = 'url', recordType }: Props) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const list = useListState({ sync, filterKeys: FILTERS });
  const [recording, setRecording] = useState<MeetingType | null>(recordType ?? null);
  const { exporting, start } = useExport();
  const { data, error, loading, reload } = useApiQuery(['meetings', enterpriseId, 'list', list.query], (signal) => meetingsApi.list(enterpriseId, list.query, signal));
  const f = list.filters;
  const detail = (id: string) => `/enterprises/${enterpriseId}/meetings/${id}`;

  const exportList = () => start((onProgress) => {
    const { page: _page, pageSize: _pageSize, ...filters } = list.query;
    return meetingsApi.exportList(enterpriseId, filters, t('meeting.exportFile'), onProgress);
  });

  return (
    <div data-testid="meeting-list">
      <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="meeting-export">{t('meeting.export')}</Button>
        {data?.canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording('safety_topic')} data-testid="meeting-record">{t('meeting.record')}</Button>
        )}
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('meeting.searchPlaceholder')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('meeting.allTypes')} value={f.type} onChange={(v?: string) => list.setFilters({ type: v })}
            options={MEETING_TYPES.map((k) => ({ value: k, label: t(`meeting.type.${k}`) }))} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('meeting.allStatuses')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
            options={MEETING_STATUSES.map((k) => ({ value: k, label: t(`meeting.status.${k}`) }))} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('action.all')} value={f.awaitingMe ? 'awaitingMe' : f.mine ? 'mine' : undefined}
            onChange={(v?: string) => list.setFilters({ awaitingMe: v === 'awaitingMe' ? 'true' : undefined, mine: v === 'mine' ? 'true' : undefined })}
            options={[{ value: 'awaitingMe', label: t('meeting.awaitingMe') }, { value: 'mine', label: t('meeting.mine') }]} data-testid="meeting-mine-filter" />
        </Col>
      </Row>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <ListTable<MeetingSummary>
          list={list}
          data={data}
          loading={loading}
          empty={t('meeting.empty')}
          testId="meeting-table"
          onRow={(m) => ({ onClick: () => void navigate(detail(m.id)), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'heldAt', dataIndex: 'heldAt', title: t('meeting.field.heldAt'), sorter: true, sortOrder: list.sortOrderOf('heldAt'), render: (v: string) => formatDateTime(v) },
            {
              key: 'title', dataIndex: 'title', title: t('meeting.field.title'), sorter: true, sortOrder: list.sortOrderOf('title'),
              render: (v: string, m) => <Flex vertical gap={2}><Link to={detail(m.id)} onClick={(e) => e.stopPropagation()}>{v}</Link><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.place}</Typography.Text></Flex>,
            },
            { key: 'type', dataIndex: 'type', title: t('meeting.field.type'), sorter: true, sortOrder: list.sortOrderOf('type'), render: (v: MeetingType) => <MeetingTypeTag type={v} /> },
            { key: 'quarter', dataIndex: 'quarter', title: t('meeting.field.quarter'), render: (v: string) => periodLabel(v, locale) },
            { key: 'chairName', dataIndex: 'chairName', title: t('meeting.field.chair') },
            {
              key: 'actions', title: t('meeting.field.actions'),
              render: (_: unknown, m) => (
                <Flex vertical gap={2}>
                  <span>{t('meeting.counts', { attendees: m.attendeeCount, decisions: m.decisionCount })}</span>
                  {m.openActions > 0 && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('meeting.openActions', { n: m.openActions })}</Typography.Text>}
                  {m.overdueActions > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('meeting.overdueActions', { n: m.overdueActions })}</Typography.Text>}
                </Flex>
              ),
            },
            { key: 'status', dataIndex: 'status', title: t('meeting.field.status'), render: (v: MeetingSummary['status']) => <MeetingStatusTag status={v} /> },
          ]}
        />
      )}
      {recording && data?.canRecord && (
        <MeetingFormDrawer
          enterpriseId={enterpriseId}
          initialType={recording}
          onSaved={(m) => { setRecording(null); void navigate(detail(m.id)); }}
          onClose={() => setRecording(null)}
        />
      )}
    </div>
  );
}
