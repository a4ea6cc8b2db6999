import { Col, Input, Row, Select } from 'antd';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { industryName, useReference } from '../../../app/reference';
import type { ListState } from '../../../app/useListState';
import type { OrgUnit } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES } from '../api/hazards.api';

/** Search and the filters the tabs do not cover; units only when the list is one enterprise's. */
export function HazardFilters({ list, units, cross = false, level = true }: { list: ListState; units?: OrgUnit[]; cross?: boolean; level?: boolean }) {
  const { t, tx, locale } = useI18n();
  const me = useMe();
  // A subdistrict officer's scope is one subdistrict: nothing to choose.
  const bySubdistrict = cross && me.scope.kind !== 'subdistrict';
  const subdistricts = useReference('subdistricts', bySubdistrict);
  const industries = useReference('industries', cross);
  const f = list.filters;
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      <Col xs={24} md={12} xl={6}>
        <Input.Search
          key={f.q ?? ''}
          defaultValue={f.q}
          allowClear
          placeholder={t('hazard.searchPlaceholder')}
          onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          data-testid="hazard-search"
        />
      </Col>
      {units && (
        <Col xs={24} md={12} xl={6}>
          <OrgUnitSelect units={units} value={f.orgUnitId} onChange={(v) => list.setFilters({ orgUnitId: v })} allowClear testId="hazard-filter-unit" />
        </Col>
      )}
      {bySubdistrict && (
        <Col xs={12} md={6} xl={5}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('hazard.subdistrict')}
            value={f.subdistrictId}
            onChange={(v?: string) => list.setFilters({ subdistrictId: v })}
            options={subdistricts.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="hazard-filter-subdistrict"
          />
        </Col>
      )}
      {cross && (
        <Col xs={12} md={6} xl={5}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('hazard.industry')}
            value={f.industryCode}
            onChange={(v?: string) => list.setFilters({ industryCode: v })}
            options={industries.map((i) => ({ value: i.code, label: industryName(i, locale) }))}
          />
        </Col>
      )}
      <Col xs={8} md={8} xl={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('hazard.status')}
          value={f.status}
          onChange={(v?: string) => list.setFilters({ status: v })}
          options={[{ value: 'open', label: t('hazardStatus.open') }, ...HAZARD_STATUSES.map((k) => ({ value: k, label: tx(`hazardStatus.${k}`, k) }))]}
          data-testid="hazard-filter-status"
        />
      </Col>
      {level && (
        <Col xs={8} md={8} xl={4}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('hazard.level')}
            value={f.level}
            onChange={(v?: string) => list.setFilters({ level: v })}
            options={HAZARD_LEVELS.map((k) => ({ value: k, label: tx(`hazardLevel.${k}`, k) }))}
          />
        </Col>
      )}
      <Col xs={8} md={8} xl={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('hazard.source')}
          value={f.source}
          onChange={(v?: string) => list.setFilters({ source: v })}
          options={HAZARD_SOURCES.map((k) => ({ value: k, label: tx(`hazardSource.${k}`, k) }))}
        />
      </Col>
    </Row>
  );
}
