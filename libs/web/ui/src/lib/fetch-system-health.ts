import type { SystemHealth } from '@melvin/shared/contracts';

export const HEALTH_URL = '/api/health';
export const REQUEST_TIMEOUT_MS = 8_000;

/**
 * Asks the gateway for the health of every Melvin service.
 * A 503 still carries a full report (some service is not up), so the body, not the status code, decides success.
 * Rejects with the caller's abort reason when `signal` aborts, and with a readable message otherwise.
 */
export async function fetchSystemHealth(
  signal?: AbortSignal,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<SystemHealth> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

  const explain = (error: unknown, fallback: string): Error => {
    if (signal?.aborted) return toError(signal.reason);
    if (timeout.aborted) return new Error(`The Melvin gateway did not answer within ${timeoutMs / 1000} s.`);
    return new Error(fallback.replace('{cause}', toError(error).message || 'network error'));
  };

  let response: Response;
  try {
    response = await fetch(HEALTH_URL, { headers: { accept: 'application/json' }, cache: 'no-store', signal: combined });
  } catch (error) {
    throw explain(error, 'Could not reach the Melvin gateway ({cause}).');
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw explain(error, `The health endpoint answered HTTP ${response.status} with something that is not JSON.`);
  }

  if (!isSystemHealth(body)) {
    throw new Error(`The health endpoint answered HTTP ${response.status} with an unexpected body.`);
  }
  return body;
}

function isSystemHealth(body: unknown): body is SystemHealth {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<SystemHealth>;
  return typeof candidate.status === 'string' && Array.isArray(candidate.services);
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
