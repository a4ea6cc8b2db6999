import { Col, Input, Row, Select } from 'antd';
import { industryName, useReference } from '../../../app/reference';
import { useI18n } from '../../../app/i18n';
import type { ListState } from '../../../app/useListState';
import { ENTERPRISE_STATUSES } from '../api/enterprises.api';

/** Search and filters of the enterprise directory; every change goes back to page 1. */
export function EnterpriseFilters({ list }: { list: ListState }) {
  const { t, tx, locale } = useI18n();
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');
  const f = list.filters;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={6}>
        <Input.Search
          key={f.q ?? ''}
          defaultValue={f.q}
          allowClear
          placeholder={t('enterprise.searchPlaceholder')}
          onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          data-testid="enterprise-search"
        />
      </Col>
      <Col xs={24} sm={12} md={6} xl={5}>
        <Select
          style={{ width: '100%' }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('enterprise.subdistrict')}
          value={f.subdistrictId}
          onChange={(v?: string) => list.setFilters({ subdistrictId: v })}
          options={subdistricts.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="filter-subdistrict"
        />
      </Col>
      <Col xs={24} sm={12} md={6} xl={5}>
        <Select
          style={{ width: '100%' }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('enterprise.industry')}
          value={f.industryCode}
          onChange={(v?: string) => list.setFilters({ industryCode: v })}
          options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))}
          data-testid="filter-industry"
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('enterprise.status')}
          value={f.status}
          onChange={(v?: string) => list.setFilters({ status: v })}
          options={ENTERPRISE_STATUSES.map((s) => ({ value: s, label: tx(`enterpriseStatus.${s}`, s) }))}
          data-testid="filter-status"
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('enterprise.highRiskFilter')}
          value={f.highRisk}
          onChange={(v?: string) => list.setFilters({ highRisk: v })}
          options={[{ value: 'true', label: t('enterprise.highRiskYes') }, { value: 'false', label: t('enterprise.highRiskNo') }]}
          data-testid="filter-high-risk"
        />
      </Col>
    </Row>
  );
}
