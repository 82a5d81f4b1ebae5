/** A small JSON client for driving Melvin's API the way the web app does. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  elapsedMs: number;
}

export class ApiClient {
  constructor(private readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer<T>> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    const elapsedMs = performance.now() - started;
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers, elapsedMs };
  }

  get<T = Record<string, unknown>>(path: string, token?: string, headers?: Record<string, string>) {
    return this.call<T>('GET', path, { token, headers });
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown, token?: string, headers?: Record<string, string>) {
    return this.call<T>('POST', path, { body: body ?? {}, token, headers });
  }

  patch<T = Record<string, unknown>>(path: string, body: unknown, token?: string) {
    return this.call<T>('PATCH', path, { body, token });
  }

  /** Requests an account, approves it as `adminToken`, signs in; returns the new user's session. */
  async activeUser(username: string, password: string, adminToken: string): Promise<{ id: string; accessToken: string; refreshToken: string }> {
    const requested = await this.post('/api/auth/requests', { username, password });
    if (requested.status !== 202) throw new Error(`request for ${username}: ${requested.status} ${JSON.stringify(requested.body)}`);
    const pending = await this.get<Array<{ id: string; username: string }>>('/api/admin/requests', adminToken);
    const request = pending.body.find((candidate) => candidate.username === username);
    if (!request) throw new Error(`${username} is not pending`);
    await this.post(`/api/admin/requests/${request.id}/approve`, {}, adminToken);
    const session = await this.post<{ accessToken: string; refreshToken: string }>('/api/auth/login', { username, password });
    if (session.status !== 200) throw new Error(`login ${username}: ${session.status} ${JSON.stringify(session.body)}`);
    return { id: request.id, ...session.body };
  }
}
