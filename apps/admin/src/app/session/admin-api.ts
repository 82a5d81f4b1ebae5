import type { ApiError, Session } from '@melvin/shared/contracts';

/** A failed call, with the gateway's stable `code` (see `ApiError`) and a message meant for people. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The refresh token outlives a reload of the tab but not the tab itself; the access token stays in memory. */
export const REFRESH_TOKEN_KEY = 'melvin-admin.refresh-token';

type Listener = (session: Session | null) => void;

export interface AdminApiOptions {
  fetch?: typeof fetch;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * The admin console's one way to the gateway: bearer tokens, one silent refresh on a 401, and errors
 * turned into `ApiRequestError`. Signing in with an account that is not an admin is refused here,
 * so the rest of the console can assume an admin session.
 */
export class AdminApi {
  private current: Session | null = null;
  private refreshing: Promise<Session | null> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly fetchImpl: typeof fetch;
  private readonly storage: AdminApiOptions['storage'];

  constructor(options: AdminApiOptions = {}) {
    // Bound so that calling it detached from `window` works in every browser.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.storage = options.storage ?? safeSessionStorage();
  }

  get session(): Session | null {
    return this.current;
  }

  /** True when a refresh token from an earlier page load can be tried with `restore()`. */
  get canRestore(): boolean {
    return Boolean(this.storage?.getItem(REFRESH_TOKEN_KEY));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(username: string, password: string): Promise<Session> {
    const session = await this.send<Session>('POST', '/api/auth/login', { username, password });
    const refusal =
      session.user.role !== 'admin'
        ? 'This account is not an admin: the admin console is for operators only.'
        : session.user.mustChangePassword
          ? 'This account must replace its temporary password before it can use the admin console.'
          : null;
    if (refusal) {
      await this.send('POST', '/api/auth/logout', { refreshToken: session.refreshToken }).catch(() => undefined);
      throw new ApiRequestError(403, 'NOT_AN_ADMIN_SESSION', refusal);
    }
    this.setSession(session);
    return session;
  }

  async signOut(): Promise<void> {
    const refreshToken = this.current?.refreshToken ?? this.storage?.getItem(REFRESH_TOKEN_KEY);
    this.setSession(null);
    if (refreshToken) await this.send('POST', '/api/auth/logout', { refreshToken }).catch(() => undefined);
  }

  /** Picks the session up again after a reload, from the stored refresh token; null if it is gone. */
  restore(): Promise<Session | null> {
    return this.refresh(this.storage?.getItem(REFRESH_TOKEN_KEY) ?? null);
  }

  get<T>(path: string): Promise<T> {
    return this.authorized<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.authorized<T>('POST', path, body);
  }

  private async authorized<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = this.current?.accessToken;
    try {
      return await this.send<T>(method, path, body, token);
    } catch (error) {
      // Access tokens are short-lived: renew once, then give up and sign out.
      if (!(error instanceof ApiRequestError) || error.status !== 401 || !this.current) throw error;
      const renewed = await this.refresh(this.current.refreshToken);
      if (!renewed) throw new ApiRequestError(401, 'SESSION_EXPIRED', 'Your session has ended: sign in again.');
      return this.send<T>(method, path, body, renewed.accessToken);
    }
  }

  private refresh(refreshToken: string | null): Promise<Session | null> {
    if (!refreshToken) return Promise.resolve(null);
    // Refresh tokens rotate and a reused one revokes the family, so concurrent 401s share one refresh.
    this.refreshing ??= this.send<Session>('POST', '/api/auth/refresh', { refreshToken })
      .then(
        (session) => {
          this.setSession(session.user.role === 'admin' ? session : null);
          return this.current;
        },
        () => {
          this.setSession(null);
          return null;
        },
      )
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  private setSession(session: Session | null): void {
    this.current = session;
    if (session) this.storage?.setItem(REFRESH_TOKEN_KEY, session.refreshToken);
    else this.storage?.removeItem(REFRESH_TOKEN_KEY);
    for (const listener of this.listeners) listener(session);
  }

  private async send<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(path, {
        method,
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new ApiRequestError(0, 'NETWORK_ERROR', `Could not reach the Melvin gateway (${error instanceof Error ? error.message : String(error)}).`);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      if (response.ok) throw new ApiRequestError(response.status, 'BAD_RESPONSE', `${path} answered with something that is not JSON.`);
    }
    if (!response.ok) {
      const error = isApiError(parsed) ? parsed : { code: `HTTP_${response.status}`, message: `${method} ${path} failed with HTTP ${response.status}.` };
      throw new ApiRequestError(response.status, error.code, error.message);
    }
    return parsed as T;
  }
}

function isApiError(body: unknown): body is ApiError {
  const candidate = body as Partial<ApiError> | null;
  return typeof candidate?.code === 'string' && typeof candidate.message === 'string';
}

function safeSessionStorage(): AdminApiOptions['storage'] {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be switched off by the browser; the console then just forgets sessions on reload.
    return undefined;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
