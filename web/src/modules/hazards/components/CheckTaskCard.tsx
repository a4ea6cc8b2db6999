import { RightOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { checkPeriodLabel, deadlineLabel } from '../api/check-period';
import type { CheckTask } from '../api/checks.api';
import { TaskStatusTag } from './TaskStatusTag';

/** One task in "我的检查任务": a big tap target with the card's name, the period and when it is due. */
export function CheckTaskCard({ enterpriseId, task }: { enterpriseId: string; task: CheckTask }) {
  const { locale, t, tx } = useI18n();
  const overdueSoon = task.status === 'open' && new Date(task.dueAt).getTime() - Date.now() < 2 * 3_600_000;
  return (
    <Link to={`/enterprises/${enterpriseId}/check-tasks/${task.id}`} data-testid="check-task-link" data-plan-id={task.planId} data-can-run={task.canRun ? 'true' : 'false'}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="center" gap={8}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Flex gap={4} wrap align="center" style={{ marginBottom: 4 }}>
              <TaskStatusTag status={task.status} />
              <Tag>{tx(`checklistLevel.${task.level}`, task.level)}</Tag>
              <Tag color="blue">{tx(`checkCycle.${task.cycle}`, task.cycle)}</Tag>
            </Flex>
            <Typography.Text strong ellipsis style={{ display: 'block' }}>{task.checklistName}</Typography.Text>
            <Typography.Text type={overdueSoon ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {checkPeriodLabel(task.periodKey, locale)} · {t('check.dueAt')} {deadlineLabel(new Date(task.dueAt), locale)} · {task.assigneeUserName ?? task.assigneePostName ?? ''}
            </Typography.Text>
            {task.status === 'done' && (
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">{task.doneByName} · {t('checkResult.fail')} {task.failCount} / {task.passCount + task.failCount + task.naCount}</Typography.Text>
              </div>
            )}
          </div>
          <RightOutlined style={{ color: '#bfbfbf' }} />
        </Flex>
      </Card>
    </Link>
  );
}
