import { useState } from 'react';
import { CheckOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useShowError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { periodLabel } from '../../../../../src/platform/period-labels';
import { meetingQueries, meetingsApi, type MeetingDetail } from '../api/meetings.api';
import { ActionTable } from '../components/ActionTable';
import { MeetingFiles } from '../components/MeetingFiles';
import { MeetingFormDrawer } from '../components/MeetingFormDrawer';
import { MeetingStatusTag, MeetingTypeTag } from '../components/MeetingTags';
import { NoteDrawer } from '../components/NoteDrawer';

/**
 * One meeting: what, when, who chaired and attended, the minutes, its decisions tracked as actions, its files and
 * history. Its chair confirms the minutes here (the principal on his phone: one large button); a manager edits a draft,
 * voids a record and records its correction.
 */
export function MeetingDetailPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const showError = useShowError();
  const [drawer, setDrawer] = useState<'edit' | 'void' | 'correct' | null>(null);
  const { data: m, error, loading, reload, setData } = useApiQuery(['meetings', enterpriseId, 'detail', id], (signal) => meetingsApi.get(enterpriseId, id, signal));
  const confirm = useApiMutation(() => meetingsApi.confirm(enterpriseId, id, { note: '', version: m?.version }), {
    invalidates: meetingQueries(enterpriseId),
    onSuccess: (next) => { setData(next); void message.success(t('meeting.confirmed')); },
  });
  const voiding = useApiMutation((reason: string) => meetingsApi.void(enterpriseId, id, { reason, version: m?.version }), {
    invalidates: meetingQueries(enterpriseId),
    onSuccess: (next) => { setData(next); setDrawer(null); },
  });
  usePageTitle(m?.title);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!m) return loading ? <PageLoading /> : null;

  const askConfirm = (meeting: MeetingDetail) => modal.confirm({
    title: t('meeting.confirm'),
    content: (
      <Flex vertical gap={8}>
        <span>{t('meeting.confirmHint')}</span>
        {meeting.fulfils === 'meeting.safety_topic' && meeting.chairIsPrincipal && <Typography.Text strong>{t('meeting.confirmPrincipal')}</Typography.Text>}
        {meeting.fulfils === 'meeting.congress_report' && meeting.chairIsPrincipal && <Typography.Text strong>{t('meeting.confirmCongress')}</Typography.Text>}
      </Flex>
    ),
    okText: t('meeting.confirm'),
    cancelText: t('common.cancel'),
    onOk: async () => {
      try {
        await confirm.run(undefined);
      } catch (e) {
        showError(e);
      }
    },
  });

  return (
    <div data-testid="meeting-detail-page" data-status={m.status}>
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex gap={6} wrap align="center">
            <MeetingStatusTag status={m.status} />
            <MeetingTypeTag type={m.type} />
            <Tag>{periodLabel(m.quarter, locale)}</Tag>
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-title">{m.title}</Typography.Title>
          <Typography.Text type="secondary">{formatDateTime(m.heldAt)}{m.place ? ` · ${m.place}` : ''} · {t('meeting.field.chair')}：{m.chairName}</Typography.Text>
          {m.status === 'draft' && !m.abilities.confirm && (
            <Alert type={m.chairHasAccount ? 'info' : 'warning'} showIcon title={t(m.chairHasAccount ? 'meeting.awaitingChair' : 'meeting.chairNoAccount', { name: m.chairName })} />
          )}
          {m.fulfils && m.status !== 'voided' && <Alert type="info" showIcon title={t(m.fulfils === 'meeting.safety_topic' ? 'meeting.fulfils.safety_topic' : 'meeting.fulfils.congress_report')} />}
          {(m.type === 'congress' || m.type === 'staff_assembly') && !m.fulfils && m.status === 'draft' && <Alert type="warning" showIcon title={t('meeting.congressNeedsReport')} />}
          {m.status === 'voided' && <Alert type="error" showIcon title={t('meeting.voided', { reason: m.voidReason ?? '' })} />}
          {m.replacesId && <Link to={`/enterprises/${enterpriseId}/meetings/${m.replacesId}`}>{t('meeting.replaces')}</Link>}
          {m.replacedById && <Link to={`/enterprises/${enterpriseId}/meetings/${m.replacedById}`}>{t('meeting.replacedBy')}</Link>}
          <Flex gap={8} wrap>
            {m.abilities.confirm && (
              <Button type="primary" size={isMobile ? 'large' : 'middle'} block={isMobile} icon={<CheckOutlined />} loading={confirm.saving}
                onClick={() => askConfirm(m)} data-testid="meeting-confirm">{t('meeting.confirm')}</Button>
            )}
            {m.abilities.update && <Button icon={<EditOutlined />} onClick={() => setDrawer('edit')} data-testid="meeting-edit">{t('common.edit')}</Button>}
            {m.abilities.void && <Button danger icon={<StopOutlined />} onClick={() => setDrawer('void')} data-testid="meeting-void">{t('meeting.void')}</Button>}
            {m.abilities.correct && <Button type="primary" onClick={() => setDrawer('correct')} data-testid="meeting-correct">{t('meeting.correct')}</Button>}
          </Flex>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('meeting.field.minutes')}>
              {m.agenda && (
                <>
                  <Typography.Text strong>{t('meeting.field.agenda')}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.agenda}</Typography.Paragraph>
                </>
              )}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="meeting-minutes">{m.minutes || '—'}</Typography.Paragraph>
            </Card>
            <Card size="small" title={t('meeting.field.decisions')}>
              <ActionTable enterpriseId={enterpriseId} actions={m.decisions} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('meeting.field.attendees')}>
              <Descriptions size="small" column={1} items={[
                { key: 'chair', label: t('meeting.field.chair'), children: m.chairName },
                { key: 'recorded', label: t('meeting.field.recordedBy'), children: m.recordedByName ?? '—' },
                ...(m.confirmedByName ? [{ key: 'confirmed', label: t('meeting.field.confirmedBy'), children: `${m.confirmedByName} · ${formatDateTime(m.confirmedAt)}` }] : []),
              ]} />
              <Flex gap={4} wrap style={{ marginTop: 8 }}>
                {m.attendees.map((a) => <Tag key={a.employeeId}>{a.unitName ? `${a.name}（${a.unitName}）` : a.name}</Tag>)}
              </Flex>
            </Card>
            <Card size="small" title={t('meeting.files')}><MeetingFiles meeting={m} /></Card>
            <Card size="small" title={t('meeting.history')}>
              <Timeline items={m.events.map((e) => ({
                children: <Flex vertical><span>{t(`meeting.op.${e.op as 'record' | 'update' | 'confirm' | 'void'}`)} · {e.actorName ?? '—'}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(e.at)}{e.note ? ` · ${e.note}` : ''}</Typography.Text></Flex>,
              }))} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {drawer === 'edit' && <MeetingFormDrawer enterpriseId={enterpriseId} meeting={m} onSaved={(next) => { setData(next); setDrawer(null); }} onClose={() => setDrawer(null)} />}
      {drawer === 'correct' && (
        <MeetingFormDrawer enterpriseId={enterpriseId} corrects={m} onSaved={(next) => { setDrawer(null); void navigate(`/enterprises/${enterpriseId}/meetings/${next.id}`); }} onClose={() => setDrawer(null)} />
      )}
      {drawer === 'void' && (
        <NoteDrawer title="meeting.voidTitle" label="meeting.voidReason" danger intro={<Alert type="warning" showIcon title={t('meeting.voidHint')} style={{ marginBottom: 16 }} />}
          saving={voiding.saving} testId="meeting-void-form" onSubmit={voiding.run} onClose={() => setDrawer(null)} />
      )}
    </div>
  );
}
