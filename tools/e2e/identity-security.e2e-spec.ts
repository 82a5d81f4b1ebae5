import { createHmac, randomUUID } from 'node:crypto';
import { JWT_AUDIENCE, JWT_ISSUER, type AuditPage, type UserView } from '@melvin/shared/contracts';
import { ApiClient } from './support/api-client';
import { ADMIN, MelvinStack } from './support/melvin-stack';

/**
 * Melvin's identity surface under attack, driven over HTTP against the built gateway and auth
 * services: injection into every input, oversized input, privilege escalation, forged tokens,
 * username enumeration by timing, and password-hash leaks.
 */

/** Known so the suite can forge tokens; long enough for the gateway's config check. */
const JWT_SECRET = 'a-known-test-secret-of-sufficient-length-123';
const PASSWORD = 'Mana-Leak-7x!';
const OTHER_PASSWORD = 'Counter-Sp3ll!';

/**
 * Classic SQL-injection strings plus LIKE wildcards and an escape character. None of them
 * satisfies the password policy, so feeding them as a new password never changes one.
 */
const SQL_INJECTION = [
  `' OR '1'='1`,
  `admin'--`,
  `${ADMIN.username}'--`,
  `"; DROP TABLE user_accounts; --`,
  `'; DELETE FROM audit_events; --`,
  `' UNION SELECT username FROM user_accounts --`,
  `') OR 1=1 --`,
  `%`,
  `_`,
  `\\`,
];

/** What a leaked database error or stack trace would look like in a message. */
const LEAK = /syntax|SELECT|at \w+ \(|QueryFailedError/i;
const HASH_LEAK = /passwordHash|password_hash|\$2[aby]\$/;
const KB = 1024;

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

interface Probe {
  method: string;
  path: string;
  body?: unknown;
  token?: string;
}

interface RawAnswer {
  status: number;
  text: string;
  json?: Record<string, unknown>;
}

/** Like ApiClient.call, but tolerant of non-JSON answers so a broken contract is reported, not thrown. */
async function send(baseUrl: string, probe: Probe): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${probe.path}`, {
    method: probe.method,
    headers: {
      ...(probe.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(probe.token ? { authorization: `Bearer ${probe.token}` } : {}),
    },
    body: typeof probe.body === 'string' ? probe.body : probe.body !== undefined ? JSON.stringify(probe.body) : undefined,
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/**
 * The error contract, whatever the input: never a 5xx; an error is JSON `{code, message}`; the
 * message carries no SQL or stack text (once the caller's own input, which it may quote, is removed).
 */
function contractProblems(answer: RawAnswer, input: string): string[] {
  if (answer.status >= 500) return [`status ${answer.status}: ${answer.text.slice(0, 200)}`];
  if (answer.status < 400) return [];
  if (!answer.json || typeof answer.json['code'] !== 'string' || typeof answer.json['message'] !== 'string') {
    return [`error ${answer.status} is not {code, message}: ${answer.text.slice(0, 200)}`];
  }
  const message = (answer.json['message'] as string).split(input).join('');
  return LEAK.test(message) ? [`message leaks internals: ${answer.json['message']}`] : [];
}

/** Everything wrong with `answer`: a broken contract, or a status outside `accept`. */
function problemsWith(answer: RawAnswer, input: string, accept: number[]): string[] {
  const contract = contractProblems(answer, input);
  if (contract.length || accept.includes(answer.status)) return contract;
  return [`status ${answer.status} (expected ${accept.join('/')}): ${answer.text.slice(0, 160)}`];
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;

/** Builds a JWT by hand, so the suite can forge anything: any header, any claims, any key. */
function forgeToken(claims: Record<string, unknown>, options: { secret?: string; header?: Record<string, unknown> } = {}): string {
  const header = options.header ?? { alg: 'HS256', typ: 'JWT' };
  const unsigned = `${encode(header)}.${encode(claims)}`;
  const signature = header['alg'] === 'none' ? '' : createHmac('sha256', options.secret ?? JWT_SECRET).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/** The claims Melvin's auth service would issue for `user`, valid for five minutes. */
function claimsFor(user: { id: string; username: string; sv: number }, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { sub: user.id, username: user.username, role: 'user', sv: user.sv, iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: now, exp: now + 300, ...overrides };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// ---------------------------------------------------------------------------------------------

describe('identity security: the gateway and auth under hostile input', () => {
  let stack: MelvinStack;
  let api: ApiClient;
  let adminToken: string;
  /** An ordinary approved user, the attacker in most tests. */
  let mallory: { id: string; username: string; accessToken: string; refreshToken: string; sv: number };
  /** Another ordinary user: the victim whose data must stay out of mallory's reach. */
  let victim: { id: string; username: string; accessToken: string };

  beforeAll(async () => {
    stack = new MelvinStack(undefined, {
      name: 'identity_security',
      backends: ['auth'],
      // Generous limits so throttling and lockouts never mask what is under test; real bcrypt work.
      env: {
        JWT_SECRET,
        BCRYPT_COST: '10',
        AUTH_RATE_LIMIT_MAX: '1000',
        RATE_LIMIT_MAX: '5000',
        LOGIN_MAX_FAILURES: '1000',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
      },
    });
    await stack.start();
    api = new ApiClient(stack.gatewayUrl);
    adminToken = await stack.signIn();
    const session = await api.activeUser('mallory', PASSWORD, adminToken);
    mallory = { ...session, username: 'mallory', sv: decode(session.accessToken.split('.')[1])['sv'] as number };
    victim = { ...(await api.activeUser('victim', OTHER_PASSWORD, adminToken)), username: 'victim' };
  }, 150_000);

  afterAll(() => stack?.cleanUp());

  /** Files an account request and returns its id (the future user's id). */
  async function requestAccount(username: string): Promise<string> {
    const requested = await api.post('/api/auth/requests', { username, password: PASSWORD });
    if (requested.status !== 202) throw new Error(`request ${username}: ${requested.status} ${JSON.stringify(requested.body)}`);
    const pending = await api.get<UserView[]>('/api/admin/requests', adminToken);
    const found = pending.body.find((user) => user.username === username);
    if (!found) throw new Error(`${username} is not pending`);
    return found.id;
  }

  async function listUsers(q?: string): Promise<UserView[]> {
    const answer = await api.get<UserView[]>(`/api/admin/users${q !== undefined ? `?q=${encodeURIComponent(q)}` : ''}`, adminToken);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  // -------------------------------------------------------------------------------------------
  describe('SQL injection into every input', () => {
    /** Per endpoint and field: how to place the payload, and the statuses a correct app may answer. */
    interface InjectionTarget {
      name: string;
      accept: number[];
      probe: (payload: string, index: number) => Probe | Promise<Probe>;
      /** Extra checks on an expected answer: the right code, or the payload treated as plain data. */
      check?: (answer: RawAnswer, payload: string) => string[];
    }

    const body = (answer: RawAnswer) => answer.json ?? {};
    let resetToken: string;
    let changer: { accessToken: string };

    beforeAll(async () => {
      // A reset token that stays valid (a refused new password does not consume it).
      const { id } = await api.activeUser('reset_target', PASSWORD, adminToken);
      const issued = await api.post<{ resetToken: string }>(`/api/admin/users/${id}/reset-password`, { method: 'token' }, adminToken);
      resetToken = issued.body.resetToken;
      // Its own user, so a surprising password change could not end mallory's session.
      changer = await api.activeUser('pw_changer', PASSWORD, adminToken);
    });

    const idRoutes: Array<[string, string, unknown]> = [
      ['POST', '/api/admin/requests/:id/approve', {}],
      ['POST', '/api/admin/requests/:id/deny', { reason: 'x' }],
      ['PATCH', '/api/admin/users/:id', { disabled: true }],
      ['POST', '/api/admin/users/:id/revoke-sessions', {}],
      ['POST', '/api/admin/users/:id/reset-password', { method: 'temporary-password' }],
    ];

    const targets: InjectionTarget[] = [
      { name: 'account request: username', accept: [400], probe: (p) => ({ method: 'POST', path: '/api/auth/requests', body: { username: p, password: PASSWORD } }) },
      {
        name: 'account request: password',
        accept: [400],
        probe: (p, i) => ({ method: 'POST', path: '/api/auth/requests', body: { username: `sqli_pw_${i}`, password: p } }),
      },
      {
        name: 'account request: note (stored verbatim)',
        accept: [202],
        probe: (p, i) => ({ method: 'POST', path: '/api/auth/requests', body: { username: `sqli_note_${i}`, password: PASSWORD, note: p } }),
      },
      {
        name: 'login: username',
        accept: [401],
        probe: (p) => ({ method: 'POST', path: '/api/auth/login', body: { username: p, password: ADMIN.password } }),
        check: (answer) => (body(answer)['code'] === 'INVALID_CREDENTIALS' ? [] : [`code ${String(body(answer)['code'])}`]),
      },
      {
        name: 'login: password',
        accept: [401],
        probe: (p) => ({ method: 'POST', path: '/api/auth/login', body: { username: ADMIN.username, password: p } }),
        check: (answer) => (body(answer)['code'] === 'INVALID_CREDENTIALS' ? [] : [`code ${String(body(answer)['code'])}`]),
      },
      { name: 'refresh: refreshToken', accept: [401], probe: (p) => ({ method: 'POST', path: '/api/auth/refresh', body: { refreshToken: p } }) },
      // Logout ignores unknown tokens by design (idempotent), so 204 is the right answer.
      { name: 'logout: refreshToken', accept: [204], probe: (p) => ({ method: 'POST', path: '/api/auth/logout', body: { refreshToken: p } }) },
      {
        name: 'password reset: token',
        accept: [400],
        probe: (p) => ({ method: 'POST', path: '/api/auth/password-reset', body: { token: p, newPassword: PASSWORD } }),
        check: (answer) => (body(answer)['code'] === 'RESET_TOKEN_INVALID' ? [] : [`code ${String(body(answer)['code'])}`]),
      },
      {
        name: 'password reset: newPassword',
        accept: [400],
        probe: (p) => ({ method: 'POST', path: '/api/auth/password-reset', body: { token: resetToken, newPassword: p } }),
      },
      {
        name: 'me/password: currentPassword',
        accept: [401],
        probe: (p) => ({ method: 'POST', path: '/api/me/password', token: changer.accessToken, body: { currentPassword: p, newPassword: OTHER_PASSWORD } }),
      },
      {
        name: 'me/password: newPassword',
        accept: [400],
        probe: (p) => ({ method: 'POST', path: '/api/me/password', token: changer.accessToken, body: { currentPassword: PASSWORD, newPassword: p } }),
      },
      {
        name: 'admin deny: reason (stored verbatim)',
        accept: [200],
        probe: async (p, i) => ({
          method: 'POST',
          path: `/api/admin/requests/${await requestAccount(`sqli_deny_${i}`)}/deny`,
          token: adminToken,
          body: { reason: p },
        }),
        check: (answer, p) => (body(answer)['decisionReason'] === p ? [] : [`stored reason ${JSON.stringify(body(answer)['decisionReason'])}`]),
      },
      {
        name: 'admin users: ?q= (matched literally)',
        accept: [200],
        probe: (p) => ({ method: 'GET', path: `/api/admin/users?q=${encodeURIComponent(p)}`, token: adminToken }),
        check: (answer, p) => {
          const stray = (answer.json as unknown as UserView[]).filter((user) => !user.username.toLowerCase().includes(p.trim().toLowerCase()));
          return stray.length ? [`matched ${stray.map((user) => user.username).join(', ')}`] : [];
        },
      },
      ...(['action', 'actor', 'target'] as const).map(
        (field): InjectionTarget => ({
          name: `admin audit: ?${field}= (matched exactly)`,
          accept: [200],
          probe: (p) => ({ method: 'GET', path: `/api/admin/audit?${field}=${encodeURIComponent(p)}`, token: adminToken }),
          check: (answer, p) => {
            const stray = (answer.json as unknown as AuditPage).items.filter((item) => item[field] !== p);
            return stray.length ? [`${stray.length} rows whose ${field} is not the filter`] : [];
          },
        }),
      ),
      // An unreadable cursor may be ignored or refused, but never break the query.
      {
        name: 'admin audit: ?cursor=',
        accept: [200, 400],
        probe: (p) => ({ method: 'GET', path: `/api/admin/audit?cursor=${encodeURIComponent(p)}`, token: adminToken }),
      },
      ...idRoutes.map(
        ([method, route, payloadBody]): InjectionTarget => ({
          name: `${method} ${route}`,
          accept: [400],
          probe: (p) => ({ method, path: route.replace(':id', encodeURIComponent(p)), token: adminToken, body: payloadBody }),
        }),
      ),
    ];

    it.each(targets.map((target) => [target.name, target] as const))('%s', async (_name, target) => {
      const problems: string[] = [];
      for (const [index, payload] of SQL_INJECTION.entries()) {
        const answer = await send(stack.gatewayUrl, await target.probe(payload, index));
        const wrong = problemsWith(answer, payload, target.accept);
        const found = wrong.length ? wrong : (target.check?.(answer, payload) ?? []);
        problems.push(...found.map((problem) => `${JSON.stringify(payload)} → ${problem}`));
      }
      expect(problems).toEqual([]);
    });

    it('keeps injected notes as plain text for the admin to read', async () => {
      const pending = await api.get<UserView[]>('/api/admin/requests', adminToken);
      const notes = SQL_INJECTION.map((_payload, index) => pending.body.find((user) => user.username === `sqli_note_${index}`)?.note);
      expect(notes).toEqual(SQL_INJECTION);
    });

    /**
     * Values shaped like Melvin's own tokens (`<36 chars of [0-9a-f-]>.<secret>`) whose id part is
     * not a UUID, and a cursor that decodes to such an id: they pass the app's format checks and
     * would reach PostgreSQL, which rejects a malformed uuid: they must be refused before that.
     */
    it('refuses token-shaped values whose id is not a UUID without a 5xx', async () => {
      const notUuid = '-'.repeat(36);
      const secret = 'A'.repeat(43);
      const lookalike = `${notUuid}.${secret}`;
      const cursor = Buffer.from(`2020-01-01T00:00:00.000Z|${notUuid}`).toString('base64url');
      const probes: Array<[string, Probe, number[]]> = [
        ['refresh', { method: 'POST', path: '/api/auth/refresh', body: { refreshToken: lookalike } }, [401]],
        ['logout', { method: 'POST', path: '/api/auth/logout', body: { refreshToken: lookalike } }, [204]],
        ['password reset', { method: 'POST', path: '/api/auth/password-reset', body: { token: lookalike, newPassword: PASSWORD } }, [400]],
        ['audit cursor', { method: 'GET', path: `/api/admin/audit?cursor=${cursor}`, token: adminToken }, [200, 400]],
      ];
      const problems: string[] = [];
      for (const [name, probe, accept] of probes) {
        const answer = await send(stack.gatewayUrl, probe);
        problems.push(...problemsWith(answer, lookalike, accept).map((problem) => `${name} → ${problem}`));
      }
      expect(problems).toEqual([]);
    });

    it('leaves every table intact: the admin signs in, refreshes, lists users and reads the audit', async () => {
      const login = await api.post<{ accessToken: string; refreshToken: string }>('/api/auth/login', ADMIN);
      expect(login.status).toBe(200);
      const refreshed = await api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
      expect(refreshed.status).toBe(200);
      const usernames = (await listUsers()).map((user) => user.username);
      expect(usernames).toEqual(expect.arrayContaining([ADMIN.username, 'mallory', 'victim', 'sqli_note_0']));
      const audit = await api.get<AuditPage>('/api/admin/audit?limit=5', login.body.accessToken);
      expect([audit.status, audit.body.items.length]).toEqual([200, 5]);
    });

    it('matches LIKE wildcards literally: ?q=% finds no one, not everyone', async () => {
      expect(await listUsers('%')).toEqual([]);
      expect(await listUsers('\\')).toEqual([]);
      // `_` is a legal username character: only names that really contain one come back.
      const underscored = (await listUsers('_')).map((user) => user.username);
      expect(underscored).toContain(ADMIN.username);
      expect(underscored).not.toContain('mallory');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('oversized and malformed input', () => {
    const huge = 'A'.repeat(100 * KB);

    it.each([
      ['account request: username', '/api/auth/requests', { username: huge, password: PASSWORD }],
      ['account request: password', '/api/auth/requests', { username: 'big_pw', password: huge }],
      ['account request: note', '/api/auth/requests', { username: 'big_note', password: PASSWORD, note: huge }],
      ['login: username', '/api/auth/login', { username: huge, password: PASSWORD }],
      ['login: password', '/api/auth/login', { username: 'mallory', password: huge }],
      ['refresh: refreshToken', '/api/auth/refresh', { refreshToken: huge }],
      ['password reset: token', '/api/auth/password-reset', { token: huge, newPassword: PASSWORD }],
    ])('refuses a 100 KB %s with 400 VALIDATION_FAILED', async (_name, path, payload) => {
      const answer = await send(stack.gatewayUrl, { method: 'POST', path, body: payload });
      expect([answer.status, answer.json?.['code']]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('refuses a 100 KB deny reason and a 100 KB new password with 400 VALIDATION_FAILED', async () => {
      const id = await requestAccount('big_reason');
      const deny = await send(stack.gatewayUrl, { method: 'POST', path: `/api/admin/requests/${id}/deny`, token: adminToken, body: { reason: huge } });
      const change = await send(stack.gatewayUrl, {
        method: 'POST',
        path: '/api/me/password',
        token: mallory.accessToken,
        body: { currentPassword: PASSWORD, newPassword: huge },
      });
      expect([deny.status, deny.json?.['code'], change.status, change.json?.['code']]).toEqual([400, 'VALIDATION_FAILED', 400, 'VALIDATION_FAILED']);
      // The refused decision changed nothing.
      expect((await api.get<UserView[]>('/api/admin/requests', adminToken)).body.map((user) => user.id)).toContain(id);
    });

    // body-parser's error is not a Nest HttpException: the filter must still keep its 413.
    it('refuses a JSON body over 256 KB with 413 PAYLOAD_TOO_LARGE', async () => {
      const answer = await send(stack.gatewayUrl, {
        method: 'POST',
        path: '/api/auth/login',
        body: JSON.stringify({ username: 'mallory', password: PASSWORD, padding: 'x'.repeat(300 * KB) }),
      });
      expect([answer.status, answer.json]).toEqual([413, { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) }]);
    });

    // A broken body is the client's fault: a 400 in the usual shape, never a 500.
    it('refuses a body that is not valid JSON with 400, not 500', async () => {
      const answer = await send(stack.gatewayUrl, { method: 'POST', path: '/api/auth/login', body: `{"username": "mallory", "password": ` });
      expect([answer.status, answer.json]).toEqual([400, { code: expect.any(String), message: expect.any(String) }]);
    });

    it('refuses an audit page of 100000 rows with 400', async () => {
      const answer = await api.get('/api/admin/audit?limit=100000', adminToken);
      expect([answer.status, answer.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('a normal user against admin endpoints', () => {
    it('gets 403 FORBIDDEN from every admin endpoint, and nothing changes', async () => {
      const pendingId = await requestAccount('waiting_room');
      const adminRoutes: Probe[] = [
        { method: 'GET', path: '/api/admin/requests' },
        { method: 'POST', path: `/api/admin/requests/${pendingId}/approve`, body: {} },
        { method: 'POST', path: `/api/admin/requests/${pendingId}/deny`, body: { reason: 'mine now' } },
        { method: 'GET', path: '/api/admin/users' },
        { method: 'GET', path: '/api/admin/users?q=victim' },
        { method: 'PATCH', path: `/api/admin/users/${mallory.id}`, body: { role: 'admin' } },
        { method: 'PATCH', path: `/api/admin/users/${victim.id}`, body: { disabled: true } },
        { method: 'POST', path: `/api/admin/users/${victim.id}/revoke-sessions`, body: {} },
        { method: 'POST', path: `/api/admin/users/${victim.id}/reset-password`, body: { method: 'temporary-password' } },
        { method: 'GET', path: '/api/admin/audit' },
        { method: 'POST', path: '/api/ingestion/jobs', body: { kind: 'scan-sources' } },
        { method: 'GET', path: '/api/ingestion/jobs/1' },
      ];
      const answers = [];
      for (const route of adminRoutes) {
        const answer = await send(stack.gatewayUrl, { ...route, token: mallory.accessToken });
        answers.push(`${route.method} ${route.path} → ${answer.status} ${String(answer.json?.['code'])}`);
      }
      expect(answers).toEqual(adminRoutes.map((route) => `${route.method} ${route.path} → 403 FORBIDDEN`));

      // The request is still pending, mallory is still a user, the victim's session and password still work.
      const pending = await api.get<UserView[]>('/api/admin/requests', adminToken);
      expect(pending.body.find((user) => user.id === pendingId)?.status).toBe('pending');
      const me = await api.get<UserView>('/api/me', mallory.accessToken);
      expect([me.status, me.body.role]).toEqual([200, 'user']);
      const victimMe = await api.get<UserView>('/api/me', victim.accessToken);
      expect([victimMe.status, victimMe.body.status]).toEqual([200, 'active']);
      expect((await api.post('/api/auth/login', { username: 'victim', password: OTHER_PASSWORD })).status).toBe(200);
      // And the audit trail holds no admin action by mallory (her own request and sign-ins are fine).
      const adminActions = ['account.approved', 'account.denied', 'account.role_changed', 'account.disabled', 'account.enabled', 'sessions.revoked', 'password.reset_issued'];
      const byMallory = await api.get<AuditPage>('/api/admin/audit?actor=mallory&limit=200', adminToken);
      expect(byMallory.body.items.map((item) => item.action).filter((action) => adminActions.includes(action))).toEqual([]);
    });

    it('sees only their own profile at /api/me', async () => {
      const mine = await api.get<UserView>('/api/me', mallory.accessToken);
      const theirs = await api.get<UserView>('/api/me', victim.accessToken);
      expect([mine.body.id, mine.body.username]).toEqual([mallory.id, 'mallory']);
      expect([theirs.body.id, theirs.body.username]).toEqual([victim.id, 'victim']);
      // A victim's id in the query changes nothing: the token alone says who is asking.
      const nudged = await send(stack.gatewayUrl, { method: 'GET', path: `/api/me?id=${victim.id}`, token: mallory.accessToken });
      expect(nudged.json?.['id']).not.toBe(victim.id);
    });

    it("cannot change another user's password through /api/me/password", async () => {
      // The victim's own password, presented with mallory's token: checked against mallory's account.
      const answer = await api.post('/api/me/password', { currentPassword: OTHER_PASSWORD, newPassword: 'Stolen-Acc0unt!' }, mallory.accessToken);
      expect([answer.status, answer.body['code']]).toEqual([401, 'INVALID_CREDENTIALS']);
      expect((await api.post('/api/auth/login', { username: 'victim', password: OTHER_PASSWORD })).status).toBe(200);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('access tokens', () => {
    const profile = (token?: string) => api.get('/api/me', token);
    const adminList = (token: string) => api.get('/api/admin/users', token);

    it('answers 401 UNAUTHENTICATED with no token, or with a token that is not a JWT', async () => {
      const answers = await Promise.all([profile(), profile('garbage'), profile('a.b.c'), api.get('/api/me', undefined, { authorization: 'Basic YTpi' })]);
      expect(answers.map((answer) => [answer.status, answer.body['code']])).toEqual(answers.map(() => [401, 'UNAUTHENTICATED']));
    });

    it('refuses a real token whose payload was edited (role → admin, or one character changed)', async () => {
      const [header, payload, signature] = mallory.accessToken.split('.');
      const promoted = `${header}.${encode({ ...decode(payload), role: 'admin' })}.${signature}`;
      // A character in the middle of the segment: every bit of it counts (unlike the last one).
      const middle = Math.floor(payload.length / 2);
      const flipped = `${header}.${payload.slice(0, middle)}${payload[middle] === 'A' ? 'B' : 'A'}${payload.slice(middle + 1)}.${signature}`;
      for (const token of [promoted, flipped]) {
        const answers = [await adminList(token), await profile(token)];
        expect(answers.map((answer) => [answer.status, answer.body['code']])).toEqual([
          [401, 'UNAUTHENTICATED'],
          [401, 'UNAUTHENTICATED'],
        ]);
      }
    });

    it.each([
      ['signed with another secret', () => forgeToken(claimsFor(mallory, { role: 'admin' }), { secret: 'some-other-secret-that-is-also-long-enough-1' })],
      ['with alg none and no signature', () => forgeToken(claimsFor(mallory, { role: 'admin' }), { header: { alg: 'none', typ: 'JWT' } })],
      ['with alg HS512 (not allowed)', () => {
        const unsigned = `${encode({ alg: 'HS512', typ: 'JWT' })}.${encode(claimsFor(mallory, { role: 'admin' }))}`;
        return `${unsigned}.${createHmac('sha512', JWT_SECRET).update(unsigned).digest('base64url')}`;
      }],
      ['expired a minute ago', () => forgeToken(claimsFor(mallory, { exp: Math.floor(Date.now() / 1000) - 60 }))],
      ['from another issuer', () => forgeToken(claimsFor(mallory, { iss: 'someone-else' }))],
      ['for another audience', () => forgeToken(claimsFor(mallory, { aud: 'another-api' }))],
      ['without an issuer or audience', () => forgeToken(claimsFor(mallory, { iss: undefined, aud: undefined }))],
      ['with an unknown role', () => forgeToken(claimsFor(mallory, { role: 'superuser' }))],
      ['with a subject that is not a UUID', () => forgeToken(claimsFor(mallory, { sub: `' OR '1'='1` }))],
    ])('refuses a token %s with 401', async (_name, token) => {
      const forged = token();
      const answers = [await profile(forged), await adminList(forged)];
      expect(answers.map((answer) => [answer.status, answer.body['code']])).toEqual([
        [401, 'UNAUTHENTICATED'],
        [401, 'UNAUTHENTICATED'],
      ]);
    });

    it('trusts only the secret: a correctly signed admin claim for a real user with the right sv works', async () => {
      const forged = forgeToken(claimsFor(mallory, { role: 'admin' }));
      const answer = await api.get<UserView[]>('/api/admin/users', forged);
      expect(answer.status).toBe(200);
      expect(answer.body.map((user) => user.username)).toContain('mallory');
    });

    it('ends the session of a correctly signed token with a stale sv, or for a user who does not exist (401 SESSION_ENDED)', async () => {
      const stale = forgeToken(claimsFor(mallory, { role: 'admin', sv: mallory.sv + 1 }));
      const ghost = forgeToken(claimsFor({ id: randomUUID(), username: 'ghost', sv: 0 }, { role: 'admin' }));
      for (const token of [stale, ghost]) {
        const answer = await adminList(token);
        expect([answer.status, answer.body['code']]).toEqual([401, 'SESSION_ENDED']);
      }
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('username enumeration', () => {
    it('answers a wrong password and an unknown username alike, in similar time', async () => {
      await api.activeUser('timing_probe', PASSWORD, adminToken);
      const unknown = `nobody_${randomUUID().slice(0, 8)}`;
      const attempt = (username: string) => api.post('/api/auth/login', { username, password: 'Wrong-Passw0rd!' });
      // Warm both paths (connection pools, JIT) before measuring.
      await attempt('timing_probe');
      await attempt(unknown);

      const existing: number[] = [];
      const missing: number[] = [];
      const bodies = new Set<string>();
      for (let round = 0; round < 15; round += 1) {
        // Alternate which goes first so drift over the run affects both alike.
        const order = round % 2 ? ([[unknown, missing], ['timing_probe', existing]] as const) : ([['timing_probe', existing], [unknown, missing]] as const);
        for (const [username, samples] of order) {
          const answer = await attempt(username);
          expect(answer.status).toBe(401);
          bodies.add(JSON.stringify(answer.body));
          samples.push(answer.elapsedMs);
        }
      }
      const [existingMs, missingMs] = [median(existing), median(missing)];
      console.log(`failed login medians over 15 tries each: existing user ${existingMs.toFixed(1)} ms, unknown user ${missingMs.toFixed(1)} ms`);
      expect([...bodies].map((text) => JSON.parse(text))).toEqual([{ code: 'INVALID_CREDENTIALS', message: expect.any(String) }]);
      expect(Math.max(existingMs, missingMs) / Math.min(existingMs, missingMs)).toBeLessThanOrEqual(2);
    });

    it('reveals a pending or denied account only to someone who knows its password', async () => {
      await requestAccount('pending_probe');
      const deniedId = await requestAccount('denied_probe');
      await api.post(`/api/admin/requests/${deniedId}/deny`, { reason: 'no' }, adminToken);
      const unknown = await api.post('/api/auth/login', { username: 'nobody_at_all', password: 'Wrong-Passw0rd!' });
      for (const [username, state] of [['pending_probe', 'ACCOUNT_PENDING'], ['denied_probe', 'ACCOUNT_DENIED']]) {
        const wrong = await api.post('/api/auth/login', { username, password: 'Wrong-Passw0rd!' });
        expect([wrong.status, wrong.body]).toEqual([401, unknown.body]);
        const right = await api.post('/api/auth/login', { username, password: PASSWORD });
        expect([right.status, right.body['code']]).toEqual([403, state]);
      }
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('password hashes', () => {
    it('never appear in any identity response', async () => {
      const login = await api.post<{ accessToken: string; refreshToken: string }>('/api/auth/login', { username: 'mallory', password: PASSWORD });
      const adminLogin = await api.post<{ accessToken: string }>('/api/auth/login', ADMIN);
      const refreshed = await api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
      const approvedId = await requestAccount('hash_probe');
      const answers = {
        login,
        adminLogin,
        refreshed,
        me: await api.get('/api/me', login.body.accessToken),
        adminMe: await api.get('/api/me', adminLogin.body.accessToken),
        users: await api.get('/api/admin/users', adminToken),
        search: await api.get('/api/admin/users?q=mallory', adminToken),
        requests: await api.get('/api/admin/requests', adminToken),
        approve: await api.post(`/api/admin/requests/${approvedId}/approve`, {}, adminToken),
        update: await api.patch(`/api/admin/users/${approvedId}`, { role: 'user' }, adminToken),
        audit: await api.get('/api/admin/audit?limit=200', adminToken),
      };
      for (const [name, answer] of Object.entries(answers)) {
        expect([name, answer.status < 300]).toEqual([name, true]);
        expect([name, JSON.stringify(answer.body)]).toEqual([name, expect.not.stringMatching(HASH_LEAK)]);
      }
    });
  });
});
