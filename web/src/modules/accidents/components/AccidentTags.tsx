import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { AccidentSummary } from '../api/accidents.api';

const GRADE_COLOR = { general: 'orange', larger: 'volcano', major: 'red', especially_major: 'magenta' } as const;

/** The grade (or 未遂事件) and the lateness flags of an accident, as both sides see them. */
export function AccidentTags({ a, unread }: { a: AccidentSummary; unread?: boolean }) {
  const { t } = useI18n();
  return (
    <span data-testid="accident-tags">
      {a.kind === 'near_miss' ? <Tag>{t('accidents.kind.near_miss')}</Tag> : a.grade && <Tag color={GRADE_COLOR[a.grade]}>{t(`accidents.grade.${a.grade}`)}</Tag>}
      {a.lateness.late && <Tag color="red" data-testid="flag-late">{t('accidents.flag.late')}</Tag>}
      {a.lateness.onsiteGap && <Tag color="orange">{t('accidents.flag.onsiteGap')}</Tag>}
      {a.lateness.forwardLate && <Tag color="red">{t('accidents.flag.forwardLate')}</Tag>}
      {a.kind === 'accident' && !a.regulatorsReceivedAt && <Tag>{t('accidents.flag.notReported')}</Tag>}
      {unread && <Tag color="blue">{t('accidents.flag.unread')}</Tag>}
    </span>
  );
}
