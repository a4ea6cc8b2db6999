import { Collapse, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { InterviewCorrection } from '../api/followup.api';

/** An interview's corrections, newest first: who, when, why, and each field changed with what it read before. */
export function InterviewCorrections({ corrections }: { corrections: InterviewCorrection[] }) {
  const { t } = useI18n();
  const show = (field: string, value: string) => {
    if (value === '') return '—';
    if (field === 'heldAt') return formatDateTime(value);
    if (field === 'accidentIds') return t('accidentFollowup.accidentCount', { n: value.split(',').length });
    return value;
  };
  return (
    <Collapse size="small" data-testid="interview-corrections" items={[{
      key: 'c', label: t('accidentFollowup.corrections', { n: corrections.length }),
      children: [...corrections].reverse().map((c) => (
        <div key={c.version} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{formatDateTime(c.at)} {c.byName ?? ''}</Typography.Text>
          <div>{t('accidentFollowup.correctReason')}：{c.reason}</div>
          {c.changes.map((x) => (
            <Typography.Text key={x.field} type="secondary" style={{ display: 'block', whiteSpace: 'pre-wrap' }}>
              {t(`accidentFollowup.field.${x.field}`)}：{show(x.field, x.before)} → {show(x.field, x.after)}
            </Typography.Text>
          ))}
        </div>
      )),
    }]} />
  );
}
