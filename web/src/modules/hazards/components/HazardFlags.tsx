import { ClockCircleOutlined, FlagOutlined, RiseOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { HazardSummary } from '../api/hazards.api';

/** Overdue, escalation step (unit leader → principal → regulator) and listed supervision, each only when it applies. */
export function HazardFlags({ hazard }: { hazard: Pick<HazardSummary, 'overdue' | 'escalationLevel' | 'supervised'> }) {
  const { t, tx } = useI18n();
  if (!hazard.overdue && hazard.escalationLevel === 0 && !hazard.supervised) return null;
  return (
    <Space size={4} wrap>
      {hazard.overdue && <Tag color="error" icon={<ClockCircleOutlined />} data-testid="hazard-overdue">{t('hazard.overdue')}</Tag>}
      {hazard.escalationLevel > 0 && (
        <Tooltip title={t('hazard.escalationHint')}>
          <Tag color="volcano" icon={<RiseOutlined />}>{tx(`hazardEscalation.${hazard.escalationLevel}`, String(hazard.escalationLevel))}</Tag>
        </Tooltip>
      )}
      {hazard.supervised && <Tag color="magenta" icon={<FlagOutlined />}>{t('hazard.supervised')}</Tag>}
    </Space>
  );
}
