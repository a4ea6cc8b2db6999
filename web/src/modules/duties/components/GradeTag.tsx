import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG, type Meaning } from '../../../app/palette';
import type { Grade } from '../api/duties.api';

/** What a grade means: green only for excellent; a fail is red. */
const GRADE_MEANING: Record<Grade, Meaning> = { excellent: 'done', good: 'normal', pass: 'general', fail: 'danger' };

export function GradeTag({ grade }: { grade: Grade | null }) {
  const { t } = useI18n();
  if (!grade) return <Tag>{t('dutyAssess.unscored')}</Tag>;
  return <Tag color={MEANING_TAG[GRADE_MEANING[grade]]} data-testid="duty-grade">{t(`dutyGrade.${grade}`)}</Tag>;
}
