import { useEffect, useState } from 'react';

/**
 * The options of a remote select: loaded for what the person types (200 ms after the last key), the previous request
 * cancelled, `error` kept so the select can say why it is empty. One place for every search-as-you-type picker.
 */
export function useRemoteSearch<T>(load: (q: string | undefined, signal: AbortSignal) => Promise<T[]>, key: string) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      load(q || undefined, controller.signal)
        .then((r) => { setOptions(r); setError(null); })
        .catch((e: unknown) => { if (!controller.signal.aborted) { setOptions([]); setError(e); } })
        .finally(() => { if (!controller.signal.aborted) setLoading(false); });
    }, 200);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
    // `load` is a new function each render; `key` names what it loads from (e.g. the enterprise).
  }, [key, q]);

  return { options, loading, error, search: setQ };
}
