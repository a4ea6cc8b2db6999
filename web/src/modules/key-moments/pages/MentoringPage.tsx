import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Flex, Input, Row, Select, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { MENTORSHIP_STATUSES, keyMomentsApi, type MentorshipSummary, type NewHire } from '../api/key-moments.api';
import { MentorshipStatusTag } from '../components/KeyMomentTags';
import { MentorshipFormDrawer } from '../components/MentorshipFormDrawer';

const FILTERS = ['q', 'status'] as const;

/** 以师带徒: the enterprise's mentorships, and its new hires without a mentor (flagged after the rule-set's days). */
export function MentoringPage() {
  const { enterpriseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useListState({ sync: 'url', filterKeys: FILTERS, defaultOrder: 'desc' });
  const [starting, setStarting] = useState<{ id: string; name: string } | 'new' | null>(null);
  const tab = params.get('tab') === 'newHires' ? 'newHires' : 'list';
  const { data, error, loading, reload } = useApiQuery(['mentoring', enterpriseId, 'list', list.query], (signal) => keyMomentsApi.mentorships(enterpriseId, list.query, signal));
  const hires = useApiQuery(['mentoring', enterpriseId, 'new-hires'], (signal) => keyMomentsApi.newHires(enterpriseId, signal));
  const detail = (id: string) => `/enterprises/${enterpriseId}/mentoring/${id}`;
  const f = list.filters;

  if (data && !data.applies) {
    return (
      <div data-testid="mentoring-page">
        <PageHeader title={t('mentorship.title')} />
        <Alert type="info" showIcon title={t('mentorship.notApplicable')} />
      </div>
    );
  }

  return (
    <div data-testid="mentoring-page">
      <PageHeader title={t('mentorship.title')}
        extra={data?.canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting('new')} data-testid="mentorship-new">{t('mentorship.new')}</Button>} />
      <Typography.Paragraph type="secondary">{t('mentorship.hint')}</Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(k) => setParams((prev) => { const next = new URLSearchParams(prev); next.set('tab', k); return next; })} items={[
        {
          key: 'list', label: t('mentorship.tab.list'),
          children: (
            <>
              <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
                <Col xs={24} md={12} xl={8}>
                  <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('mentorship.searchPlaceholder')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
                </Col>
                <Col xs={12} md={6} xl={4}>
                  <Select style={{ width: '100%' }} allowClear placeholder={t('mentorship.allStatuses')} value={f.status} onChange={(v?: string) => list.setFilters({ status: v })}
                    options={MENTORSHIP_STATUSES.map((k) => ({ value: k, label: t(`mentorship.status.${k}`) }))} />
                </Col>
              </Row>
              {error ? <ErrorState error={error} onRetry={reload} /> : (
                <ListTable<MentorshipSummary>
                  list={list} data={data} loading={loading} empty={t('mentorship.empty')} testId="mentorship-table"
                  onRow={(m) => ({ onClick: () => void navigate(detail(m.id)), style: { cursor: 'pointer' } })}
                  columns={[
                    { key: 'apprentice', title: t('mentorship.field.apprentice'), sorter: true, sortOrder: list.sortOrderOf('apprentice'),
                      render: (_: unknown, m) => <Link to={detail(m.id)} onClick={(e) => e.stopPropagation()}>{m.apprentice.name}</Link> },
                    { key: 'mentor', title: t('mentorship.field.mentor'), render: (_: unknown, m) => m.mentor.name },
                    { key: 'post', title: t('mentorship.field.post'), render: (_: unknown, m) => m.postName ?? '—' },
                    { key: 'startsOn', title: t('mentorship.field.period'), sorter: true, sortOrder: list.sortOrderOf('startsOn'),
                      render: (_: unknown, m) => <Flex gap={6} wrap><span>{m.startsOn} ～ {m.endsOn}</span>{m.overdue && <Tag color={MEANING_TAG.danger}>{t('mentorship.overdue')}</Tag>}</Flex> },
                    { key: 'skills', title: t('mentorship.field.skills'), render: (_: unknown, m) => t('mentorship.skillsCount', { signed: m.signedSkills, total: m.skills }) },
                    { key: 'status', title: t('mentorship.field.status'), render: (_: unknown, m) => <MentorshipStatusTag status={m.status} /> },
                  ]}
                />
              )}
            </>
          ),
        },
        {
          key: 'newHires', label: t('mentorship.tab.newHires'),
          children: (
            <>
              {hires.data && <Typography.Paragraph type="secondary">{t('mentorship.newHiresHint', { window: hires.data.windowDays, days: hires.data.noticeDays })}</Typography.Paragraph>}
              <Table<NewHire>
                rowKey="employeeId" loading={hires.loading} dataSource={hires.data?.items} pagination={false} scroll={{ x: 'max-content' }} data-testid="mentorship-new-hires"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mentorship.newHiresEmpty')} /> }}
                columns={[
                  { key: 'name', title: t('mentorship.field.apprentice'), render: (_: unknown, h) => (h.unitName ? `${h.name}（${h.unitName}）` : h.name) },
                  { key: 'hireDate', dataIndex: 'hireDate', title: t('mentorship.field.hireDate') },
                  { key: 'days', dataIndex: 'daysSinceHire', title: t('mentorship.field.daysSinceHire') },
                  { key: 'dueOn', title: t('mentorship.field.dueOn'),
                    render: (_: unknown, h) => <Flex gap={6} wrap><span>{h.dueOn}</span>{h.overdue && <Tag color={MEANING_TAG.danger}>{t('mentorship.noMentorOverdue', { days: hires.data?.noticeDays ?? 0 })}</Tag>}</Flex> },
                  ...(data?.canManage ? [{ key: 'act', title: t('common.actions'),
                    render: (_: unknown, h: NewHire) => <Button size="small" onClick={() => setStarting({ id: h.employeeId, name: h.name })}>{t('mentorship.assign')}</Button> }] : []),
                ]}
              />
            </>
          ),
        },
      ]} />
      {starting && (
        <MentorshipFormDrawer enterpriseId={enterpriseId} apprentice={starting === 'new' ? undefined : starting}
          onClose={() => setStarting(null)} onSaved={(m) => { setStarting(null); void navigate(detail(m.id)); }} />
      )}
    </div>
  );
}
