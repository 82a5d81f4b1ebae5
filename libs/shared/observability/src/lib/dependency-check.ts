/** One dependency behind /health/ready, e.g. PostgreSQL. `check` rejects when it is unusable. */
export interface DependencyCheck {
  name: string;
  check(): Promise<void>;
}

/** Checks an HTTP dependency (Qdrant, Ollama) by a GET that must answer 2xx. */
export function httpDependencyCheck(name: string, url: string, timeoutMs = 2_000): DependencyCheck {
  return {
    name,
    async check() {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    },
  };
}
