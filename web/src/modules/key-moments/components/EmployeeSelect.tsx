import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { keyMomentsApi, type EmployeeOption } from '../api/key-moments.api';

type Props = {
  enterpriseId: string; id?: string; value?: string | null; onChange?: (v: string | null) => void;
  /** Those already chosen, so they show before any search. */
  initial?: EmployeeOption[]; allowClear?: boolean; placeholder?: string; testId?: string;
};

const label = (e: EmployeeOption) => (e.unitName ? `${e.name}（${e.unitName}）` : e.name);

/** One person from the enterprise's active employees, searched by name as the user types (leader, mentor, apprentice). */
export function EmployeeSelect({ enterpriseId, id, value, onChange, initial = [], allowClear = true, placeholder, testId }: Props) {
  const { t } = useI18n();
  const { options, loading, search } = useRemoteSearch<EmployeeOption>((q, signal) => keyMomentsApi.employees(enterpriseId, q, signal), enterpriseId);
  const known = new Map([...initial, ...options].map((e) => [e.id, e]));
  return (
    <Select
      id={id} style={{ width: '100%' }} allowClear={allowClear} value={value ?? undefined} onChange={(v?: string) => onChange?.(v ?? null)}
      options={[...known.values()].map((e) => ({ value: e.id, label: label(e) }))} loading={loading} filterOption={false}
      showSearch={{ onSearch: search, filterOption: false }} notFoundContent={loading ? undefined : t('common.noData')}
      placeholder={placeholder ?? t('mentorship.pickEmployee')} data-testid={testId}
    />
  );
}
