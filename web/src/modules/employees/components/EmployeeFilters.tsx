import { Col, Input, Row, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ListState } from '../../../app/useListState';
import type { OrgUnit } from '../../org/api/org.api';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import { EMPLOYEE_STATUSES, EMPLOYMENT_FORMS } from '../api/employees.api';

export function EmployeeFilters({ list, units }: { list: ListState; units: OrgUnit[] | undefined }) {
  const { t, tx } = useI18n();
  const f = list.filters;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={7}>
        <Input.Search
          key={f.q ?? ''}
          defaultValue={f.q}
          allowClear
          placeholder={t('employee.searchPlaceholder')}
          onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          data-testid="employee-search"
        />
      </Col>
      <Col xs={24} md={12} xl={7}>
        <OrgUnitSelect units={units} value={f.orgUnitId} onChange={(v) => list.setFilters({ orgUnitId: v })} allowClear testId="filter-org-unit" />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('employee.employmentForm')}
          value={f.employmentForm}
          onChange={(v?: string) => list.setFilters({ employmentForm: v })}
          options={EMPLOYMENT_FORMS.map((k) => ({ value: k, label: tx(`employmentForm.${k}`, k) }))}
          data-testid="filter-employment-form"
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('employee.status')}
          value={f.status}
          onChange={(v?: string) => list.setFilters({ status: v })}
          options={EMPLOYEE_STATUSES.map((k) => ({ value: k, label: tx(`employeeStatus.${k}`, k) }))}
          data-testid="filter-employee-status"
        />
      </Col>
    </Row>
  );
}
