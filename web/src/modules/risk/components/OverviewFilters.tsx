import { Col, Input, Row, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { industryName, useReference } from '../../../app/reference';
import type { ListState } from '../../../app/useListState';

type Props = { list: ListState; flags: readonly string[]; flagLabel: (f: string) => string; search?: boolean };

/** Scope filters shared by the regulator lists: subdistrict, industry, a warning, and a name search. */
export function OverviewFilters({ list, flags, flagLabel, search = true }: Props) {
  const { t, locale } = useI18n();
  const subdistricts = useReference('subdistricts');
  const industries = useReference('industries');
  const f = list.filters;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {search && (
        <Col xs={24} md={12} xl={6}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('enterprise.searchPlaceholder')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
      )}
      {subdistricts.length > 1 && (
        <Col xs={12} md={6} xl={5}>
          <Select style={{ width: '100%' }} allowClear placeholder={t('enterprise.subdistrict')} value={f.subdistrictId} onChange={(v?: string) => list.setFilters({ subdistrictId: v })}
            options={subdistricts.map((s) => ({ value: s.id, label: s.name }))} />
        </Col>
      )}
      <Col xs={12} md={6} xl={5}>
        <Select style={{ width: '100%' }} allowClear placeholder={t('enterprise.industry')} value={f.industryCode} onChange={(v?: string) => list.setFilters({ industryCode: v })}
          showSearch={{ optionFilterProp: 'label' }} options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))} />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Select style={{ width: '100%' }} allowClear placeholder={t('risk.flagLabel')} value={f.flag} onChange={(v?: string) => list.setFilters({ flag: v })}
          options={flags.map((k) => ({ value: k, label: flagLabel(k) }))} data-testid="overview-flag" />
      </Col>
    </Row>
  );
}
