import { RightOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { MEANING_COLOUR, MEANING_TAG } from '../../../app/palette';
import type { Occurrence } from '../api/obligations.api';
import { periodLabel } from '../api/period';
import { BasisTip } from './BasisTip';
import { DueLine } from './DueLine';
import { DutyActions } from './DutyActions';
import { OccurrenceStatusTag } from './OccurrenceStatusTag';
import { STATUS_MEANING } from './status-style';

export const dutyPath = (o: Pick<Occurrence, 'enterpriseId' | 'id'>) => `/duties/${o.enterpriseId}/${o.id}`;

/**
 * One duty on a phone (375 px and up): its name, what fulfils it, the period, the due date with the days left or late,
 * its status in the colour of its meaning, and the buttons that fulfil it. The edge is coloured like the status, so a
 * red card is seen before it is read. The rule id is only behind 依据.
 */
export function DutyCard({ occurrence: o, compact, today }: { occurrence: Occurrence; compact?: boolean; today?: string }) {
  const { t, locale } = useI18n();
  const edge = MEANING_COLOUR[STATUS_MEANING[o.status]];
  const period = periodLabel(o.periodKey, locale);
  return (
    <Card size="small" style={{ borderInlineStart: `4px solid ${edge}` }} data-testid="duty-card" data-status={o.status} data-id={o.id}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Link to={dutyPath(o)} style={{ color: 'inherit', minWidth: 0, flex: 1 }} data-testid="duty-link">
            <Typography.Text strong style={{ fontSize: 15 }}>{o.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {[period, o.subjectLabel].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Link>
          <Flex gap={4} align="center" wrap={false}>
            <OccurrenceStatusTag status={o.status} />
            <Link to={dutyPath(o)} aria-label={t('obligation.open')}><RightOutlined style={{ color: '#bfbfbf' }} /></Link>
          </Flex>
        </Flex>
        {!compact && o.hint && (
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2 }}>
            {o.hint}
          </Typography.Paragraph>
        )}
        <Flex gap={6} wrap align="center">
          <DueLine occurrence={o} today={today} />
          <BasisTip ruleId={o.ruleId} />
          {o.awaitingPrincipal && <Tag color={MEANING_TAG.warning} data-testid="duty-awaiting">{t('obligation.awaitingPrincipal')}</Tag>}
        </Flex>
        <DutyActions occurrence={o} block />
      </Flex>
    </Card>
  );
}
