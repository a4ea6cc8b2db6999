import { useMemo } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { employeesApi } from '../../employees/api/employees.api';

type Option = { value: string; label: string };
type Props = {
  enterpriseId: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The name of the current value, so it shows before any search. */
  initialLabel?: string | null;
  disabled?: boolean;
  testId?: string;
};

/** Picks an active employee of the enterprise by name, searching the server as the user types. */
export function EmployeeSelect({ enterpriseId, value, onChange, initialLabel, disabled, testId }: Props) {
  const { t } = useI18n();
  const { options, loading, search } = useRemoteSearch<Option>((q, signal) =>
    employeesApi.list(enterpriseId, { q, status: 'active', page: 1, pageSize: 30, sort: 'name' }, signal)
      .then((page) => page.items.map((e) => ({ value: e.id, label: `${e.name} · ${e.orgUnitName}` }))), enterpriseId);

  const merged = useMemo(() => {
    if (!value || options.some((o) => o.value === value)) return options;
    return [{ value, label: initialLabel ?? value }, ...options];
  }, [options, value, initialLabel]);

  return (
    <Select
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={merged}
      loading={loading}
      disabled={disabled}
      placeholder={t('risk.pickEmployee')}
      notFoundContent={loading ? undefined : t('common.noData')}
      data-testid={testId}
    />
  );
}
