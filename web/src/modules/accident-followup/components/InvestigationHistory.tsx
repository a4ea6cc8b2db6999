import { Timeline, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n, type Translate } from '../../../app/i18n';
import type { HistoryEntry } from '../api/followup.api';

const finding = (t: Translate, v: boolean | null) => t(`accidentFollowup.responsibility.${v === null ? 'none' : v ? 'yes' : 'no'}`);

/** What one event says beyond its name: the parts edited, the finding changed, the action, the reason. */
function details(t: Translate, e: HistoryEntry): string[] {
  const out: string[] = [];
  if (e.conductedBy) out.push(t(`accidentFollowup.conductedBy.${e.conductedBy}`));
  if (e.parts.length) out.push(t('accidentFollowup.history.parts', { parts: e.parts.map((p) => t(`accidentFollowup.part.${p}`)).join('、') }));
  if (e.team.length) out.push(`${t('accidentFollowup.team')}：${e.team.join('、')}`);
  if (e.op === 'conclude' && e.responsibilityAfter !== null) out.push(finding(t, e.responsibilityAfter));
  else if (e.responsibilityBefore !== null || e.responsibilityAfter !== null) out.push(`${finding(t, e.responsibilityBefore)} → ${finding(t, e.responsibilityAfter)}`);
  if (e.content) out.push([e.content, e.ownerName, e.dueOn ? formatDate(e.dueOn) : ''].filter(Boolean).join('，'));
  if (e.note) out.push(e.op === 'correct' ? `${t('accidentFollowup.correctReason')}：${e.note}` : e.note);
  return out;
}

/** The investigation's history, oldest first (issue 14 §4): read by the enterprise and the regulators alike. */
export function InvestigationHistory({ history }: { history: HistoryEntry[] }) {
  const { t } = useI18n();
  if (!history.length) return <Typography.Text type="secondary">{t('accidentFollowup.empty')}</Typography.Text>;
  return (
    <Timeline data-testid="investigation-history" items={history.map((e, i) => ({
      key: i, color: e.op === 'correct' ? 'red' : e.op === 'conclude' ? 'green' : 'blue',
      content: (
        <div>
          <Typography.Text strong>{t(`accidentFollowup.history.${e.op}`)}</Typography.Text>
          <Typography.Text type="secondary">　{formatDateTime(e.at)} {e.byName ?? ''}</Typography.Text>
          {details(t, e).map((d, j) => <div key={j} style={{ whiteSpace: 'pre-wrap' }}>{d}</div>)}
        </div>
      ),
    }))} />
  );
}
