import { Select } from 'antd';
import type { ItemOf, ResponseOf } from '../../api/types';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useRemoteSearch } from '../useRemoteSearch';

type RosterPage = ResponseOf<'/enterprises/{enterpriseId}/employees'>;

/** A person of the enterprise's roster as a picker shows them: name and unit. */
export type EmployeeOption = { id: string; name: string; unitName: string | null };

/** How many matches one keystroke brings; a longer roster is narrowed by typing. */
const PAGE_SIZE = 30;

/** The enterprise's active employees whose name matches what was typed, by name: the one roster call of every picker. */
export async function searchEmployees(enterpriseId: string, q: string | undefined, signal?: AbortSignal): Promise<EmployeeOption[]> {
  const page = await api.get<RosterPage>(`/enterprises/${enterpriseId}/employees`, { q, status: 'active', page: 1, pageSize: PAGE_SIZE, sort: 'name' }, { signal });
  return page.items.map((e: ItemOf<RosterPage>) => ({ id: e.id, name: e.name, unitName: e.orgUnitName ?? null }));
}

export const employeeLabel = (e: EmployeeOption) => (e.unitName ? `${e.name}（${e.unitName}）` : e.name);

type Common = {
  enterpriseId: string;
  /** What the empty field asks for, in the module's words ("选择参演人员"). */
  placeholder: string;
  id?: string;
  /** Those already chosen (a record being edited), so their names show before any search. */
  initial?: readonly EmployeeOption[];
  disabled?: boolean;
  testId?: string;
};
type Single = Common & { multiple?: false; value?: string | null; onChange?: (id: string | null) => void };
type Multiple = Common & { multiple: true; value?: string[]; onChange?: (ids: string[]) => void };

/**
 * Chooses one or several people from the enterprise's active employees, searching the server by name as the user
 * types (the risk point's controllers, a meeting's chair and attendees, a key moment's leader, a drill's participants,
 * a plan's readers…). In single mode clearing the field gives `null`.
 */
export function EmployeeSelect(props: Single | Multiple) {
  const { t } = useI18n();
  const { enterpriseId, id, initial = [], placeholder, disabled, testId } = props;
  const { options, loading, search } = useRemoteSearch<EmployeeOption>((q, signal) => searchEmployees(enterpriseId, q, signal), enterpriseId);
  const known = new Map([...initial, ...options].map((e) => [e.id, e]));
  const common = {
    id, placeholder, disabled, loading, style: { width: '100%' }, 'data-testid': testId,
    options: [...known.values()].map((e) => ({ value: e.id, label: employeeLabel(e) })),
    filterOption: false as const, showSearch: { onSearch: search, filterOption: false as const },
    notFoundContent: loading ? undefined : t('common.noData'),
  };
  if (props.multiple) {
    return <Select {...common} mode="multiple" value={props.value} onChange={(v: string[]) => props.onChange?.(v)} />;
  }
  return <Select {...common} allowClear value={props.value ?? undefined} onChange={(v?: string) => props.onChange?.(v ?? null)} />;
}
