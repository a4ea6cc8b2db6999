import { Select, Space, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { riskMapApi } from '../../risk/api/risk-map.api';
import type { Marker } from '../api/equipment.api';

export type PlanPoint = { floorPlanId: string | null; position: Marker | null };

/**
 * Where the equipment is on one of the enterprise's floor plans (the plans of the four-colour risk map): choose the
 * plan, then click it; the point is kept in coordinates 0..1 of the plan, as risk points are.
 */
export function FloorPlanPicker({ enterpriseId, value, onChange }: { enterpriseId: string; value?: PlanPoint; onChange?: (v: PlanPoint) => void }) {
  const { t } = useI18n();
  const plans = useApiQuery(['risk', enterpriseId, 'floor-plans'], (signal) => riskMapApi.plans(enterpriseId, signal));
  const current = value ?? { floorPlanId: null, position: null };
  const place = (e: MouseEvent<HTMLDivElement>) => {
    if (!current.floorPlanId) return;
    const box = e.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 10000) / 10000));
    onChange?.({ floorPlanId: current.floorPlanId, position: { type: 'marker', x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) } });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        allowClear style={{ width: '100%' }} loading={plans.loading} value={current.floorPlanId ?? undefined} placeholder={t('equipment.field.floorPlanHint')}
        onChange={(id?: string) => onChange?.({ floorPlanId: id ?? null, position: null })}
        options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      {current.floorPlanId && (
        <div onClick={place} style={{ position: 'relative', cursor: 'crosshair', border: '1px solid #eee' }} data-testid="equipment-floor-plan">
          <img src={riskMapApi.imageUrl(enterpriseId, current.floorPlanId)} alt="" style={{ width: '100%', display: 'block' }} draggable={false} />
          {current.position && (
            <span style={{
              position: 'absolute', left: `${current.position.x * 100}%`, top: `${current.position.y * 100}%`, width: 14, height: 14, marginLeft: -7, marginTop: -7,
              borderRadius: '50%', background: '#1677ff', border: '2px solid #fff', boxShadow: '0 0 2px #000',
            }} />
          )}
        </div>
      )}
      {current.floorPlanId && !current.position && <Typography.Text type="secondary">{t('equipment.field.floorPlanHint')}</Typography.Text>}
    </Space>
  );
}
