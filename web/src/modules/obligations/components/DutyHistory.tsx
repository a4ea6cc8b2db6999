import { Empty, Flex, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { MEANING_COLOUR } from '../../../app/palette';
import type { OccurrenceHistory, OccurrenceStatus } from '../api/obligations.api';
import { OccurrenceStatusTag } from './OccurrenceStatusTag';
import { STATUS_MEANING } from './status-style';
import { waivedReasonText } from './waived-reason';

const isStatus = (s: string | null): s is OccurrenceStatus => !!s && s in STATUS_MEANING;

/** The steps the engine records; a step added later shows its code until it is named here. */
const ACTIONS: Record<string, MessageKey> = {
  open: 'obligationAction.open', fulfil: 'obligationAction.fulfil', evidence: 'obligationAction.evidence', confirm: 'obligationAction.confirm',
  waive: 'obligationAction.waive', revert: 'obligationAction.revert', overdue: 'obligationAction.overdue', cancel: 'obligationAction.cancel',
  reopen: 'obligationAction.reopen', recount: 'obligationAction.recount',
};

/** Every step of the duty, newest first: what happened, who did it (or the system), from which status to which, and why. */
export function DutyHistory({ history }: { history: OccurrenceHistory[] }) {
  const { t } = useI18n();
  const actionName = (action: string) => (Object.hasOwn(ACTIONS, action) ? t(ACTIONS[action]!) : action);
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obligation.historyEmpty')} />;
  return (
    <Timeline
      data-testid="duty-history"
      items={[...history].reverse().map((h, i) => ({
        key: `${h.at}-${i}`,
        color: isStatus(h.toStatus) ? MEANING_COLOUR[STATUS_MEANING[h.toStatus]] : 'blue',
        content: (
          <div data-testid="duty-history-item" data-action={h.action}>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>{actionName(h.action)}</Typography.Text>
              {isStatus(h.fromStatus) && h.fromStatus !== h.toStatus && <><OccurrenceStatusTag status={h.fromStatus} /><span>→</span></>}
              {isStatus(h.toStatus) && h.fromStatus !== h.toStatus && <OccurrenceStatusTag status={h.toStatus} />}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.actor ?? t('obligation.system')} · {formatDateTime(h.at)}</Typography.Text>
            {h.note && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{waivedReasonText(h.note, t)}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
