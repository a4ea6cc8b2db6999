import { Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { figureColour } from '../../../app/palette';
import type { Grade } from '../api/risk-grading';
import type { RiskFlag, RiskSummaryCounts } from '../api/risk.api';
import { GRADE_HEX, GRADE_TEXT, GRADES } from './grade-style';

type Props = {
  counts: RiskSummaryCounts | undefined;
  grade?: string;
  flag?: string;
  onPick?: (patch: { grade?: string; flag?: string }) => void;
};

const FLAGS: readonly RiskFlag[] = ['controlFailing', 'overdue', 'missingR8', 'unassessed'];

/**
 * Counts by grade in the four colours, then the warnings in theirs (failing, overdue and missing R8 red; unassessed
 * orange); each block filters the ledger when clicked.
 */
export function RiskSummaryStrip({ counts, grade, flag, onPick }: Props) {
  const { t } = useI18n();
  const block = (key: string, active: boolean, bg: string, fg: string, label: string, value: number | undefined, onClick: () => void) => (
    <button
      key={key}
      type="button"
      onClick={onClick}
      disabled={!onPick}
      data-testid={`risk-count-${key}`}
      style={{
        flex: '1 1 72px', minWidth: 72, border: active ? '2px solid #0f2747' : '2px solid transparent', borderRadius: 8, background: bg, color: fg,
        padding: '6px 8px', textAlign: 'left', cursor: onPick ? 'pointer' : 'default', font: 'inherit',
      }}
    >
      <div style={{ fontSize: 12, opacity: 0.9, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{label}</div>
      <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.3 }}>{value ?? '–'}</div>
    </button>
  );
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="risk-summary">
      <Flex gap={8} wrap>
        {block('total', !grade && !flag, '#0f2747', '#fff', t('risk.total'), counts?.total, () => onPick?.({ grade: undefined, flag: undefined }))}
        {GRADES.map((g: Grade) => block(`grade-${g}`, grade === String(g), GRADE_HEX[g], GRADE_TEXT[g], t(`risk.grade.${g}`), counts?.byGrade[g],
          () => onPick?.({ grade: grade === String(g) ? undefined : String(g), flag: undefined })))}
      </Flex>
      <Flex gap={16} wrap>
        {FLAGS.map((f) => (
          <Typography.Link
            key={f}
            onClick={() => onPick?.({ flag: flag === f ? undefined : f, grade: undefined })}
            strong={flag === f}
            type={counts && counts[f] > 0 ? undefined : 'secondary'}
            style={{ color: counts ? figureColour(f, counts[f]) : undefined }}
            data-testid={`risk-count-${f}`}
          >
            {t(`risk.flag.${f}`)} {counts ? counts[f] : '–'}
          </Typography.Link>
        ))}
      </Flex>
    </Flex>
  );
}
