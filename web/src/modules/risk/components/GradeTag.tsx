import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { Grade } from '../api/risk-grading';
import { GRADE_HEX, GRADE_TEXT } from './grade-style';

/** A grade as its colour and name (重大/较大/一般/低); an unassessed point says so. */
export function GradeTag({ grade, short = false, testId }: { grade: Grade | null; short?: boolean; testId?: string }) {
  const { t } = useI18n();
  if (!grade) return <Tag data-testid={testId} data-grade="">{t('risk.unassessed')}</Tag>;
  return (
    <Tag
      data-testid={testId}
      data-grade={grade}
      style={{ background: GRADE_HEX[grade], color: GRADE_TEXT[grade], borderColor: GRADE_HEX[grade], fontWeight: 500, marginInlineEnd: 0 }}
    >
      {t(short ? `risk.gradeShort.${grade}` : `risk.grade.${grade}`)}
    </Tag>
  );
}
