import { Client } from 'pg';
import type { AuditEventView, AuditPage, UserView } from '@melvin/shared/contracts';
import { ApiClient } from './support/api-client';
import { ADMIN, MelvinStack } from './support/melvin-stack';

const PASSWORD = 'Mana-Fl00d-9!';
const LOCK_MS = 1_500;

/** The account lifecycle through the gateway, with auth and the CLI as real processes. */
describe('accounts: request → approval → sessions → audit', () => {
  let stack: MelvinStack;
  let api: ApiClient;
  let adminToken: string;

  beforeAll(async () => {
    stack = new MelvinStack(undefined, {
      name: 'identity_lifecycle',
      backends: ['auth'],
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_BASE_MS: String(LOCK_MS), AUTH_RATE_LIMIT_MAX: '1000', RATE_LIMIT_MAX: '5000' },
    });
    await stack.start();
    api = new ApiClient(stack.gatewayUrl);
    adminToken = await stack.signIn();
  }, 150_000);

  afterAll(() => stack?.cleanUp());

  async function auditRows(query: string): Promise<AuditEventView[]> {
    return (await api.get<AuditPage>(`/api/admin/audit?${query}`, adminToken)).body.items;
  }

  async function pendingId(username: string): Promise<string> {
    const pending = await api.get<UserView[]>('/api/admin/requests', adminToken);
    const found = pending.body.find((user) => user.username === username);
    if (!found) throw new Error(`${username} not pending`);
    return found.id;
  }

  describe('requesting an account', () => {
    it('explains which password rule is broken', async () => {
      const answers = await Promise.all(
        ['short1!', 'nouppercase1!', 'NoDigitsHere!', 'NoSymbols123', 'Ajani-Pride-1', 'P@ssw0rd1'].map((password) =>
          api.post('/api/auth/requests', { username: 'ajani', password }),
        ),
      );
      expect(answers.map((answer) => [answer.status, answer.body['code']])).toEqual([
        [400, 'PASSWORD_TOO_SHORT'],
        [400, 'PASSWORD_NEEDS_UPPERCASE'],
        [400, 'PASSWORD_NEEDS_DIGIT'],
        [400, 'PASSWORD_NEEDS_SYMBOL'],
        [400, 'PASSWORD_CONTAINS_USERNAME'],
        [400, 'PASSWORD_TOO_COMMON'],
      ]);
    });

    it('rejects a malformed username and a taken one, whatever its case', async () => {
      expect((await api.post('/api/auth/requests', { username: 'a b', password: PASSWORD })).body['code']).toBe('INVALID_USERNAME');
      expect((await api.post('/api/auth/requests', { username: 'ajani', password: PASSWORD, note: 'judge L1' })).status).toBe(202);
      const again = await api.post('/api/auth/requests', { username: 'AJANI', password: PASSWORD });
      expect([again.status, again.body['code']]).toEqual([409, 'USERNAME_TAKEN']);
    });

    it('keeps the request pending: the right password says so, a wrong one says nothing', async () => {
      const right = await api.post('/api/auth/login', { username: 'ajani', password: PASSWORD });
      expect([right.status, right.body['code']]).toEqual([403, 'ACCOUNT_PENDING']);
      const wrong = await api.post('/api/auth/login', { username: 'ajani', password: 'Wrong-Pass-1!' });
      expect([wrong.status, wrong.body['code']]).toEqual([401, 'INVALID_CREDENTIALS']);
    });

    it('lists pending requests oldest first, with the note', async () => {
      await api.post('/api/auth/requests', { username: 'chandra', password: PASSWORD });
      const pending = (await api.get<UserView[]>('/api/admin/requests', adminToken)).body;
      expect(pending.map((user) => user.username)).toEqual(['ajani', 'chandra']);
      expect(pending[0].note).toBe('judge L1');
    });
  });

  describe('sessions', () => {
    let refreshToken: string;

    it('signs in once approved, and shows the profile', async () => {
      const approved = await api.post<UserView>(`/api/admin/requests/${await pendingId('ajani')}/approve`, {}, adminToken);
      expect(approved.body.status).toBe('active');
      const session = await api.post<{ accessToken: string; refreshToken: string; user: UserView }>('/api/auth/login', {
        username: 'Ajani',
        password: PASSWORD,
      });
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ username: 'ajani', role: 'user', status: 'active' });
      refreshToken = session.body.refreshToken;
      expect((await api.get<UserView>('/api/me', session.body.accessToken)).body.username).toBe('ajani');
    });

    it('rotates refresh tokens, and reuse of an old one ends the whole sign-in', async () => {
      const first = await api.post<{ refreshToken: string; accessToken: string }>('/api/auth/refresh', { refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(refreshToken);
      const reused = await api.post('/api/auth/refresh', { refreshToken });
      expect([reused.status, reused.body['code']]).toEqual([401, 'REFRESH_TOKEN_REUSED']);
      const successor = await api.post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
      expect(successor.status).toBe(401);
      expect((await auditRows('action=session.refresh_reuse&target=ajani')).length).toBe(1);
    });

    it('logs out: the refresh token stops working', async () => {
      const session = await api.post<{ refreshToken: string }>('/api/auth/login', { username: 'ajani', password: PASSWORD });
      expect((await api.post('/api/auth/logout', { refreshToken: session.body.refreshToken })).status).toBe(204);
      const after = await api.post('/api/auth/refresh', { refreshToken: session.body.refreshToken });
      expect([after.status, after.body['code']]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    });

    it('changes the password with the current one, ending every other session', async () => {
      const other = await api.post<{ accessToken: string; refreshToken: string }>('/api/auth/login', { username: 'ajani', password: PASSWORD });
      const wrong = await api.post('/api/me/password', { currentPassword: 'Not-It-123!', newPassword: 'Brand-New-P4ss!' }, other.body.accessToken);
      expect([wrong.status, wrong.body['code']]).toEqual([401, 'INVALID_CREDENTIALS']);
      const changed = await api.post<{ accessToken: string }>('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Brand-New-P4ss!' }, other.body.accessToken);
      expect(changed.status).toBe(200);
      expect((await api.get('/api/me', other.body.accessToken)).body['code']).toBe('SESSION_ENDED');
      expect((await api.post('/api/auth/refresh', { refreshToken: other.body.refreshToken })).status).toBe(401);
      expect((await api.get('/api/me', changed.body.accessToken)).status).toBe(200);
      expect((await api.post('/api/auth/login', { username: 'ajani', password: PASSWORD })).status).toBe(401);
      await api.post('/api/me/password', { currentPassword: 'Brand-New-P4ss!', newPassword: PASSWORD }, changed.body.accessToken);
    });
  });

  it('denies a request with a reason the requester then sees as a refusal', async () => {
    const denied = await api.post<UserView>(`/api/admin/requests/${await pendingId('chandra')}/deny`, { reason: 'not in our playgroup' }, adminToken);
    expect(denied.body).toMatchObject({ status: 'denied', decisionReason: 'not in our playgroup' });
    const login = await api.post('/api/auth/login', { username: 'chandra', password: PASSWORD });
    expect([login.status, login.body['code']]).toEqual([403, 'ACCOUNT_DENIED']);
    const again = await api.post(`/api/admin/requests/${denied.body.id}/approve`, {}, adminToken);
    expect([again.status, again.body['code']]).toEqual([409, 'NOT_PENDING']);
    const [row] = await auditRows('action=account.denied&target=chandra');
    expect(row).toMatchObject({ actor: ADMIN.username, detail: { reason: 'not in our playgroup' } });
  });

  describe('lockout', () => {
    it('locks an account after repeated failures, audits it, and unlocks after the lock expires', async () => {
      // A successful sign-in clears earlier failures.
      expect((await api.post('/api/auth/login', { username: 'ajani', password: PASSWORD })).status).toBe(200);
      for (let i = 0; i < 3; i += 1) expect((await api.post('/api/auth/login', { username: 'ajani', password: `Nope-${i}-Nope!` })).status).toBe(401);
      const locked = await api.post('/api/auth/login', { username: 'ajani', password: PASSWORD });
      expect([locked.status, locked.body['code']]).toEqual([403, 'ACCOUNT_LOCKED']);
      expect((await auditRows('action=login.locked_out&target=ajani')).length).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, LOCK_MS + 300));
      expect((await api.post('/api/auth/login', { username: 'ajani', password: PASSWORD })).status).toBe(200);
    });

    it('locks unknown usernames the same way, so a lock reveals nothing', async () => {
      for (let i = 0; i < 3; i += 1) await api.post('/api/auth/login', { username: 'nobody_here', password: `Nope-${i}-Nope!` });
      const locked = await api.post('/api/auth/login', { username: 'nobody_here', password: PASSWORD });
      expect([locked.status, locked.body['code']]).toEqual([403, 'ACCOUNT_LOCKED']);
      const reasons = (await auditRows('action=login.failed&target=nobody_here')).map((row) => row.detail['reason']);
      expect(reasons).toEqual(['locked', 'unknown_user', 'unknown_user', 'unknown_user']);
    });
  });

  describe('admin management', () => {
    let userId: string;

    beforeAll(async () => {
      userId = (await api.activeUser('gideon', PASSWORD, adminToken)).id;
    });

    it('finds users by part of their name', async () => {
      const found = (await api.get<UserView[]>('/api/admin/users?q=GID', adminToken)).body;
      expect(found.map((user) => user.username)).toEqual(['gideon']);
    });

    it('issues a one-time reset token the user redeems for a new password', async () => {
      const issued = await api.post<{ resetToken: string; expiresAt: string }>(`/api/admin/users/${userId}/reset-password`, { method: 'token' }, adminToken);
      expect(issued.body.resetToken).toEqual(expect.any(String));
      const weak = await api.post('/api/auth/password-reset', { token: issued.body.resetToken, newPassword: 'weak' });
      expect(weak.body['code']).toBe('PASSWORD_TOO_SHORT');
      expect((await api.post('/api/auth/password-reset', { token: issued.body.resetToken, newPassword: 'Reset-Done-42!' })).status).toBe(200);
      const reused = await api.post('/api/auth/password-reset', { token: issued.body.resetToken, newPassword: 'Again-Reset-43!' });
      expect([reused.status, reused.body['code']]).toEqual([400, 'RESET_TOKEN_INVALID']);
      expect((await api.post('/api/auth/login', { username: 'gideon', password: 'Reset-Done-42!' })).status).toBe(200);
    });

    it('issues a temporary password that must be changed before anything else', async () => {
      const issued = await api.post<{ temporaryPassword: string }>(`/api/admin/users/${userId}/reset-password`, { method: 'temporary-password' }, adminToken);
      const session = await api.post<{ accessToken: string; user: UserView }>('/api/auth/login', { username: 'gideon', password: issued.body.temporaryPassword });
      expect(session.body.user.mustChangePassword).toBe(true);
      const changed = await api.post<{ accessToken: string; user: UserView }>(
        '/api/me/password',
        { currentPassword: issued.body.temporaryPassword, newPassword: PASSWORD },
        session.body.accessToken,
      );
      expect(changed.body.user.mustChangePassword).toBe(false);
    });

    it('disables an account at once (its token stops working) and enables it again', async () => {
      const { accessToken } = (await api.post<{ accessToken: string }>('/api/auth/login', { username: 'gideon', password: PASSWORD })).body;
      expect((await api.patch<UserView>(`/api/admin/users/${userId}`, { disabled: true }, adminToken)).body.status).toBe('disabled');
      expect((await api.get('/api/me', accessToken)).body['code']).toBe('SESSION_ENDED');
      expect((await api.post('/api/auth/login', { username: 'gideon', password: PASSWORD })).body['code']).toBe('ACCOUNT_DISABLED');
      await api.patch(`/api/admin/users/${userId}`, { disabled: false }, adminToken);
      expect((await api.post('/api/auth/login', { username: 'gideon', password: PASSWORD })).status).toBe(200);
    });

    it('forces a logout everywhere', async () => {
      const { accessToken } = (await api.post<{ accessToken: string }>('/api/auth/login', { username: 'gideon', password: PASSWORD })).body;
      expect((await api.post(`/api/admin/users/${userId}/revoke-sessions`, {}, adminToken)).status).toBe(200);
      expect((await api.get('/api/me', accessToken)).status).toBe(401);
    });

    it('never leaves Melvin without an active admin', async () => {
      const me = (await api.get<UserView>('/api/me', adminToken)).body;
      const demote = await api.patch(`/api/admin/users/${me.id}`, { role: 'user' }, adminToken);
      expect([demote.status, demote.body['code']]).toEqual([409, 'LAST_ADMIN']);
      const disable = await api.patch(`/api/admin/users/${me.id}`, { disabled: true }, adminToken);
      expect([disable.status, disable.body['code']]).toEqual([409, 'LAST_ADMIN']);
      // With a second admin, the first may step down.
      await api.patch(`/api/admin/users/${userId}`, { role: 'admin' }, adminToken);
      expect((await api.patch<UserView>(`/api/admin/users/${me.id}`, { role: 'user' }, adminToken)).body.role).toBe('user');
      const gideon = (await api.post<{ accessToken: string }>('/api/auth/login', { username: 'gideon', password: PASSWORD })).body.accessToken;
      await api.patch(`/api/admin/users/${me.id}`, { role: 'admin' }, gideon);
      adminToken = await stack.signIn();
    });
  });

  describe('operator CLI', () => {
    it('lists, approves and denies requests from a shell, audited as the operator', async () => {
      await api.post('/api/auth/requests', { username: 'nissa', password: PASSWORD, note: 'from the shop' });
      await api.post('/api/auth/requests', { username: 'liliana', password: PASSWORD });
      const pending = await stack.cli(['users', 'pending']);
      expect(pending.output.join('\n')).toMatch(/nissa {2}— from the shop/);
      await stack.cli(['users', 'approve', 'nissa']);
      await stack.cli(['users', 'deny', 'liliana', '--reason', 'spam']);
      expect((await api.post('/api/auth/login', { username: 'nissa', password: PASSWORD })).status).toBe(200);
      expect((await api.post('/api/auth/login', { username: 'liliana', password: PASSWORD })).body['code']).toBe('ACCOUNT_DENIED');
      const [approval] = await auditRows('action=account.approved&target=nissa');
      expect(approval.actor).toMatch(/^cli:/);
    });

    it('resets a password and disables an account from a shell', async () => {
      const reset = await stack.cli(['users', 'reset-password', 'nissa']);
      const temporary = /temporary password for nissa: (\S+)/.exec(reset.output.join('\n'))?.[1];
      expect((await api.post<{ user: UserView }>('/api/auth/login', { username: 'nissa', password: temporary })).body.user.mustChangePassword).toBe(true);
      await stack.cli(['users', 'disable', 'nissa']);
      expect((await api.post('/api/auth/login', { username: 'nissa', password: temporary })).body['code']).toBe('ACCOUNT_DISABLED');
    });

    it('refuses a weak first-admin password', async () => {
      await expect(stack.cli(['admin', 'create', '--username', 'weakling'], { MELVIN_ADMIN_PASSWORD: 'password' })).rejects.toThrow(/PASSWORD_/);
    });
  });

  describe('audit trail', () => {
    it('records who, whom, from where and which request, for each kind of event', async () => {
      await api.post('/api/auth/login', { username: 'ajani', password: PASSWORD }, undefined, { 'x-request-id': 'audit-trace-1', 'user-agent': 'melvin-e2e' });
      const [row] = await auditRows('action=login.succeeded&actor=ajani&limit=1');
      expect(row).toMatchObject({ target: 'ajani', clientAddress: expect.stringMatching(/127\.0\.0\.1/), userAgent: 'melvin-e2e', correlationId: 'audit-trace-1' });
      const actions = new Set((await auditRows('limit=200')).map((event) => event.action));
      for (const action of [
        'account.requested', 'account.approved', 'account.denied', 'account.created', 'account.role_changed', 'account.disabled',
        'account.enabled', 'password.changed', 'password.reset_issued', 'password.reset_completed', 'sessions.revoked',
        'login.succeeded', 'login.failed', 'login.locked_out',
      ]) {
        expect(actions).toContain(action);
      }
    });

    it('pages newest first with a cursor, and filters by time', async () => {
      const first = (await api.get<AuditPage>('/api/admin/audit?limit=5', adminToken)).body;
      const second = (await api.get<AuditPage>(`/api/admin/audit?limit=5&cursor=${first.nextCursor}`, adminToken)).body;
      const times = [...first.items, ...second.items].map((event) => event.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(new Set([...first.items, ...second.items].map((event) => event.id)).size).toBe(10);
      const future = (await api.get<AuditPage>(`/api/admin/audit?from=${new Date(Date.now() + 60_000).toISOString()}`, adminToken)).body;
      expect(future.items).toEqual([]);
    });

    it('cannot be changed or deleted, even with direct database access', async () => {
      const client = new Client({ connectionString: stack.postgresUrl });
      await client.connect();
      try {
        await expect(client.query(`UPDATE audit_events SET actor = 'someone-else'`)).rejects.toThrow(/append-only/);
        await expect(client.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      } finally {
        await client.end();
      }
    });
  });
});
