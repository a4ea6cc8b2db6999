import { Descriptions, Tag } from 'antd';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/responsive';
import type { EnterpriseDetail } from '../api/enterprises.api';
import { EnterpriseStatusTag } from './EnterpriseStatusTag';

export function EnterpriseProfile({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const attributes = (['aboveScale', 'centralProvincial', 'stateOwned', 'crowdedVenue', 'highRisk'] as const).filter((k) => e[k]);
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
        { key: 'status', label: t('enterprise.status'), children: <EnterpriseStatusTag status={e.status} /> },
        { key: 'highRisk', label: t('enterprise.highRisk'), children: yesNo(e.highRisk) },
        {
          key: 'attributes', label: t('enterprise.attributes'), span: isMobile ? 1 : 2,
          children: attributes.length === 0 ? '—' : attributes.map((k) => <Tag key={k} color={k === 'highRisk' ? 'red' : 'blue'}>{t(`enterprise.${k}`)}</Tag>),
        },
        { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(e.createdAt) },
        { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(e.updatedAt) },
      ]}
    />
  );
}
