import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG, type Meaning } from '../../../app/palette';
import type { TaskStatus } from '../api/checks.api';

const MEANING: Record<TaskStatus, Meaning> = { open: 'normal', done: 'done', missed: 'danger' };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { tx } = useI18n();
  return <Tag color={MEANING_TAG[MEANING[status]]}>{tx(`taskStatus.${status}`, status)}</Tag>;
}
