import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createTestPostgres,
  deleteTestRedisKeys,
  dropTestPostgres,
  freePort,
  ServiceProcess,
  testEnvironment,
  testMongoUrl,
  testRedisPrefix,
  waitFor,
} from '@melvin/shared/testing';

const ROOT = resolve(__dirname, '..', '..', '..');
export const BACKEND = ['auth', 'chat', 'loop-analysis', 'ingestion-worker'] as const;
export type StackService = 'gateway' | (typeof BACKEND)[number];

export function builtEntry(service: string): string {
  const entry = join(ROOT, 'dist', 'apps', service, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  return entry;
}

/** A FerretDB the e2e run owns, so a test can take MongoDB away and bring it back. */
export class OwnedFerretDb {
  private process?: ServiceProcess;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'melvin-e2e-ferret-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `mongodb://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const binary = testEnvironment().MELVIN_FERRETDB_BIN;
    this.process = new ServiceProcess('ferretdb', binary, [
      '--handler=sqlite',
      `--sqlite-url=file:${this.dataDir}/`,
      `--listen-addr=127.0.0.1:${this.port}`,
      '--telemetry=disable',
      `--state-dir=${this.dataDir}`,
      '--log-level=warn',
      '--debug-addr=-',
    ], {});
    await waitFor('FerretDB to listen', async () => (this.process?.output.join('\n').includes('Listening') || (await canConnect(this.port)) ? true : undefined), {
      timeoutMs: 20_000,
    });
  }

  async stop(): Promise<void> {
    await this.process?.stop(5_000);
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

async function canConnect(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolveConnect) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveConnect(true);
    });
    socket.once('error', () => resolveConnect(false));
  });
}

/** The five services, built, running as real processes against real servers. */
export class MelvinStack {
  readonly processes = new Map<StackService, ServiceProcess>();
  readonly redisPrefix = testRedisPrefix('e2e');
  gatewayUrl = '';
  private env: Record<string, string> = {};

  constructor(private readonly ferret: OwnedFerretDb) {}

  async start(): Promise<void> {
    const test = testEnvironment();
    const postgresUrl = await createTestPostgres('e2e');
    this.env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'http',
      MELVIN_VERSION: 'e2e',
      POSTGRES_URL: postgresUrl,
      MONGO_URL: testMongoUrl('e2e', this.ferret.url),
      REDIS_URL: test.MELVIN_TEST_REDIS_URL,
      REDIS_KEY_PREFIX: this.redisPrefix,
      RPC_TIMEOUT_MS: '3000',
      DATA_DIR: resolve(ROOT, test.MELVIN_DATA_DIR),
      WEB_DIST_DIR: join(ROOT, 'dist/apps/web'),
      ADMIN_DIST_DIR: join(ROOT, 'dist/apps/admin'),
      SHUTDOWN_TIMEOUT_MS: '10000',
    };
    const migrate = new ServiceProcess('migrate', process.execPath, [builtEntry('auth'), 'migrate'], this.env);
    const migrated = await migrate.exited;
    if (migrated.code !== 0) throw new Error(`migration failed:\n${migrate.tail()}`);

    const gatewayPort = await freePort();
    this.gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    for (const service of BACKEND) this.spawn(service, await freePort());
    this.spawn('gateway', gatewayPort);
    await waitFor('every service to be ready behind the gateway', async () => {
      const response = await fetch(`${this.gatewayUrl}/api/health`);
      return response.status === 200 ? true : undefined;
    }, { timeoutMs: 90_000, intervalMs: 500 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.describe()}`);
    });
  }

  /** Runs a service's entry point with a custom environment, outside the stack (e.g. bad config). */
  runAlone(service: StackService, env: Record<string, string>): ServiceProcess {
    return new ServiceProcess(service, process.execPath, [builtEntry(service)], env);
  }

  service(name: StackService): ServiceProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`${name} is not running`);
    return found;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((service) => service.stop()));
  }

  async cleanUp(): Promise<void> {
    await this.stop();
    await dropTestPostgres('e2e').catch(() => undefined);
    await deleteTestRedisKeys(this.redisPrefix).catch(() => undefined);
  }

  describe(): string {
    return [...this.processes.values()].map((service) => `--- ${service.name}\n${service.tail(15)}`).join('\n');
  }

  private spawn(service: StackService, port: number): void {
    this.processes.set(service, new ServiceProcess(service, process.execPath, [builtEntry(service)], { ...this.env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' }));
  }
}
