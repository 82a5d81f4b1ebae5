import { describe, expect, it } from 'vitest';
import { FakeGateway, MemoryStorage, sessionFor } from '../../testing/fake-gateway';
import { ApiRequestError, REFRESH_TOKEN_KEY } from './admin-api';

describe('AdminApi', () => {
  it('sends the access token, and on a 401 refreshes once and retries with the new one', async () => {
    const gateway = new FakeGateway()
      .on('POST /api/auth/login', { body: sessionFor('admin', '1') })
      .on('GET /api/ingestion/runs?limit=50', { status: 401, body: { code: 'UNAUTHENTICATED', message: 'expired' } }, { body: [] })
      .on('POST /api/auth/refresh', { body: sessionFor('admin', '2') });
    const storage = new MemoryStorage();
    const api = gateway.api(storage);
    await api.signIn('operator', 'secret');

    await expect(api.get('/api/ingestion/runs?limit=50')).resolves.toEqual([]);

    expect(gateway.callsTo('GET /api/ingestion/runs?limit=50').map((call) => call.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(gateway.callsTo('POST /api/auth/refresh').map((call) => call.body)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('shares one refresh between concurrent 401s, since a reused refresh token revokes the session', async () => {
    const gateway = new FakeGateway()
      .on('POST /api/auth/login', { body: sessionFor('admin', '1') })
      .on('GET /a', ({ authorization }) => (authorization === 'Bearer access-1' ? { status: 401, body: { code: 'UNAUTHENTICATED', message: 'x' } } : { body: 'a' }))
      .on('GET /b', ({ authorization }) => (authorization === 'Bearer access-1' ? { status: 401, body: { code: 'UNAUTHENTICATED', message: 'x' } } : { body: 'b' }))
      .on('POST /api/auth/refresh', { body: sessionFor('admin', '2') });
    const api = gateway.api();
    await api.signIn('operator', 'secret');

    await expect(Promise.all([api.get('/a'), api.get('/b')])).resolves.toEqual(['a', 'b']);
    expect(gateway.callsTo('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh token is no longer accepted', async () => {
    const gateway = new FakeGateway()
      .on('POST /api/auth/login', { body: sessionFor('admin') })
      .on('GET /api/knowledge/status', { status: 401, body: { code: 'UNAUTHENTICATED', message: 'expired' } })
      .on('POST /api/auth/refresh', { status: 401, body: { code: 'REFRESH_TOKEN_EXPIRED', message: 'expired' } });
    const storage = new MemoryStorage();
    const api = gateway.api(storage);
    await api.signIn('operator', 'secret');

    await expect(api.get('/api/knowledge/status')).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
    expect(api.session).toBeNull();
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('refuses an account that is not an admin and revokes the session it was given', async () => {
    const gateway = new FakeGateway().on('POST /api/auth/login', { body: sessionFor('user', '7') }).on('POST /api/auth/logout', { status: 204 });
    const api = gateway.api();

    await expect(api.signIn('player', 'secret')).rejects.toThrow(/not an admin/);
    expect(api.session).toBeNull();
    expect(gateway.callsTo('POST /api/auth/logout').map((call) => call.body)).toEqual([{ refreshToken: 'refresh-7' }]);
  });

  it("passes the gateway's error code and message on, and names the status when the body has none", async () => {
    const gateway = new FakeGateway()
      .on('POST /api/auth/login', { status: 401, body: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' } })
      .on('GET /broken', { status: 502, body: 'Bad gateway' });
    const api = gateway.api();

    const refused = await api.signIn('operator', 'wrong').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiRequestError);
    expect(refused).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    await expect(api.get('/broken')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: 'GET /broken failed with HTTP 502.' });
  });

  it('picks the session up again after a reload from the stored refresh token', async () => {
    const storage = new MemoryStorage();
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-old');
    const gateway = new FakeGateway().on('POST /api/auth/refresh', { body: sessionFor('admin', 'new') });
    const api = gateway.api(storage);

    expect(api.canRestore).toBe(true);
    await expect(api.restore()).resolves.toMatchObject({ accessToken: 'access-new' });
    expect(gateway.calls[0].body).toEqual({ refreshToken: 'refresh-old' });
  });
});
