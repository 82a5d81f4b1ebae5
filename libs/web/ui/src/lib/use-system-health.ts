import { useCallback, useEffect, useRef, useState } from 'react';
import type { SystemHealth } from '@melvin/shared/contracts';
import { fetchSystemHealth } from './fetch-system-health';

export const REFRESH_INTERVAL_MS = 10_000;

export interface SystemHealthState {
  /** The last report received; kept while a later refresh fails so the page does not go blank. */
  health: SystemHealth | null;
  /** Why the most recent request failed, or null if it succeeded. */
  error: string | null;
  /** True while a request is in flight. */
  loading: boolean;
  refresh: () => void;
}

/** Loads `/api/health` on mount, again every `intervalMs`, and whenever `refresh` is called. */
export function useSystemHealth(intervalMs = REFRESH_INTERVAL_MS): SystemHealthState {
  const [health, setHealth] = useState<SystemHealth | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    // A newer request supersedes an older one, so a slow answer can never overwrite a fresh one.
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);

    fetchSystemHealth(controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        setHealth(next);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason instanceof Error ? reason.message : String(reason));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, intervalMs);
    return () => {
      clearInterval(timer);
      inFlight.current?.abort();
    };
  }, [refresh, intervalMs]);

  return { health, error, loading, refresh };
}
