import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { loadConfig } from '@melvin/shared/config';
import { MetricsService, requestLoggingMiddleware } from '@melvin/shared/observability';
import { deleteTestRedisKeys, silentLogger, testEnvironment, testRedisPrefix } from '@melvin/shared/testing';
import { AppModule } from '../src/app/app.module';
import { configureGatewayHttp } from '../src/app/http/configure-http';
import { gatewayEnvSchema } from '../src/config/env.schema';

function writeBundle(title: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'melvin-bundle-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${title}</title>`);
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("melvin")');
  return dir;
}

/** The gateway alone, on real Redis, with no backend service running. */
describe('gateway HTTP edge', () => {
  const prefix = testRedisPrefix('gateway_edge');
  let app: NestExpressApplication;

  beforeAll(async () => {
    const config = loadConfig('gateway', gatewayEnvSchema, {
      REDIS_URL: testEnvironment().MELVIN_TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      RPC_TIMEOUT_MS: '500',
      RATE_LIMIT_MAX: '25',
      AUTH_RATE_LIMIT_MAX: '3',
      JWT_SECRET: 'an-edge-test-secret-that-is-long-enough',
      WEB_DIST_DIR: writeBundle('Melvin web'),
      ADMIN_DIST_DIR: writeBundle('Melvin admin'),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config, silentLogger('gateway'))],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    // As bootstrapService does for every service.
    app.use(requestLoggingMiddleware(silentLogger('gateway'), app.get(MetricsService)));
    configureGatewayHttp(app, config);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await deleteTestRedisKeys(prefix);
  });

  it('rejects unknown fields and bad values with a 400 naming each field', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: 42, password: 'x', admin: true })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['admin', 'username']);
    expect(response.body.message).toMatch(/property admin should not exist/);
  });

  it('refuses API calls without a valid token before doing anything', async () => {
    const response = await request(app.getHttpServer()).post('/api/ingestion/jobs').send({ kind: 'scan-sources' }).expect(401);
    expect(response.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Sign in to do this' });
  });

  it('reports services that do not answer as unreachable, with 503', async () => {
    const response = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(response.body.status).toBe('unreachable');
    const byService = Object.fromEntries(response.body.services.map((s: { service: string; status: string }) => [s.service, s.status]));
    expect(byService).toEqual({ gateway: 'up', auth: 'unreachable', chat: 'unreachable', 'loop-analysis': 'unreachable', 'ingestion-worker': 'unreachable' });
  });

  it('echoes a valid X-Request-Id and replaces a malformed one', async () => {
    const kept = await request(app.getHttpServer()).get('/health/live').set('X-Request-Id', 'trace-42').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-42');
    const replaced = await request(app.getHttpServer()).get('/health/live').set('X-Request-Id', 'bad id <script>').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and publishes its OpenAPI document', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/ingestion/jobs', '/api/ingestion/jobs/{id}']));
  });

  it('serves the web app at / and the admin console at /admin, with SPA fallback', async () => {
    const server = app.getHttpServer();
    expect((await request(server).get('/').set('Accept', 'text/html').expect(200)).text).toContain('Melvin web');
    expect((await request(server).get('/conversations/42').set('Accept', 'text/html').expect(200)).text).toContain('Melvin web');
    expect((await request(server).get('/admin/users').set('Accept', 'text/html').expect(200)).text).toContain('Melvin admin');
    const asset = await request(server).get('/admin/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const unknownApi = await request(server).get('/api/nothing-here').set('Accept', 'text/html').expect(404);
    expect(unknownApi.body.code).toBe('NOT_FOUND');
  });

  it('holds sign-in attempts to the stricter per-address limit', async () => {
    const server = app.getHttpServer();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await request(server).post('/api/auth/login').send({ username: 'x', password: 'y' })).status);
    expect(statuses[statuses.length - 1]).toBe(429);
    // The general limit is far from reached: other routes still answer normally.
    await request(server).get('/api/me').expect(401);
  });

  it('rate-limits the API with a clear 429 but never the probes', async () => {
    const server = app.getHttpServer();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await request(server).get('/api/me')).status);
    expect(statuses).toContain(429);
    const limited = await request(server).get('/api/me').expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    await request(server).get('/health/live').expect(200);
    await request(server).get('/metrics').expect(200);
  });
});
