import type { Session } from '@melvin/shared/contracts';
import type { SessionStore } from './session-store';

/** An error answer of the Melvin API: `code` is stable, `message` is for people. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface ApiCallOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls the gateway as the signed-in user. An expired access token is renewed once with the
 * refresh token; when that fails too the session ends and the app shows the sign-in form.
 */
export class ApiClient {
  private refreshing: Promise<boolean> | null = null;

  constructor(
    readonly session: SessionStore,
    private readonly baseUrl = '',
  ) {}

  async json<T>(path: string, options: ApiCallOptions = {}): Promise<T> {
    const response = await this.raw(path, { ...options, headers: { accept: 'application/json', ...options.headers } });
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.json<T>(path, { signal });
  }

  post<T>(path: string, body: unknown = {}, signal?: AbortSignal): Promise<T> {
    return this.json<T>(path, { method: 'POST', body, signal });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>(path, { method: 'PATCH', body });
  }

  delete(path: string): Promise<void> {
    return this.json<void>(path, { method: 'DELETE' });
  }

  /** The response itself, already checked for success: for streams and downloads. */
  async raw(path: string, options: ApiCallOptions = {}): Promise<Response> {
    let response = await this.send(path, options);
    if (response.status === 401 && this.session.current && (await this.refresh())) {
      response = await this.send(path, options);
    }
    if (response.status === 401 && this.session.current && !path.startsWith('/api/auth/')) this.session.set(null);
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  /** Signs in; the session store then holds the new session. */
  async signIn(username: string, password: string): Promise<Session> {
    const session = await this.json<Session>('/api/auth/login', { method: 'POST', body: { username, password } });
    this.session.set(session);
    return session;
  }

  async signOut(): Promise<void> {
    const current = this.session.current;
    this.session.set(null);
    if (current) {
      // Revoking is best effort: the local session is gone either way.
      await this.send('/api/auth/logout', { method: 'POST', body: { refreshToken: current.refreshToken } }).catch(() => undefined);
    }
  }

  private send(path: string, options: ApiCallOptions): Promise<Response> {
    const token = this.session.current?.accessToken;
    return fetch(`${this.baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
      cache: 'no-store',
    });
  }

  private refresh(): Promise<boolean> {
    // Several requests failing at once share one refresh: a refresh token works only once.
    this.refreshing ??= (async () => {
      const refreshToken = this.session.current?.refreshToken;
      if (!refreshToken) return false;
      const response = await this.send('/api/auth/refresh', { method: 'POST', body: { refreshToken } }).catch(() => null);
      if (!response?.ok) return false;
      this.session.set((await response.json()) as Session);
      return true;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
}

export async function toApiError(response: Response): Promise<ApiRequestError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown; details?: unknown };
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? `HTTP ${response.status}`);
    return new ApiRequestError(response.status, typeof body.code === 'string' ? body.code : `HTTP_${response.status}`, message, body.details);
  } catch {
    return new ApiRequestError(response.status, `HTTP_${response.status}`, `The server answered HTTP ${response.status}.`);
  }
}

/** A message for people from anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof TypeError) return 'Could not reach the Melvin gateway. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}
