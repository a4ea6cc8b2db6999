import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useId, useRef, type DependencyList } from 'react';
import type { ApiError } from './api';
import { useI18n } from './i18n';
import { asApiError } from './query';

export type ApiState<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (next: T | undefined) => void;
};

/**
 * Loads data for a screen through the query cache, keyed by `key` (what invalidations name, e.g.
 * `['hazards', enterpriseId]`) and the locale: the server translates names and messages per Accept-Language, so a
 * language switch loads again. The previous answer stays on screen while a new key loads; `loading` is true whenever a
 * request is in flight and `error` is cleared while it is. Pass `enabled = false` to wait for a prerequisite.
 */
export function useApiQuery<T>(key: QueryKey, load: (signal: AbortSignal) => Promise<T>, enabled = true, opts: { gcTime?: number } = {}): ApiState<T> {
  const { locale } = useI18n();
  const client = useQueryClient();
  const queryKey = [...key, { locale }];
  const q = useQuery<T, ApiError>({
    queryKey,
    queryFn: async ({ signal }) => {
      try {
        return await load(signal);
      } catch (e) {
        throw asApiError(e);
      }
    },
    enabled,
    placeholderData: keepPreviousData,
    gcTime: opts.gcTime,
  });
  const { refetch } = q;
  const reload = useCallback(() => { void refetch(); }, [refetch]);
  const keyRef = useRef<QueryKey>(queryKey);
  keyRef.current = queryKey;
  const setData = useCallback((next: T | undefined) => { client.setQueryData(keyRef.current, next); }, [client]);
  return {
    data: q.data,
    error: q.isFetching ? undefined : (q.error ?? undefined),
    loading: q.isFetching,
    reload,
    setData,
  };
}

/**
 * The original hook, kept for screens not yet given a query key: the same contract, on the query cache. Each call site
 * gets its own entry (its component instance and `deps`), dropped as soon as the screen leaves; `reload` and `setData`
 * work as before, and `invalidateQueries()` after a write reloads these too.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, enabled = true): ApiState<T> {
  const id = useId();
  return useApiQuery(['useApi', id, ...deps], load, enabled, { gcTime: 0 });
}

/**
 * A write with its save state: `run` sends it, `saving` is true meanwhile, and on success every query whose key starts
 * with one of `invalidates` loads again (all queries when none is named), so lists and details show what was changed.
 * `onSuccess` runs before those loads (a drawer closes at once); `run` resolves after them. `input` is what was sent
 * last, so one mutation can say which of its buttons is busy.
 */
export function useApiMutation<I, O>(send: (input: I) => Promise<O>, opts: { invalidates?: QueryKey[]; onSuccess?: (out: O, input: I) => void } = {}) {
  const client = useQueryClient();
  const m = useMutation<O, ApiError, I>({
    mutationFn: async (input) => {
      try {
        return await send(input);
      } catch (e) {
        throw asApiError(e);
      }
    },
    onSuccess: async (out, input) => {
      opts.onSuccess?.(out, input);
      if (!opts.invalidates) await client.invalidateQueries();
      else await Promise.all(opts.invalidates.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  return { run: m.mutateAsync, saving: m.isPending, input: m.variables, error: m.error ?? undefined, reset: m.reset };
}
