import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Select, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { keyMomentsApi, type KeyMomentSummary, type KeyMomentTodo } from '../api/key-moments.api';
import { DeclareMomentDrawer } from '../components/DeclareMomentDrawer';
import { KindTag, StateTag } from '../components/KeyMomentTags';
import { YearCalendar } from '../components/YearCalendar';

/** 关键时段带班: the year's key moments as a list and a calendar, the days missed, and 申报关键时段 for managers. */
export function KeyMomentsPage() {
  const { enterpriseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const [declaring, setDeclaring] = useState(false);
  // The server's year (the district's) unless one is asked for: the browser's clock is not the platform's.
  const asked = Number(params.get('year')) || undefined;
  const tab = params.get('tab') ?? 'list';
  // The workbench opens a to-do (today's check-in not made, moments to come without a leader): those moments, not the year's.
  const asTodo = params.get('todo');
  const todo: KeyMomentTodo | undefined = asTodo === 'checkin' || asTodo === 'noLeader' ? asTodo : undefined;
  const { data, error, loading, reload } = useApiQuery(['key-moments', enterpriseId, 'list', asked, todo],
    (signal) => keyMomentsApi.list(enterpriseId, { year: asked, todo }, signal));
  const year = data?.year ?? asked;
  const gaps = useApiQuery(['key-moments', enterpriseId, 'gaps', year], (signal) => keyMomentsApi.gaps(enterpriseId, year!, signal), year !== undefined);
  const set = (patch: Record<string, string | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    return next;
  });
  const detail = (id: string) => `/enterprises/${enterpriseId}/key-moments/${id}`;

  return (
    <div data-testid="key-moments-page">
      <PageHeader
        title={t('keyMoment.title')}
        sub={data && me.scope.enterpriseId !== enterpriseId ? data.enterpriseName : undefined}
        extra={(
          <Flex gap={8} wrap>
            <Select value={year} onChange={(y: number) => set({ year: String(y) })} style={{ width: 120 }} aria-label={t('keyMoment.year')}
              options={year === undefined ? [] : [year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))} data-testid="key-moment-year" />
            {data?.canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)} data-testid="key-moment-declare-open">{t('keyMoment.declare')}</Button>}
          </Flex>
        )}
      />
      <Typography.Paragraph type="secondary">{t('keyMoment.hint')}</Typography.Paragraph>
      {todo && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(`keyMoment.todo.${todo}`)} data-testid="key-moment-todo"
          action={<Button size="small" onClick={() => set({ todo: undefined })}>{t('keyMoment.todoAll')}</Button>} />
      )}
      {(gaps.data?.items.length ?? 0) > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('keyMoment.gaps')} data-testid="key-moment-gaps"
          description={(
            <Flex gap={6} wrap>
              {gaps.data!.items.map((g) => <Link key={`${g.momentId}${g.day}`} to={detail(g.momentId)}><Tag color={MEANING_TAG.danger}>{g.day} {g.name}</Tag></Link>)}
            </Flex>
          )} />
      )}
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Tabs activeKey={tab} onChange={(k) => set({ tab: k })} items={[
          {
            key: 'list', label: t('keyMoment.list'),
            children: (
              <Table<KeyMomentSummary>
                rowKey="id" loading={loading} dataSource={data?.items} pagination={false} scroll={{ x: 'max-content' }} data-testid="key-moment-table"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={todo ? t('keyMoment.todoNone') : t('keyMoment.empty')} /> }}
                onRow={(m) => ({ onClick: () => void navigate(detail(m.id)), style: { cursor: 'pointer' } })}
                columns={[
                  { key: 'days', title: t('keyMoment.field.days'), render: (_: unknown, m) => (m.startsOn === m.endsOn ? m.startsOn : `${m.startsOn} ～ ${m.endsOn}`) },
                  { key: 'name', title: t('keyMoment.field.name'), render: (_: unknown, m) => <Link to={detail(m.id)} onClick={(e) => e.stopPropagation()}>{m.name}</Link> },
                  { key: 'kind', title: t('keyMoment.field.kind'), render: (_: unknown, m) => <KindTag kind={m.kind} /> },
                  { key: 'leader', title: t('keyMoment.field.leader'), render: (_: unknown, m) => (m.leader.isPrincipal ? t('keyMoment.principal') : m.leader.name) },
                  {
                    key: 'progress', title: t('keyMoment.field.progress'),
                    render: (_: unknown, m) => (
                      <Flex vertical gap={2}>
                        <span>{t('keyMoment.progress', { checked: m.checkedDays, days: m.days })}</span>
                        {m.missingDays > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('keyMoment.missing', { n: m.missingDays })}</Typography.Text>}
                      </Flex>
                    ),
                  },
                  { key: 'state', title: t('keyMoment.field.state'), render: (_: unknown, m) => <StateTag state={m.state} /> },
                ]}
              />
            ),
          },
          {
            key: 'calendar', label: t('keyMoment.calendar'),
            children: data ? <YearCalendar enterpriseId={enterpriseId} year={data.year} moments={data.items} holidays={data.officialHolidays} /> : null,
          },
          {
            key: 'gaps', label: t('keyMoment.gaps'),
            children: (
              <Card size="small">
                <List
                  dataSource={gaps.data?.items ?? []} loading={gaps.loading} locale={{ emptyText: t('keyMoment.gapsNone') }}
                  renderItem={(g) => (
                    <List.Item><Flex gap={8} align="center"><Tag color={MEANING_TAG.danger}>{g.day}</Tag><Link to={detail(g.momentId)}>{g.name}</Link><KindTag kind={g.kind} /></Flex></List.Item>
                  )}
                />
              </Card>
            ),
          },
        ]} />
      )}
      {declaring && (
        <DeclareMomentDrawer enterpriseId={enterpriseId} onClose={() => setDeclaring(false)} onSaved={(m) => { setDeclaring(false); void navigate(detail(m.id)); }} />
      )}
    </div>
  );
}
