import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { formatDate, formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { HazardDetail } from '../api/hazards.api';

// A pending request waits on someone (orange); a decision is green or red like any other outcome.
const EXT_COLORS = { pending: MEANING_TAG.warning, approved: MEANING_TAG.done, rejected: MEANING_TAG.danger } as const;

/** The five-in-place plan, listed supervision and extension requests: shown only when the hazard has them. */
export function HazardSidePanels({ hazard: h }: { hazard: HazardDetail }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={16}>
      {h.level === 'major' && (
        <Card size="small" title={t('hazard.plan')} data-testid="hazard-plan">
          {h.plan ? (
            <Descriptions size="small" column={1} items={[
              { key: 'p', label: t('hazardPlan.responsiblePerson'), children: h.plan.responsiblePerson },
              { key: 'm', label: t('hazardPlan.measures'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{h.plan.measures}</Typography.Text> },
              { key: 'f', label: t('hazardPlan.funds'), children: `${formatNumber(h.plan.funds, locale)} ${t('hazard.yuan')}` },
              { key: 't', label: t('hazardPlan.timeLimit'), children: formatDate(h.plan.timeLimit) },
              { key: 'c', label: t('hazardPlan.contingencyPlan'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{h.plan.contingencyPlan}</Typography.Text> },
            ]} />
          ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hazard.planMissing')} />}
        </Card>
      )}
      {h.supervision && (
        <Card size="small" title={t('hazard.supervision')} data-testid="hazard-supervision">
          <Descriptions size="small" column={1} items={[
            { key: 's', label: t('hazard.status'), children: <Tag color={h.supervision.status === 'listed' ? 'magenta' : 'default'}>{t(`hazardSupervision.${h.supervision.status}`)}</Tag> },
            { key: 'd', label: t('hazard.supervisionDeadline'), children: formatDate(h.supervision.deadline) },
            { key: 'l', label: t('hazard.listedAt'), children: formatDateTime(h.supervision.listedAt) },
            ...(h.supervision.delistedAt ? [{ key: 'x', label: t('hazard.delistedAt'), children: formatDateTime(h.supervision.delistedAt) }] : []),
            ...(h.supervision.note ? [{ key: 'n', label: t('hazard.supervisionNote'), children: h.supervision.note }] : []),
          ]} />
        </Card>
      )}
      {h.extensions.length > 0 && (
        <Card size="small" title={t('hazard.extensions')} data-testid="hazard-extensions">
          <Flex vertical gap={8}>
            {h.extensions.map((x) => (
              <div key={x.id}>
                <Flex gap={6} align="center" wrap>
                  <Tag color={EXT_COLORS[x.status]}>{t(`hazardExtensionStatus.${x.status}`)}</Tag>
                  <Typography.Text>{formatDate(x.oldDeadline)} → {formatDate(x.newDeadline)}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(x.requestedAt)} · {x.reason}</Typography.Text>
                {x.decisionNote && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.decisionNote}</Typography.Text></div>}
              </div>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
