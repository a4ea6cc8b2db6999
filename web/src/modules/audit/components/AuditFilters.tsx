import { Col, Input, Row, Select } from 'antd';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import type { ListState } from '../../../app/useListState';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { ENTITY_TYPES } from '../api/audit.api';

export function AuditFilters({ list }: { list: ListState }) {
  const { t, tx } = useI18n();
  const me = useMe();
  const f = list.filters;
  const types: string[] = [...ENTITY_TYPES];
  if (f.entityType && !types.includes(f.entityType)) types.push(f.entityType);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} xl={5}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('audit.entityType')}
          value={f.entityType}
          onChange={(v?: string) => list.setFilters({ entityType: v })}
          options={types.map((k) => ({ value: k, label: tx(`entityType.${k}`, k) }))}
          data-testid="audit-filter-entity-type"
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Input.Search
          key={`id:${f.entityId ?? ''}`}
          defaultValue={f.entityId}
          allowClear
          placeholder={t('audit.entityId')}
          onSearch={(v) => list.setFilters({ entityId: v.trim() || undefined })}
          data-testid="audit-filter-entity-id"
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Input.Search
          key={`action:${f.action ?? ''}`}
          defaultValue={f.action}
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          onSearch={(v) => list.setFilters({ action: v.trim() || undefined })}
          data-testid="audit-filter-action"
        />
      </Col>
      {!me.scope.enterpriseId && (
        <Col xs={24} sm={12} xl={7}>
          <EnterprisePicker value={f.enterpriseId} onChange={(id) => list.setFilters({ enterpriseId: id })} style={{ width: '100%' }} />
        </Col>
      )}
    </Row>
  );
}
