import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { OccurrenceStatus } from '../api/obligations.api';
import { STATUS_MEANING } from './status-style';

export function OccurrenceStatusTag({ status }: { status: OccurrenceStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={MEANING_TAG[STATUS_MEANING[status]]} data-testid="obligation-status-tag" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`obligationStatus.${status}`)}
    </Tag>
  );
}
