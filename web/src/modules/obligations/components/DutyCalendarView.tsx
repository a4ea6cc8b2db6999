import { Skeleton } from 'antd';
import type { Query } from '../../../app/api';
import { ErrorState } from '../../../app/components/ErrorState';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { obligationKeys, obligationsApi } from '../api/obligations.api';
import { monthBounds } from '../api/period';
import { DutyFilters } from './DutyFilters';
import { DutyListView } from './DutyListView';
import { DutyMonthGrid } from './DutyMonthGrid';
import type { CalendarState } from './useCalendarState';

type Props = {
  enterpriseId: string;
  state: CalendarState;
  set: (patch: Partial<Record<keyof CalendarState, string | undefined>>) => void;
};

/**
 * 履职日历 (issue 11 §1): one enterprise's duties due in a month, as a month grid or a list, filtered by duty, kind of
 * owner and status; each opens its page. What a user may do on a duty comes with it (its `abilities`), so a
 * regulator reads the same calendar without the enterprise's buttons.
 */
export function DutyCalendarView({ enterpriseId, state, set }: Props) {
  const { t } = useI18n();
  const { from, to } = monthBounds(state.month);
  const q: Query = { from, to, rule: state.rule, owner: state.owner, status: state.status };
  const { data, error, loading, reload } = useApiQuery(obligationKeys.list(enterpriseId, q), (signal) => obligationsApi.list(enterpriseId, q, signal));
  const items = data?.items ?? [];
  return (
    <div data-testid="duty-calendar">
      <DutyFilters state={state} set={set} />
      {error && <ErrorState error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && state.view === 'grid' && <DutyMonthGrid items={items} state={state} set={set} />}
      {data && state.view === 'list' && <DutyListView items={items} loading={loading} empty={t('obligation.calendar.monthEmpty')} />}
    </div>
  );
}
