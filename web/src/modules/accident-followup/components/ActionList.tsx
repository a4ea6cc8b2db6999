import { Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { followupApi, followupQueries, type Action } from '../api/followup.api';
import { NoteDrawer } from './NoteDrawer';

/** Corrective and preventive actions, each with its owner, due date and state; its owner (or a manager) reports it done. */
export function ActionList({ enterpriseId, actions, showAccident }: { enterpriseId: string; actions: Action[]; showAccident?: boolean }) {
  const { t } = useI18n();
  const [doing, setDoing] = useState<Action | null>(null);
  const done = useApiMutation((v: { a: Action; note: string }) => followupApi.actionDone(enterpriseId, v.a.id, v.note, v.a.version), { invalidates: followupQueries(enterpriseId) });
  return (
    <>
      <List
        dataSource={actions} locale={{ emptyText: t('accidentFollowup.empty') }} data-testid="accident-actions"
        renderItem={(a) => (
          <List.Item actions={a.abilities.done ? [<Button key="done" size="small" type="primary" onClick={() => setDoing(a)} data-testid="action-done">{t('accidentFollowup.actionDone')}</Button>] : []}>
            <List.Item.Meta
              title={<Space wrap><Tag>{t(`accidentFollowup.actionKind.${a.kind}`)}</Tag>{a.content}</Space>}
              description={(
                <Space orientation="vertical" size={0}>
                  {showAccident && <Typography.Text type="secondary">{a.accidentSummary}</Typography.Text>}
                  <Space wrap>
                    <span>{t('accidentFollowup.actionOwner')}：{a.ownerName}</span>
                    <span>{t('accidentFollowup.actionDue')}：{formatDate(a.dueOn)}</span>
                    <Tag color={a.status === 'done' ? 'green' : a.overdue ? 'red' : 'orange'}>{a.overdue ? t('accidentFollowup.actionOverdue') : t(`accidentFollowup.actionStatus.${a.status}`)}</Tag>
                  </Space>
                  {a.doneNote && <Typography.Text type="secondary">{a.doneNote}</Typography.Text>}
                </Space>
              )}
            />
          </List.Item>
        )}
      />
      {doing && (
        <NoteDrawer title="accidentFollowup.actionDone" label="accidentFollowup.doneNote" saving={done.saving} testId="action-done-drawer"
          onSubmit={(note) => done.run({ a: doing, note })} onClose={() => setDoing(null)} />
      )}
    </>
  );
}
