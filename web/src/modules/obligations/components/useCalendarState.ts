import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { districtToday, isMonthKey } from '../api/period';

export type CalendarView = 'grid' | 'list';
export type CalendarState = {
  month: string;
  view: CalendarView;
  rule?: string;
  owner?: string;
  status?: string;
  /** The day picked in the month grid (its duties are listed under it). */
  day?: string;
};
type Patch = Partial<Record<keyof CalendarState, string | undefined>>;
const KEYS = ['month', 'view', 'rule', 'owner', 'status', 'day'] as const;

/**
 * The duty calendar's month, view and filters: in the address on its own page (a link or the back button brings them
 * back), in the component when it is a tab of the enterprise file, whose address belongs to the file.
 */
export function useCalendarState(sync: 'url' | 'local', initial: Patch = {}): [CalendarState, (patch: Patch) => void] {
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<Patch>(initial);
  const read = useMemo<Patch>(() => {
    if (sync === 'local') return local;
    const out: Patch = {};
    for (const k of KEYS) out[k] = params.get(k) ?? undefined;
    return out;
  }, [sync, local, params]);
  const state = useMemo<CalendarState>(() => ({
    month: isMonthKey(read.month) ? read.month : districtToday().slice(0, 7),
    view: read.view === 'list' ? 'list' : 'grid',
    rule: read.rule || undefined,
    owner: read.owner || undefined,
    status: read.status || undefined,
    day: read.day && /^\d{4}-\d{2}-\d{2}$/.test(read.day) ? read.day : undefined,
  }), [read]);
  const set = useCallback((patch: Patch) => {
    if (sync === 'local') {
      setLocal((prev) => ({ ...prev, ...patch }));
      return;
    }
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    }, { replace: true });
  }, [sync, setParams]);
  return [state, set];
}
