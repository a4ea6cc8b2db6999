import { Select } from 'antd';
import { isApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { hazardsApi, type Assignee } from '../api/hazards.api';

type Props = { enterpriseId: string; id?: string; value?: string; onChange?: (id: string | undefined) => void; initial?: { id: string; name: string } | null };

/** Chooses the rectifier among the enterprise's accounts, searching by name or user name as the user types. */
export function RectifierSelect({ enterpriseId, id, value, onChange, initial }: Props) {
  const { t } = useI18n();
  const { options, loading, error, search } = useRemoteSearch<Assignee>((q, signal) => hazardsApi.assignees(enterpriseId, q, signal), enterpriseId);
  const forbidden = isApiError(error) && error.code === 'FORBIDDEN';

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
      showSearch={{ onSearch: search, filterOption: false }}
      notFoundContent={loading ? undefined : t(forbidden ? 'hazard.rectifierForbidden' : 'common.noData')}
      data-testid="hazard-rectifier-select"
    />
  );
}
