import { useEffect, useMemo, useRef, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
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
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      setLoading(true);
      employeesApi.list(enterpriseId, { q: q || undefined, status: 'active', page: 1, pageSize: 30, sort: 'name' }, controller.signal)
        .then((page) => setOptions(page.items.map((e) => ({ value: e.id, label: `${e.name} · ${e.orgUnitName}` }))))
        .catch(() => undefined)
        .finally(() => { if (!controller.signal.aborted) setLoading(false); });
    }, q ? 250 : 0);
    return () => {
      controller.abort();
      window.clearTimeout(timer.current);
    };
  }, [enterpriseId, q]);

  const merged = useMemo(() => {
    if (!value || options.some((o) => o.value === value)) return options;
    return [{ value, label: initialLabel ?? value }, ...options];
  }, [options, value, initialLabel]);

  return (
    <Select
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setQ }}
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
