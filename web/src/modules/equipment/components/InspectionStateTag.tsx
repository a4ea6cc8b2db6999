import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { EquipmentSummary } from '../api/equipment.api';

/** A special equipment's inspection: overdue (with days), due soon, or in time; nothing for other equipment. */
export function InspectionStateTag({ row }: { row: Pick<EquipmentSummary, 'inspectionState' | 'daysOverdue'> }) {
  const { t } = useI18n();
  switch (row.inspectionState) {
    case 'overdue': return <Tag color={MEANING_TAG.danger}>{t('equipment.state.overdue', { n: row.daysOverdue })}</Tag>;
    case 'due_soon': return <Tag color={MEANING_TAG.warning}>{t('equipment.state.due_soon')}</Tag>;
    case 'ok': return <Tag color={MEANING_TAG.done}>{t('equipment.state.ok')}</Tag>;
    default: return null;
  }
}
