import { Col, Input, Row, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ListState } from '../../../app/useListState';
import type { OrgUnit } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { RISK_FLAGS, RISK_KINDS } from '../api/risk.api';
import { GRADES } from './grade-style';

export function RiskFilters({ list, units }: { list: ListState; units: OrgUnit[] | undefined }) {
  const { t } = useI18n();
  const f = list.filters;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={6}>
        <Input.Search
          key={f.q ?? ''}
          defaultValue={f.q}
          allowClear
          placeholder={t('risk.searchPlaceholder')}
          onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          data-testid="risk-search"
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('risk.gradeLabel')}
          value={f.grade}
          onChange={(v?: string) => list.setFilters({ grade: v })}
          options={GRADES.map((g) => ({ value: String(g), label: t(`risk.grade.${g}`) }))}
          data-testid="filter-grade"
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('risk.kindLabel')}
          value={f.kind}
          onChange={(v?: string) => list.setFilters({ kind: v })}
          options={RISK_KINDS.map((k) => ({ value: k, label: t(`risk.kind.${k}`) }))}
          data-testid="filter-kind"
        />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <OrgUnitSelect units={units} value={f.orgUnitId} onChange={(v) => list.setFilters({ orgUnitId: v })} allowClear placeholder={t('risk.orgUnit')} testId="filter-risk-unit" />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('risk.flagLabel')}
          value={f.flag}
          onChange={(v?: string) => list.setFilters({ flag: v })}
          options={RISK_FLAGS.map((k) => ({ value: k, label: t(`risk.flag.${k}`) }))}
          data-testid="filter-flag"
        />
      </Col>
    </Row>
  );
}
