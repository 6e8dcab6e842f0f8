/**
 * Loads an API answer for a component, reloading when `key` changes and ignoring answers that
 * arrive after a newer request (or after unmount).
 *
 * @example
 * const { data, error, reload } = useApi(() => api.get<OverviewData>("/insights/overview", q), JSON.stringify(q));
 */
import { useCallback, useEffect, useRef, useState } from "react";

export function useApi<T>(
  load: () => Promise<T>,
  key: string,
): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    loader
      .current()
      .then((d) => {
        if (mine === seq.current) {
          setData(d);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(e);
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
    return () => {
      seq.current++;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  return { data, error, loading, reload };
}
