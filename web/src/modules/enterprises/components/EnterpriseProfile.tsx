import { Descriptions, Flex, Tag, Typography } from 'antd';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { EnterpriseDetail } from '../api/enterprises.api';
import { EnterpriseStatusTag } from './EnterpriseStatusTag';
import { KeyIndustryTag } from './KeyIndustryTag';
import { SizeClassTag } from './SizeClassTag';

export function EnterpriseProfile({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const attributes = (['aboveScale', 'centralProvincial', 'stateOwned', 'crowdedVenue', 'hazardousGoodsCarrier', 'hasWorkersCongress', 'highRisk'] as const).filter((k) => e[k]);
  const revenue = e.annualRevenueWan === null
    ? t('enterprise.revenueNotDeclared')
    : `${e.annualRevenueWan.toLocaleString(locale, { maximumFractionDigits: 2 })} ${t('enterprise.revenueUnit')}`;
  return (
    <Descriptions
      data-testid="enterprise-profile"
      bordered
      size="small"
      column={isMobile ? 1 : 2}
      items={[
        { key: 'creditCode', label: t('enterprise.creditCode'), children: <span style={{ fontFamily: 'monospace' }}>{e.creditCode}</span> },
        { key: 'name', label: t('enterprise.name'), children: e.name },
        { key: 'address', label: t('enterprise.address'), children: e.address || '—', span: isMobile ? 1 : 2 },
        { key: 'subdistrict', label: t('enterprise.subdistrict'), children: e.subdistrictName },
        { key: 'industry', label: t('enterprise.industry'), children: e.industryName },
        { key: 'legal', label: t('enterprise.legalRepresentative'), children: e.legalRepresentative || '—' },
        { key: 'principal', label: t('enterprise.principalName'), children: e.principalName || '—' },
        { key: 'phone', label: t('enterprise.principalPhone'), children: e.principalPhone || '—' },
        { key: 'employees', label: t('enterprise.employeeCount'), children: formatNumber(e.employeeCount, locale) },
        { key: 'revenue', label: t('enterprise.annualRevenueWan'), children: <span data-testid="enterprise-revenue">{revenue}</span> },
        { key: 'controller', label: t('enterprise.actualController'), children: e.actualController || '—' },
        { key: 'onboardedOn', label: t('enterprise.onboardedOn'), children: e.onboardedOn ?? '—' },
        { key: 'status', label: t('enterprise.status'), children: <EnterpriseStatusTag status={e.status} /> },
        { key: 'highRisk', label: t('enterprise.highRisk'), children: yesNo(e.highRisk) },
        {
          key: 'attributes', label: t('enterprise.attributes'), span: isMobile ? 1 : 2,
          children: attributes.length === 0 ? '—' : attributes.map((k) => <Tag key={k} color={k === 'highRisk' ? 'red' : 'blue'}>{t(`enterprise.${k}`)}</Tag>),
        },
        {
          key: 'derived', label: t('enterprise.sizeClass'), span: isMobile ? 1 : 2,
          children: (
            <Flex vertical gap={4} data-testid="enterprise-derived">
              <Flex gap={4} wrap>
                <SizeClassTag attributes={e.attributes} revenueDeclared={e.annualRevenueWan !== null} />
                <KeyIndustryTag attributes={e.attributes} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('enterprise.derivedHint', { version: e.attributes.ruleSetVersion })}</Typography.Text>
            </Flex>
          ),
        },
        { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(e.createdAt) },
        { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(e.updatedAt) },
      ]}
    />
  );
}
