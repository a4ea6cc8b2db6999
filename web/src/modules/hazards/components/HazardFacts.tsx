import { Descriptions, Typography } from 'antd';
import { formatDate, formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { HazardDetail } from '../api/hazards.api';

/** Who found what, where, and who fixes it by when. */
export function HazardFacts({ hazard: h }: { hazard: HazardDetail }) {
  const { t, tx, locale } = useI18n();
  const isMobile = useIsMobile();
  const items = [
    { key: 'source', label: t('hazard.source'), children: tx(`hazardSource.${h.source}`, h.source) },
    { key: 'class', label: t('hazard.hazardClass'), children: h.hazardClass ? tx(`hazardClass.${h.hazardClass}`, h.hazardClass) : '—' },
    ...(h.level === 'major' ? [{ key: 'criterion', label: t('hazard.majorCriterion'), children: h.majorCriterion ?? '—' }] : []),
    { key: 'unit', label: t('hazard.orgUnit'), children: h.orgUnitName },
    { key: 'risk', label: t('hazard.riskPoint'), children: h.riskPointName ?? '—' },
    { key: 'location', label: t('hazard.location'), children: h.location || '—' },
    { key: 'reporter', label: t('hazard.reporter'), children: `${h.reporterName ?? '—'} · ${formatDateTime(h.reportedAt)}` },
    { key: 'rectifier', label: t('hazard.rectifier'), children: h.rectifierName ?? '—' },
    { key: 'deadline', label: t('hazard.deadline'), children: <span data-testid="hazard-deadline">{formatDate(h.deadline)}</span> },
    ...(h.funds !== null ? [{ key: 'funds', label: t('hazard.funds'), children: `${formatNumber(h.funds, locale)} ${t('hazard.yuan')}` }] : []),
    ...(h.measures ? [{ key: 'measures', label: t('hazard.measures'), span: 'filled' as const, children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{h.measures}</Typography.Text> }] : []),
    ...(h.description ? [{ key: 'desc', label: t('hazard.description'), span: 'filled' as const, children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{h.description}</Typography.Text> }] : []),
    ...(h.closedAt ? [{ key: 'closed', label: t('hazard.closedAt'), children: formatDateTime(h.closedAt) }] : []),
    ...(h.acceptanceNote ? [{ key: 'acc', label: t('hazard.acceptanceNote'), span: 'filled' as const, children: h.acceptanceNote }] : []),
    ...(h.voidReason ? [{ key: 'void', label: t('hazard.voidReason'), span: 'filled' as const, children: h.voidReason }] : []),
  ];
  return <Descriptions size="small" column={isMobile ? 1 : 2} items={items} data-testid="hazard-facts" />;
}
