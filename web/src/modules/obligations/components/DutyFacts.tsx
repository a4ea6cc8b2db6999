import { Descriptions, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { OccurrenceDetail } from '../api/obligations.api';
import { periodLabel } from '../api/period';
import { waivedReasonText } from './waived-reason';

/** What the duty is and where it stands: period, dates (a provisional due date says why), owner, and how it ended. */
export function DutyFacts({ duty: d }: { duty: OccurrenceDetail }) {
  const { t, locale } = useI18n();
  const items = [
    { key: 'period', label: t('obligation.period'), children: periodLabel(d.periodKey, locale) },
    ...(d.subjectLabel ? [{ key: 'subject', label: t('obligation.subject'), children: d.subjectLabel }] : []),
    { key: 'startsOn', label: t('obligation.startsOn'), children: d.startsOn },
    {
      key: 'dueOn',
      label: t('obligation.dueOnLabel'),
      children: (
        <span data-testid="duty-due-on">
          {d.dueOn}
          {d.dueProvisional && <Typography.Text type="warning" data-testid="duty-provisional">{` ${t('obligation.provisional')}`}</Typography.Text>}
        </span>
      ),
    },
    { key: 'owner', label: t('obligation.owner'), children: `${t(`obligationOwner.${d.owner}`)}${d.principalOnly ? ` · ${t('obligation.principalOnly')}` : ''}` },
    { key: 'reportedTo', label: t('obligation.reportedTo'), children: t(`obligationReportedTo.${d.reportedTo}`) },
    ...(d.fulfilledAt ? [{ key: 'fulfilledAt', label: t('obligation.fulfilledAt'), children: formatDateTime(d.fulfilledAt) }] : []),
    ...(d.fulfilment ? [{ key: 'fulfilment', label: t('obligation.fulfilment'), children: t(`obligationFulfilment.${d.fulfilment}`) }] : []),
    ...(d.evidenceNote ? [{ key: 'note', label: t('obligation.evidenceNote'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.evidenceNote}</span> }] : []),
    ...(d.waivedReason ? [{
      key: 'waived',
      label: t('obligation.waivedReason'),
      children: `${waivedReasonText(d.waivedReason, t)}${d.waivedAt ? ` · ${formatDateTime(d.waivedAt)}` : ''}`,
    }] : []),
  ];
  return <Descriptions size="small" column={1} items={items} data-testid="duty-facts" />;
}
