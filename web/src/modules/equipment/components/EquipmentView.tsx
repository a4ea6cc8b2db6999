import { Button, Descriptions, Drawer, Grid, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiQuery } from '../../../app/useApi';
import { equipmentApi, type EquipmentList } from '../api/equipment.api';
import { InspectionDrawer } from './InspectionDrawer';
import { InspectionStateTag } from './InspectionStateTag';

/** One equipment: what and where it is, its risk points and measures, registration and inspections; the managers' actions. */
export function EquipmentView({ enterpriseId, id, catalogue, onClose, onEdit }: {
  enterpriseId: string; id: string; catalogue: EquipmentList['catalogue'] | undefined; onClose: () => void; onEdit: () => void;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { data: e, error, reload } = useApiQuery(['equipment', enterpriseId, 'detail', id], (signal) => equipmentApi.get(enterpriseId, id, signal));
  const [inspecting, setInspecting] = useState(false);
  const obsoleteSource = e?.obsolete ? catalogue?.obsolete.find((i) => i.code === e.obsolete!.code)?.source ?? e.obsolete.source : null;
  return (
    <Drawer
      open onClose={onClose} width={screens.md ? 640 : '100%'} title={e ? `${e.code} ${e.name}` : ''} data-testid="equipment-view"
      extra={e && (
        <Space>
          {e.abilities.canRecordInspection && <Button type="primary" onClick={() => setInspecting(true)} data-testid="equipment-inspect">{t('equipment.inspect')}</Button>}
          {e.abilities.canEdit && <Button onClick={onEdit} data-testid="equipment-edit">{t('equipment.edit')}</Button>}
        </Space>
      )}
    >
      {error ? <ErrorState error={error} onRetry={reload} /> : !e ? <Skeleton active /> : (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {e.obsolete && (
            <Typography.Paragraph>
              <Tag color={MEANING_TAG.danger}>{t('equipment.obsoleteTag')}</Tag>{e.obsolete.name}
              {obsoleteSource && <Typography.Text type="secondary"> {t('equipment.detail.source', { source: obsoleteSource })}</Typography.Text>}
            </Typography.Paragraph>
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('equipment.field.type')}>{[e.type, e.model].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('equipment.field.orgUnit')}>{e.orgUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('equipment.field.location')}>{e.location || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('equipment.field.status')}>{t(`equipment.status.${e.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('equipment.field.monitoring')}>{e.monitoringMeasures || '—'}</Descriptions.Item>
            {e.specialType && (
              <>
                <Descriptions.Item label={t('equipment.field.specialType')}>{t(`equipment.special.${e.specialType}`)}</Descriptions.Item>
                <Descriptions.Item label={t('equipment.field.registrationNo')}>{[e.registrationNo, e.registrationCertNo].filter(Boolean).join(' / ') || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('equipment.field.lastInspectedOn')}>{e.lastInspectedOn ?? '—'}{e.inspectionCertNo ? `（${e.inspectionCertNo}）` : ''}</Descriptions.Item>
                <Descriptions.Item label={t('equipment.field.nextInspectionDue')}>
                  <Space wrap>
                    <span>{e.nextInspectionDue ?? '—'}</span><InspectionStateTag row={e} />
                    {e.overdueHazardId && <Link to={`/enterprises/${enterpriseId}/hazards/${e.overdueHazardId}`}>{t('equipment.hazardLink')}</Link>}
                  </Space>
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('equipment.detail.riskPoints')}</Typography.Title>
            {e.riskPoints.length ? <Space wrap>{e.riskPoints.map((p) => <Tag key={p.id}>{p.code} {p.name}</Tag>)}</Space>
              : <Typography.Text type="secondary">{t('equipment.detail.noRiskPoints')}</Typography.Text>}
          </div>
          {e.specialType && (
            <div>
              <Typography.Title level={5}>{t('equipment.detail.inspections')}</Typography.Title>
              <List
                size="small" dataSource={e.inspections} locale={{ emptyText: t('equipment.detail.noInspections') }}
                renderItem={(i) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${i.inspectedOn} · ${t(`equipment.result.${i.result}`)}`}
                      description={[i.inspector, i.certificateNo, `${t('equipment.field.nextInspectionDue')} ${i.nextDue}`, i.note, i.recordedByName].filter(Boolean).join(' · ')}
                    />
                  </List.Item>
                )}
              />
            </div>
          )}
        </Space>
      )}
      {inspecting && e && (
        <InspectionDrawer enterpriseId={enterpriseId} equipment={e} intervalMonths={catalogue?.specialTypes.find((s) => s.code === e.specialType)?.intervalMonths} onClose={() => setInspecting(false)} />
      )}
    </Drawer>
  );
}
