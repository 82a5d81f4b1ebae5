import type { Browser } from 'playwright-core';
import { freePort, waitFor } from '@melvin/shared/testing';
import type { JobStatus, SystemHealth } from '@melvin/shared/contracts';
import { launchChromium } from './support/browser';
import { BACKEND, MelvinStack, OwnedFerretDb } from './support/melvin-stack';

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

describe('Melvin, all five services as real processes', () => {
  let ferret: OwnedFerretDb;
  let stack: MelvinStack;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ferret = new OwnedFerretDb(await freePort());
    await ferret.start();
    stack = new MelvinStack(ferret);
    await stack.start();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.cleanUp();
    await ferret?.destroy();
  });

  it('reports every service ready, each asked over Redis', async () => {
    const { status, body } = await getJson<SystemHealth>(`${stack.gatewayUrl}/api/health`);
    expect(status).toBe(200);
    expect(body.status).toBe('up');
    expect(body.services.map((service) => [service.service, service.status])).toEqual([
      ['gateway', 'up'],
      ['auth', 'up'],
      ['chat', 'up'],
      ['loop-analysis', 'up'],
      ['ingestion-worker', 'up'],
    ]);
    const chat = body.services.find((service) => service.service === 'chat');
    expect(chat?.report?.dependencies.map((dependency) => dependency.name)).toEqual(['postgres', 'knowledge', 'mongodb', 'redis']);
  });

  it('queues an ingestion job through the gateway, which ingestion-worker processes with progress', async () => {
    const token = await stack.signIn();
    const auth = { authorization: `Bearer ${token}` };
    const anonymous = await fetch(`${stack.gatewayUrl}/api/ingestion/jobs`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const created = await fetch(`${stack.gatewayUrl}/api/ingestion/jobs`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-request-id': 'e2e-scan-1' },
      body: JSON.stringify({ kind: 'scan-sources' }),
    });
    expect(created.status).toBe(202);
    expect(created.headers.get('x-request-id')).toBe('e2e-scan-1');
    const { jobId, statusUrl } = (await created.json()) as { jobId: string; statusUrl: string };

    const finished = await waitFor('the scan job to finish', async () => {
      const { body } = await getJson<JobStatus>(`${stack.gatewayUrl}${statusUrl}`, { ...auth, 'x-request-id': 'e2e-status-1' });
      return body.state === 'completed' || body.state === 'failed' ? body : undefined;
    });
    expect(finished).toMatchObject({ id: jobId, name: 'scan-sources', state: 'completed', progress: 100 });
    const files = (finished.result as { files: Array<{ kind: string }> }).files;
    expect(files.map((file) => file.kind)).toEqual(expect.arrayContaining(['comprehensive-rules', 'scryfall-oracle-cards']));

    // The caller's request id follows the work: through BullMQ into the worker's job log,
    // and through the Redis transport into the worker's message log.
    const workerLog = stack.service('ingestion-worker').jsonLines();
    expect(workerLog).toEqual(expect.arrayContaining([expect.objectContaining({ correlationId: 'e2e-scan-1', jobId })]));
    expect(workerLog).toEqual(
      expect.arrayContaining([expect.objectContaining({ correlationId: 'e2e-status-1', pattern: 'ingestion-worker.jobs.status' })]),
    );
  });

  it('writes one JSON log line per request with time, level, service, message and correlation id', () => {
    const line = stack
      .service('gateway')
      .jsonLines()
      .find((entry) => entry['correlationId'] === 'e2e-scan-1' && entry['route'] === '/api/ingestion/jobs');
    expect(line).toMatchObject({ level: 'http', service: 'gateway', status: 202, time: expect.any(String), message: expect.stringContaining('POST') });
  });

  it('exposes Prometheus metrics with request counts by route and status', async () => {
    const text = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toContain('http_request_duration_seconds_bucket');
  });

  it('serves the web app at / and the admin console at /admin, showing live service status in a browser', async () => {
    browser = await launchChromium();
    for (const path of ['/', '/admin/']) {
      const page = await browser.newPage();
      await page.goto(`${stack.gatewayUrl}${path}`);
      await page.getByTestId('overall-status').filter({ hasText: 'up' }).waitFor({ timeout: 20_000 });
      const rows = page.getByTestId('service-row');
      expect(await rows.count()).toBe(5);
      expect(await page.locator('[data-testid="service-row"][data-status="up"]').count()).toBe(5);
      await page.close();
    }
  });

  it('names MongoDB as down when it goes away, and recovers when it is back', async () => {
    await ferret.stop();
    const { status, body } = await waitFor('health to notice MongoDB is gone', async () => {
      const answer = await getJson<SystemHealth>(`${stack.gatewayUrl}/api/health`);
      return answer.status === 503 ? answer : undefined;
    });
    expect(status).toBe(503);
    const byService = Object.fromEntries(body.services.map((service) => [service.service, service]));
    for (const service of ['chat', 'loop-analysis']) {
      expect(byService[service].status).toBe('down');
      expect(byService[service].report?.dependencies.find((dependency) => dependency.name === 'mongodb')?.status).toBe('down');
    }
    expect(byService['auth'].status).toBe('up');

    await ferret.start();
    await waitFor('health to recover', async () => ((await fetch(`${stack.gatewayUrl}/api/health`)).status === 200 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 1_000,
    });
  });

  it('refuses to start with a missing or malformed variable, naming every bad key', async () => {
    const auth = stack.runAlone('auth', { REDIS_URL: 'localhost:6379', HTTP_PORT: 'eighty' });
    const { code } = await auth.exited;
    expect(code).toBe(78);
    const message = auth.output.join('\n');
    expect(message).toContain('Invalid configuration for auth');
    expect(message).toMatch(/POSTGRES_URL: is required but not set/);
    expect(message).toMatch(/REDIS_URL: must be a URL starting with redis:\/\//);
    expect(message).toMatch(/HTTP_PORT: must be a port number/);
  });

  it('stops every service cleanly on SIGTERM (exit code 0)', async () => {
    const services = ['gateway', ...BACKEND] as const;
    const exits = await Promise.all(services.map((name) => stack.service(name).stop()));
    expect(exits.map((exit) => exit.code)).toEqual(services.map(() => 0));
    for (const name of services) {
      expect(stack.service(name).jsonLines()).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'stopped cleanly' })]));
    }
  });
});
