import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { HazardLevel } from '../api/hazards.api';

export function HazardLevelTag({ level }: { level: HazardLevel }) {
  const { tx } = useI18n();
  return <Tag color={level === 'major' ? 'red' : 'blue'} variant={level === 'major' ? 'solid' : undefined}>{tx(`hazardLevel.${level}`, level)}</Tag>;
}
