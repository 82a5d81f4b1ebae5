import { ScryfallUnavailableError } from '../scryfall-errors';

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection dropped',
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/** Read by shape, not `instanceof`: fetch's errors may come from another realm (as under jest). */
function asErrorLike(value: unknown): ErrorLike {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : { message: String(value) };
}

/** fetch wraps the socket error: the code sits somewhere down the `cause` chain. */
function errorCode(error: unknown): string | undefined {
  for (let current = asErrorLike(error), depth = 0; depth < 5; current = asErrorLike(current.cause), depth++) {
    if (typeof current.code === 'string') return current.code;
    if (current.cause === undefined) break;
  }
  return undefined;
}

/** Turns whatever fetch threw into the one error callers check for when Scryfall cannot be asked. */
export function unreachable(error: unknown, timeoutMs: number): ScryfallUnavailableError {
  if (error instanceof ScryfallUnavailableError) return error;
  const { name, message } = asErrorLike(error);
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ScryfallUnavailableError(`no answer within ${timeoutMs} ms`, { cause: error });
  }
  const code = errorCode(error);
  const reason = (code && REASONS[code]) ?? code ?? String(message);
  return new ScryfallUnavailableError(reason, { cause: error });
}
