import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './admin-api';
import { useAdminApi } from './admin-session';

export interface ApiResource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs `path` on mount, whenever it changes and on `reload()`. A newer load supersedes an older one, and the
 * last data stays on screen while a reload of the same path is in flight or fails.
 */
export function useApiResource<T>(path: string): ApiResource<T> {
  const api = useAdminApi();
  // Remembers which path the data came from: a reload keeps it on screen, another path (a page of results) does not.
  const [loaded, setLoaded] = useState<{ path: string; data: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    api.get<T>(path).then(
      (next) => {
        if (mine !== generation.current) return;
        setLoaded({ path, data: next });
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (mine !== generation.current) return;
        setError(errorMessage(reason));
        setLoading(false);
      },
    );
  }, [api, path]);

  useEffect(() => {
    reload();
    return () => {
      generation.current += 1;
    };
  }, [reload]);

  return { data: loaded?.path === path ? loaded.data : null, error, loading, reload };
}
