import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG, type Meaning } from '../../../app/palette';
import type { DayStatus, KeyMomentKind, KeyMomentSummary, MentorshipStatus } from '../api/key-moments.api';

const KIND_MEANING: Record<KeyMomentKind, Meaning> = { holiday: 'general', resumption: 'warning', maintenance: 'normal' };
const DAY_MEANING: Record<DayStatus, Meaning> = { done: 'done', missing: 'danger', today: 'warning', upcoming: 'none' };
const STATE_MEANING: Record<KeyMomentSummary['state'], Meaning> = { upcoming: 'none', ongoing: 'warning', ended: 'none' };
const MENTORSHIP_MEANING: Record<MentorshipStatus, Meaning> = { active: 'normal', completed: 'done', cancelled: 'none' };

export function KindTag({ kind }: { kind: KeyMomentKind }) {
  const { t } = useI18n();
  return <Tag color={MEANING_TAG[KIND_MEANING[kind]]}>{t(`keyMoment.kind.${kind}`)}</Tag>;
}

export function DayTag({ status }: { status: DayStatus }) {
  const { t } = useI18n();
  return <Tag color={MEANING_TAG[DAY_MEANING[status]]}>{t(`keyMoment.day.${status}`)}</Tag>;
}

export function StateTag({ state }: { state: KeyMomentSummary['state'] }) {
  const { t } = useI18n();
  return <Tag color={MEANING_TAG[STATE_MEANING[state]]}>{t(`keyMoment.state.${state}`)}</Tag>;
}

export function MentorshipStatusTag({ status }: { status: MentorshipStatus }) {
  const { t } = useI18n();
  return <Tag color={MEANING_TAG[MENTORSHIP_MEANING[status]]}>{t(`mentorship.status.${status}`)}</Tag>;
}
