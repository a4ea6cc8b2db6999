import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG, SERIES_MEANING } from '../../../app/palette';
import type { HazardLevel } from '../api/hazards.api';

export function HazardLevelTag({ level }: { level: HazardLevel }) {
  const { tx } = useI18n();
  return <Tag color={MEANING_TAG[SERIES_MEANING[level]]} variant={level === 'major' ? 'solid' : undefined}>{tx(`hazardLevel.${level}`, level)}</Tag>;
}
