import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { drillsApi, type EmployeeOption } from '../api/drills.api';

type Common = { enterpriseId: string; id?: string; initial?: EmployeeOption[]; testId?: string };
type Single = Common & { multiple?: false; value?: string; onChange?: (v: string | undefined) => void };
type Multiple = Common & { multiple: true; value?: string[]; onChange?: (v: string[]) => void };

const label = (e: EmployeeOption) => (e.unitName ? `${e.name}（${e.unitName}）` : e.name);

/** Chooses people from the enterprise's active employees, searching by name: the organiser, participants, owners. */
export function EmployeeSelect(props: Single | Multiple) {
  const { t } = useI18n();
  const { enterpriseId, id, initial = [], testId } = props;
  const { options, loading, search } = useRemoteSearch<EmployeeOption>((q, signal) => drillsApi.employees(enterpriseId, q, signal), enterpriseId);
  const known = new Map([...initial, ...options].map((e) => [e.id, e]));
  const opts = [...known.values()].map((e) => ({ value: e.id, label: label(e) }));
  const common = {
    id, options: opts, loading, filterOption: false as const, showSearch: { onSearch: search, filterOption: false as const },
    notFoundContent: loading ? undefined : t('common.noData'), 'data-testid': testId, style: { width: '100%' },
  };
  if (props.multiple) {
    return <Select {...common} mode="multiple" value={props.value} onChange={(v: string[]) => props.onChange?.(v)} placeholder={t('drill.pickEmployees')} />;
  }
  return <Select {...common} allowClear value={props.value} onChange={(v?: string) => props.onChange?.(v)} placeholder={t('drill.pickEmployee')} />;
}
