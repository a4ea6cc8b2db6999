import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError, isApiError } from './api';
import { useI18n } from './i18n';

export type ApiState<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (next: T | undefined) => void;
};

/**
 * Loads data for a screen. A newer call wins over an older one that answers late, and nothing is set
 * after the component is gone. Pass `enabled = false` to wait for a prerequisite.
 * A language switch loads again: the server translates names and messages per Accept-Language.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, enabled = true): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);
  const { locale } = useI18n();
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    loadRef.current(controller.signal)
      .then((d) => {
        if (controller.signal.aborted) return;
        setData(d);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(isApiError(e) ? e : new ApiError('INTERNAL', 0, e instanceof Error ? e.message : String(e)));
        setLoading(false);
      });
    return () => controller.abort();
  }, [...deps, tick, enabled, locale]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
