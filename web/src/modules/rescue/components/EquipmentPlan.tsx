import { Alert, Modal, Skeleton, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { riskMapApi, type MapPoint } from '../../risk/api/risk-map.api';
import { RiskMapCanvas } from '../../risk/components/RiskMapCanvas';
import type { RescueEquipment } from '../api/rescue.api';

/**
 * Where an emergency item is kept (issue 14 §2): its point drawn on the enterprise's floor plan by the risk map's own
 * canvas, the item as a single ungraded marker labelled with its name.
 */
export function EquipmentPlan({ enterpriseId, item, onClose }: { enterpriseId: string; item: RescueEquipment; onClose: () => void }) {
  const { t } = useI18n();
  const plans = useApiQuery(['risk', enterpriseId, 'floor-plans'], (signal) => riskMapApi.plans(enterpriseId, signal));
  const plan = plans.data?.items.find((p) => p.id === item.floorPlanId);
  const point: MapPoint | null = item.position
    ? { id: item.id, code: item.name, name: item.name, grade: null, colour: null, shape: item.position, controlFailing: false, missingR8: [], kind: 'place', orgUnitName: '' }
    : null;
  return (
    <Modal open onCancel={onClose} footer={null} width={880} title={`${item.name}${item.location ? ` · ${item.location}` : ''}`} data-testid="equipment-plan">
      {plans.loading ? <Skeleton active /> : !plan || !point ? <Alert type="info" showIcon title={t('rescue.equipment.noPlan')} /> : (
        <>
          <Typography.Paragraph type="secondary">{plan.name}</Typography.Paragraph>
          <RiskMapCanvas imageUrl={riskMapApi.imageUrl(enterpriseId, plan.id)} width={plan.width} height={plan.height} points={[point]} selectedId={point.id} maxHeight="65vh" />
        </>
      )}
    </Modal>
  );
}
