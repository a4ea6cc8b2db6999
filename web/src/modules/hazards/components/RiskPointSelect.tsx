import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { riskApi, type RiskSummary } from '../../risk/api/risk.api';

type Props = {
  enterpriseId: string;
  id?: string;
  value?: string | null;
  /** The point chosen, or null when cleared; `point` is the risk point as listed (its unit and location). */
  onChange?: (id: string | null, point?: RiskSummary) => void;
  /** The current risk point, shown before the list has loaded. */
  initial?: { id: string; name: string } | null;
};

/** Chooses a hazard's risk point among those the caller sees, searching by code or name as the user types. */
export function RiskPointSelect({ enterpriseId, id, value, onChange, initial }: Props) {
  const { t } = useI18n();
  // Without the list the current point still shows; the field stays optional.
  const { options, loading, search } = useRemoteSearch<RiskSummary>(
    (q, signal) => riskApi.list(enterpriseId, { q, pageSize: 50 }, signal).then((r) => r.items), enterpriseId);

  const opts = options.map((r) => ({ value: r.id, label: `${r.code} ${r.name}（${r.orgUnitName}）` }));
  if (initial && !opts.some((o) => o.value === initial.id)) opts.unshift({ value: initial.id, label: initial.name });

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null, options.find((r) => r.id === v))}
      options={opts}
      loading={loading}
      allowClear
      placeholder={t('hazard.pickRiskPoint')}
      filterOption={false}
      showSearch={{ onSearch: search, filterOption: false }}
      notFoundContent={loading ? undefined : t('common.noData')}
      data-testid="hazard-risk-point-select"
    />
  );
}
