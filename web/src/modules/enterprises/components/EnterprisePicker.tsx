import { useEffect, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { enterprisesApi, type EnterpriseSummary } from '../api/enterprises.api';

/** Also works as a Form.Item child, which passes value and onChange itself. */
type Props = { value?: string; onChange?: (id: string | undefined) => void; style?: CSSProperties; allowClear?: boolean };

/** Chooses one enterprise among those the user may see, searching the server as the user types. */
export function EnterprisePicker({ value, onChange, style, allowClear = true }: Props) {
  const { t } = useI18n();
  const { options, loading, search } = useRemoteSearch<EnterpriseSummary>((q, signal) =>
    enterprisesApi.list({ page: 1, pageSize: 20, q, sort: 'name', order: 'asc' }, signal).then((r) => r.items), 'enterprises');
  const [selected, setSelected] = useState<EnterpriseSummary | null>(null);

  // A value from the address bar may not be among the first results: fetch its name once.
  useEffect(() => {
    if (!value || options.some((o) => o.id === value) || selected?.id === value) return;
    const controller = new AbortController();
    enterprisesApi.get(value, controller.signal).then((e) => setSelected(e)).catch(() => undefined);
    return () => controller.abort();
  }, [value, options, selected]);

  const all = selected && !options.some((o) => o.id === selected.id) ? [selected, ...options] : options;

  return (
    <Select
      style={{ minWidth: 240, ...style }}
      value={value}
      allowClear={allowClear}
      placeholder={t('enterprise.pick')}
      loading={loading}
      filterOption={false}
      showSearch={{ onSearch: search, filterOption: false }}
      onChange={(id?: string) => {
        setSelected(all.find((o) => o.id === id) ?? null);
        onChange?.(id);
      }}
      options={all.map((o) => ({ value: o.id, label: o.name }))}
      notFoundContent={loading ? undefined : t('common.noData')}
      data-testid="enterprise-picker"
    />
  );
}
