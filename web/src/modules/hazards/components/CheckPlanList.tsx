import { useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Table, Tag } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { formatDate } from '../../../app/format';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { checksApi, type CheckPlan } from '../api/checks.api';
import { CheckPlanDrawer } from './CheckPlanDrawer';

/** Check plans: type, cycle, checklist, assignee, dates, and how many of their tasks are open, done or missed. */
export function CheckPlanList({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, error, loading, reload } = useApiQuery(['check-plans', enterpriseId], (signal) => checksApi.plans(enterpriseId, signal));
  const remove = useApiMutation((id: string) => checksApi.deletePlan(enterpriseId, id), {
    invalidates: [['check-plans', enterpriseId], ['check-tasks', enterpriseId], ['checklists', enterpriseId], ['workbench']],
    onSuccess: () => message.success(t('common.deleted')),
  });
  const [editing, setEditing] = useState<CheckPlan | 'new' | null>(null);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <div data-testid="check-plan-list">
      {data?.canManage && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('checkPlan.create')}</Button>
        </Flex>
      )}
      <Table<CheckPlan>
        size="middle"
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkPlan.empty')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('checkPlan.name'), render: (v: string, p) => <>{v} {!p.active && <Tag>{t('checkPlan.stopped')}</Tag>}</> },
          { key: 'type', dataIndex: 'type', title: t('checkPlan.type'), render: (v: CheckPlan['type']) => t(`planType.${v}`) },
          { key: 'cycle', dataIndex: 'cycle', title: t('checklist.cycle'), render: (v: CheckPlan['cycle']) => t(`checkCycle.${v}`) },
          { key: 'checklist', dataIndex: 'checklistName', title: t('checkPlan.checklist') },
          { key: 'assignee', title: t('check.assignee'), render: (_, p) => p.assigneeUserName ?? p.assigneePostName ?? '—' },
          { key: 'range', title: t('checkPlan.range'), render: (_, p) => `${formatDate(p.startsOn)} ~ ${p.endsOn ? formatDate(p.endsOn) : t('checkPlan.noEnd')}` },
          {
            key: 'tasks', title: t('checkPlan.tasks'),
            render: (_, p) => (
              <Flex gap={4}>
                <Tag color={MEANING_TAG.normal}>{t('taskStatus.open')} {p.taskCounts.open}</Tag>
                <Tag color={MEANING_TAG.done}>{t('taskStatus.done')} {p.taskCounts.done}</Tag>
                <Tag color={p.taskCounts.missed ? MEANING_TAG.danger : MEANING_TAG.none}>{t('taskStatus.missed')} {p.taskCounts.missed}</Tag>
              </Flex>
            ),
          },
          ...(data?.canManage ? [{
            key: 'actions', title: t('common.actions'),
            render: (_: unknown, p: CheckPlan) => (
              <Flex>
                <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(p)} />
                <Popconfirm
                  title={t('checkPlan.deleteConfirm')}
                  okButtonProps={{ danger: true }}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.run(p.id).catch(showError)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Flex>
            ),
          }] : []),
        ]}
      />
      {editing && (
        <CheckPlanDrawer
          enterpriseId={enterpriseId}
          plan={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(t('common.saved'));
          }}
        />
      )}
    </div>
  );
}
