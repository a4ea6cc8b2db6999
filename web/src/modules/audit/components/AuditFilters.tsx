import { Col, Input, Row, Select } from 'antd';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import type { ListState } from '../../../app/useListState';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import type { AuditVocabulary } from '../api/audit.api';

type Term = AuditVocabulary['actions'][number];

/** The choices of a filter, with the chosen code kept even when the server no longer names it (an old link). */
function options(terms: readonly Term[] | undefined, chosen: string | undefined, other: string) {
  const list = (terms ?? []).map((x) => ({ value: x.code, label: x.name }));
  if (chosen && terms && !terms.some((x) => x.code === chosen)) list.push({ value: chosen, label: other });
  return list;
}

/** Filters by record type, record ID, action and (for regulators) enterprise; types and actions are picked by name. */
export function AuditFilters({ list, vocabulary }: { list: ListState; vocabulary: AuditVocabulary | undefined }) {
  const { t } = useI18n();
  const me = useMe();
  const f = list.filters;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} xl={5}>
        <Select
          style={{ width: '100%' }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.entityType')}
          value={vocabulary ? f.entityType : undefined}
          loading={!vocabulary}
          onChange={(v?: string) => list.setFilters({ entityType: v })}
          options={options(vocabulary?.entityTypes, f.entityType, t('audit.unknownCode'))}
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
        <Select
          style={{ width: '100%' }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.action')}
          value={vocabulary ? f.action : undefined}
          loading={!vocabulary}
          onChange={(v?: string) => list.setFilters({ action: v })}
          options={options(vocabulary?.actions, f.action, t('audit.unknownCode'))}
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
