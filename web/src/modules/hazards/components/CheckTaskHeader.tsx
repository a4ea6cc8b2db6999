import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { checkPeriodLabel, deadlineLabel } from '../api/check-period';
import type { CheckTask } from '../api/checks.api';
import { TaskStatusTag } from './TaskStatusTag';

/** What is being checked, for which period, by whom and by when. */
export function CheckTaskHeader({ task }: { task: CheckTask }) {
  const { locale, t, tx } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex gap={6} wrap align="center" style={{ marginBottom: 4 }}>
        <TaskStatusTag status={task.status} />
        <Tag>{tx(`checklistLevel.${task.level}`, task.level)}</Tag>
        <Tag color="blue">{tx(`planType.${task.planType}`, task.planType)}</Tag>
      </Flex>
      <Typography.Title level={5} style={{ margin: '4px 0' }} data-testid="check-task-title">{task.checklistName}</Typography.Title>
      <Descriptions size="small" column={1} items={[
        { key: 'plan', label: t('check.plan'), children: `${task.planName} · ${tx(`checkCycle.${task.cycle}`, task.cycle)} · ${checkPeriodLabel(task.periodKey, locale)}` },
        { key: 'due', label: t('check.dueAt'), children: deadlineLabel(new Date(task.dueAt), locale) },
        { key: 'who', label: t('check.assignee'), children: task.assigneeUserName ?? task.assigneePostName ?? '—' },
        ...(task.doneAt ? [{ key: 'done', label: t('check.doneBy'), children: `${task.doneByName ?? '—'} · ${formatDateTime(task.doneAt)}` }] : []),
      ]} />
    </Card>
  );
}
