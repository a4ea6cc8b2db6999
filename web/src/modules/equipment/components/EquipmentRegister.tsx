import { Button, Checkbox, Col, Input, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { ListTable } from '../../../app/components/ListTable';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { useListState } from '../../../app/useListState';
import { equipmentApi, SPECIAL_TYPES, type EquipmentSummary } from '../api/equipment.api';
import { EquipmentDrawer } from './EquipmentDrawer';
import { EquipmentView } from './EquipmentView';
import { InspectionStateTag } from './InspectionStateTag';
import { RenovationList } from './RenovationList';

const FILTERS = ['q', 'specialType', 'inspection', 'obsolete'] as const;
export type RegisterTab = 'all' | 'special' | 'renovation';

/**
 * The register of one enterprise (issue 12 §5): all equipment, the special equipment with their inspections, and the
 * 机械化换人、自动化减人 projects. The enterprise's managers edit it; a unit leader and the regulators read it.
 */
export function EquipmentRegister({ enterpriseId, initialTab = 'all', sync = 'local' }: { enterpriseId: string; initialTab?: RegisterTab; sync?: 'url' | 'local' }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<RegisterTab>(initialTab);
  return (
    <Tabs
      activeKey={tab} onChange={(k) => setTab(k as RegisterTab)} destroyOnHidden data-testid="equipment-tabs"
      items={[
        { key: 'all', label: t('equipment.tab.all'), children: <EquipmentTable enterpriseId={enterpriseId} special={false} sync={sync} /> },
        { key: 'special', label: t('equipment.tab.special'), children: <EquipmentTable enterpriseId={enterpriseId} special sync={sync} /> },
        { key: 'renovation', label: t('equipment.tab.renovation'), children: <RenovationList enterpriseId={enterpriseId} /> },
      ]}
    />
  );
}

function EquipmentTable({ enterpriseId, special, sync }: { enterpriseId: string; special: boolean; sync: 'url' | 'local' }) {
  const { t } = useI18n();
  const list = useListState({ sync, filterKeys: FILTERS });
  const query = { ...list.query, ...(special ? { special: 'yes' } : {}) };
  const { data, error, loading, reload } = useApiQuery(['equipment', enterpriseId, query], (signal) => equipmentApi.list(enterpriseId, query, signal));
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const f = list.filters;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      {data && <Typography.Paragraph type="secondary">{t('equipment.counts', data.counts)}</Typography.Paragraph>}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search key={f.q ?? ''} defaultValue={f.q} allowClear placeholder={t('equipment.search')} onSearch={(q) => list.setFilters({ q: q.trim() || undefined })} />
        </Col>
        {special ? (
          <>
            <Col xs={12} md={5}>
              <Select style={{ width: '100%' }} allowClear placeholder={t('equipment.field.specialType')} value={f.specialType} onChange={(v?: string) => list.setFilters({ specialType: v })}
                options={SPECIAL_TYPES.map((s) => ({ value: s, label: t(`equipment.special.${s}`) }))} />
            </Col>
            <Col xs={12} md={5}>
              <Select style={{ width: '100%' }} allowClear placeholder={t('equipment.filter.inspection')} value={f.inspection} onChange={(v?: string) => list.setFilters({ inspection: v })}
                options={[{ value: 'overdue', label: t('equipment.filter.overdue') }, { value: 'due_soon', label: t('equipment.state.due_soon') }]}
                data-testid="equipment-filter-inspection" />
            </Col>
          </>
        ) : (
          <Col xs={24} md={8}>
            <Checkbox checked={f.obsolete === 'yes'} onChange={(e) => list.setFilters({ obsolete: e.target.checked ? 'yes' : undefined })}>{t('equipment.filter.obsolete')}</Checkbox>
          </Col>
        )}
        {data?.abilities.canCreate && (
          <Col xs={24} md={6} style={{ textAlign: 'right' }}>
            <Button type="primary" onClick={() => setEditing({ id: null })} data-testid="equipment-add">{t('equipment.add')}</Button>
          </Col>
        )}
      </Row>
      <ListTable<EquipmentSummary>
        list={list} data={data} loading={loading} empty={t('equipment.empty')} testId={special ? 'equipment-special-table' : 'equipment-table'}
        onRow={(r) => ({ onClick: () => setViewing(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('equipment.field.code'), sorter: true, sortOrder: list.sortOrderOf('code') },
          {
            key: 'name', title: t('equipment.field.name'), sorter: true, sortOrder: list.sortOrderOf('name'),
            render: (_: unknown, r) => (
              <Space size={4} wrap>
                <span>{r.name}</span>
                {r.obsolete && <Tag color={MEANING_TAG.danger}>{t('equipment.obsoleteTag')}</Tag>}
                {r.status !== 'in_use' && <Tag>{t(`equipment.status.${r.status}`)}</Tag>}
              </Space>
            ),
          },
          special
            ? { key: 'specialType', title: t('equipment.field.specialType'), render: (_: unknown, r) => (r.specialType ? t(`equipment.special.${r.specialType}`) : '') }
            : { key: 'type', title: t('equipment.field.type'), render: (_: unknown, r) => [r.type, r.model].filter(Boolean).join(' · ') },
          { key: 'unit', dataIndex: 'orgUnitName', title: t('equipment.field.orgUnit') },
          ...(special ? [
            { key: 'registrationNo', dataIndex: 'registrationNo', title: t('equipment.field.registrationNo') },
            { key: 'nextInspectionDue', title: t('equipment.field.nextInspectionDue'), sorter: true, sortOrder: list.sortOrderOf('nextInspectionDue'),
              render: (_: unknown, r: EquipmentSummary) => <Space size={4} wrap><span>{r.nextInspectionDue ?? '—'}</span><InspectionStateTag row={r} /></Space> },
          ] : [
            { key: 'location', dataIndex: 'location', title: t('equipment.field.location') },
          ]),
        ]}
      />
      {editing && <EquipmentDrawer enterpriseId={enterpriseId} id={editing.id} catalogue={data?.catalogue} onClose={() => setEditing(null)} />}
      {viewing && (
        <EquipmentView
          enterpriseId={enterpriseId} id={viewing} catalogue={data?.catalogue} onClose={() => setViewing(null)}
          onEdit={() => { setEditing({ id: viewing }); setViewing(null); }}
        />
      )}
    </>
  );
}
