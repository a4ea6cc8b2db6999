import { Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TEXT } from '../../../app/palette';
import type { Occurrence } from '../api/obligations.api';
import { daysBetween, districtToday } from '../api/period';
import { isOpen } from './status-style';

/**
 * The due date as a person needs it: the day, "暂定" while the year's holidays are not published, and for an open
 * duty how long is left (orange within a week) or how late it is (red).
 */
export function DueLine({ occurrence: o, today = districtToday() }: { occurrence: Pick<Occurrence, 'dueOn' | 'dueProvisional' | 'status'>; today?: string }) {
  const { t } = useI18n();
  const left = daysBetween(today, o.dueOn);
  const open = isOpen(o.status);
  const countdown = !open ? null
    : left < 0 ? { text: t('obligation.daysLate', { n: -left }), colour: MEANING_TEXT.danger }
      : left === 0 ? { text: t('obligation.dueToday'), colour: MEANING_TEXT.warning }
        : { text: t('obligation.daysLeft', { n: left }), colour: left <= 7 ? MEANING_TEXT.warning : undefined };
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="obligation-due">
      {t('obligation.dueOn')} {o.dueOn}
      {o.dueProvisional && <span data-testid="obligation-provisional">{` ${t('obligation.provisional')}`}</span>}
      {countdown && <span style={{ color: countdown.colour }}>{` · ${countdown.text}`}</span>}
    </Typography.Text>
  );
}
