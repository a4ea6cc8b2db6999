import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { isApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { hazardsApi, type Assignee } from '../api/hazards.api';

type Props = { enterpriseId: string; id?: string; value?: string; onChange?: (id: string | undefined) => void; initial?: { id: string; name: string } | null };

/** Chooses the rectifier among the enterprise's accounts, searching by name or user name as the user types. */
export function RectifierSelect({ enterpriseId, id, value, onChange, initial }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Assignee[]>([]);
  const [loading, setLoading] = useState(false);
  const [forbidden, setForbidden] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      hazardsApi.assignees(enterpriseId, q || undefined, controller.signal)
        .then((r) => setOptions(r))
        .catch((e: unknown) => setForbidden(isApiError(e) && e.code === 'FORBIDDEN'))
        .finally(() => { if (!controller.signal.aborted) setLoading(false); });
    }, 200);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [enterpriseId, q]);

  const opts = options.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username} · ${u.roleName}）` }));
  if (initial && !opts.some((o) => o.value === initial.id)) opts.unshift({ value: initial.id, label: initial.name });

  return (
    <Select
      id={id}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={opts}
      loading={loading}
      placeholder={t('hazard.pickRectifier')}
      filterOption={false}
      showSearch={{ onSearch: setQ, filterOption: false }}
      notFoundContent={loading ? undefined : t(forbidden ? 'hazard.rectifierForbidden' : 'common.noData')}
      data-testid="hazard-rectifier-select"
    />
  );
}
