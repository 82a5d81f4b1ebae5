import type { Session } from '@melvin/shared/contracts';
import { AdminApi } from '../app/session/admin-api';

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

type Answer = { status?: number; body?: unknown } | ((call: RecordedCall) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>);

/**
 * Stands in for the gateway in unit tests: answers by `METHOD /path` (query string included), in the
 * order given when one route has several answers (the last one repeats), and records every call.
 */
export class FakeGateway {
  readonly calls: RecordedCall[] = [];
  private readonly routes = new Map<string, Answer[]>();

  on(route: string, ...answers: Answer[]): this {
    this.routes.set(route, answers);
    return this;
  }

  callsTo(route: string): RecordedCall[] {
    return this.calls.filter((call) => `${call.method} ${call.path}` === route);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const method = init.method ?? 'GET';
    const path = String(input);
    const headers = new Headers(init.headers);
    const call: RecordedCall = { method, path, body: init.body ? JSON.parse(String(init.body)) : undefined, authorization: headers.get('authorization') };
    this.calls.push(call);
    const answers = this.routes.get(`${method} ${path}`);
    if (!answers?.length) return json(404, { code: 'NOT_FOUND', message: `no fake route for ${method} ${path}` });
    const next = answers.length > 1 ? answers.shift() : answers[0];
    const { status = 200, body } = typeof next === 'function' ? await next(call) : (next ?? {});
    return status === 204 ? new Response(null, { status }) : json(status, body ?? {});
  };

  /** An AdminApi over this fake, with its own in-memory storage. */
  api(storage = new MemoryStorage()): AdminApi {
    return new AdminApi({ fetch: this.fetch, storage });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export function sessionFor(role: 'admin' | 'user', suffix = '1', overrides: Partial<Session['user']> = {}): Session {
  return {
    accessToken: `access-${suffix}`,
    refreshToken: `refresh-${suffix}`,
    expiresIn: 900,
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      username: role === 'admin' ? 'operator' : 'player',
      role,
      status: 'active',
      note: null,
      decisionReason: null,
      mustChangePassword: false,
      createdAt: '2025-01-01T00:00:00.000Z',
      decidedAt: null,
      ...overrides,
    },
  };
}

/** An AdminApi already signed in as an admin. */
export async function signedInApi(gateway: FakeGateway): Promise<AdminApi> {
  gateway.on('POST /api/auth/login', { body: sessionFor('admin') });
  const api = gateway.api();
  await api.signIn('operator', 'secret');
  return api;
}
