import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { HazardUnit } from '../api/hazards.api';

type Props = { units: HazardUnit[] | undefined; id?: string; value?: string; onChange?: (id: string) => void; testId?: string };

/** A unit as people tell units apart: its path below the company (一车间 / 甲班), the company itself by its name. */
const unitPathLabel = (u: HazardUnit) => (u.pathNames.length > 1 ? u.pathNames.slice(1) : u.pathNames).join(' / ');

/** Picks the unit a hazard belongs to among those the server offers (a unit leader: his own subtree), shown by path. */
export function HazardUnitSelect({ units, id, value, onChange, testId }: Props) {
  const { t } = useI18n();
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      options={(units ?? []).map((u) => ({ value: u.id, label: unitPathLabel(u) }))}
      loading={!units}
      placeholder={t('hazard.pickUnit')}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={testId}
    />
  );
}
