import { useState } from 'react';
import { App, Button, Flex, Table, Typography, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { meetingQueries, meetingsApi, type MeetingAction, type MeetingDecision } from '../api/meetings.api';
import { ActionStatusTag } from './MeetingTags';
import { NoteDrawer } from './NoteDrawer';

type Row = MeetingDecision & Partial<Pick<MeetingAction, 'meetingId' | 'meetingTitle'>>;

/** Runs `done` or `cancel` on one action with its note, and reloads the meetings, actions and workbench. */
function ActionStep({ enterpriseId, action, op, onClose }: { enterpriseId: string; action: Row; op: 'done' | 'cancel'; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useApiMutation((note: string) => meetingsApi[op](enterpriseId, action.id, { note, version: action.version }), {
    invalidates: meetingQueries(enterpriseId),
    onSuccess: () => { void message.success(t(op === 'done' ? 'action.done' : 'action.cancel')); onClose(); },
  });
  return (
    <NoteDrawer
      title={op === 'done' ? 'action.doneTitle' : 'action.cancelTitle'}
      label={op === 'done' ? 'action.doneNote' : 'action.cancelNote'}
      danger={op === 'cancel'}
      intro={<Typography.Paragraph>{action.content}</Typography.Paragraph>}
      saving={step.saving}
      testId={`action-${op}-form`}
      onSubmit={step.run}
      onClose={onClose}
    />
  );
}

/**
 * Decisions as tracked actions: content, owner, due date, state (overdue in red), what was done, and the buttons the
 * server's abilities allow (the owner reports done, a manager cancels). `showMeeting` adds the meeting each came from.
 */
export function ActionTable({ enterpriseId, actions, loading, showMeeting, pagination = false }: {
  enterpriseId: string; actions: Row[]; loading?: boolean; showMeeting?: boolean; pagination?: TablePaginationConfig | false;
}) {
  const { t } = useI18n();
  const [acting, setActing] = useState<{ action: Row; op: 'done' | 'cancel' } | null>(null);
  return (
    <>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={actions}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        data-testid="action-table"
        locale={{ emptyText: t('action.empty') }}
        columns={[
          {
            key: 'content', title: t('meeting.decision.content'),
            render: (_: unknown, a) => (
              <Flex vertical gap={2} style={{ maxWidth: 420 }}>
                <span>{a.content}</span>
                {showMeeting && a.meetingId && <Link to={`/enterprises/${enterpriseId}/meetings/${a.meetingId}`} style={{ fontSize: 12 }}>{a.meetingTitle}</Link>}
                {a.doneNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.doneNote}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'owner', title: t('meeting.decision.owner'),
            render: (_: unknown, a) => <Flex vertical gap={2}><span>{a.ownerName}</span>{!a.ownerHasAccount && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('action.noAccount')}</Typography.Text>}</Flex>,
          },
          { key: 'dueOn', title: t('meeting.decision.dueOn'), render: (_: unknown, a) => (a.dueOn ? <Typography.Text type={a.overdue ? 'danger' : undefined}>{formatDate(a.dueOn)}</Typography.Text> : t('action.noDue')) },
          {
            key: 'status', title: t('meeting.field.status'),
            render: (_: unknown, a) => (
              <Flex vertical gap={2}>
                <ActionStatusTag status={a.status} overdue={a.overdue} />
                {a.doneAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('action.doneBy', { name: a.doneByName ?? '—', at: formatDateTime(a.doneAt) })}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'ops', title: t('common.actions'),
            render: (_: unknown, a) => (
              <Flex gap={4} wrap>
                {a.abilities.done && <Button size="small" type="primary" onClick={() => setActing({ action: a, op: 'done' })} data-testid="action-done">{t('action.done')}</Button>}
                {a.abilities.cancel && <Button size="small" danger onClick={() => setActing({ action: a, op: 'cancel' })} data-testid="action-cancel">{t('action.cancel')}</Button>}
              </Flex>
            ),
          },
        ]}
      />
      {acting && <ActionStep enterpriseId={enterpriseId} action={acting.action} op={acting.op} onClose={() => setActing(null)} />}
    </>
  );
}
