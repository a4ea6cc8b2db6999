import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { TaskStatus } from '../api/checks.api';

const COLORS: Record<TaskStatus, string> = { open: 'processing', done: 'success', missed: 'error' };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { tx } = useI18n();
  return <Tag color={COLORS[status]}>{tx(`taskStatus.${status}`, status)}</Tag>;
}
