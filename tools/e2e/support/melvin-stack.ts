import { randomBytes } from 'node:crypto';
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
/** Created with the operator CLI when the stack starts, as an operator would. */
export const ADMIN = { username: 'e2e_admin', password: 'Op3rator-Secret!' };
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

export interface StackOptions {
  /** Names this stack's database and key prefix; stacks in one run need different names. */
  name: string;
  /** Backend services to start besides the gateway (all by default). */
  backends?: ReadonlyArray<(typeof BACKEND)[number]>;
  /** Extra environment for every process, e.g. short lockouts for a test. */
  env?: Record<string, string>;
}

/** The services, built, running as real processes against real servers. */
export class MelvinStack {
  readonly processes = new Map<StackService, ServiceProcess>();
  readonly redisPrefix: string;
  gatewayUrl = '';
  postgresUrl = '';
  private env: Record<string, string> = {};

  constructor(
    private readonly ferret: OwnedFerretDb | undefined,
    private readonly options: StackOptions = { name: 'e2e' },
  ) {
    this.redisPrefix = testRedisPrefix(options.name);
  }

  async start(): Promise<void> {
    const test = testEnvironment();
    const postgresUrl = await createTestPostgres(this.options.name);
    this.postgresUrl = postgresUrl;
    this.env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'http',
      MELVIN_VERSION: 'e2e',
      POSTGRES_URL: postgresUrl,
      MONGO_URL: testMongoUrl(this.options.name, this.ferret?.url),
      REDIS_URL: test.MELVIN_TEST_REDIS_URL,
      REDIS_KEY_PREFIX: this.redisPrefix,
      RPC_TIMEOUT_MS: '3000',
      DATA_DIR: resolve(ROOT, test.MELVIN_DATA_DIR),
      WEB_DIST_DIR: join(ROOT, 'dist/apps/web'),
      ADMIN_DIST_DIR: join(ROOT, 'dist/apps/admin'),
      SHUTDOWN_TIMEOUT_MS: '10000',
      JWT_SECRET: randomBytes(32).toString('base64'),
      BCRYPT_COST: '4',
      // Tests start ingestions themselves: no first load at boot, no scheduled refresh.
      KNOWLEDGE_INGEST_ON_BOOT: 'false',
      KNOWLEDGE_REFRESH_CRON: 'off',
      ...this.options.env,
    };
    // As every install does: identity (auth image), knowledge (ingestion-worker), conversations (chat).
    for (const service of ['auth', 'ingestion-worker', 'chat'] as const) {
      const migrate = new ServiceProcess(`migrate-${service}`, process.execPath, [builtEntry(service), 'migrate'], this.env);
      const migrated = await migrate.exited;
      if (migrated.code !== 0) throw new Error(`${service} migration failed:\n${migrate.tail()}`);
    }
    await this.cli(['admin', 'create', '--username', ADMIN.username], { MELVIN_ADMIN_PASSWORD: ADMIN.password });

    const gatewayPort = await freePort();
    this.gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const ports = new Map<StackService, number>([['gateway', gatewayPort]]);
    for (const service of this.options.backends ?? BACKEND) ports.set(service, await freePort());
    for (const [service, port] of ports) this.spawn(service, port);
    await waitFor('every service to be ready', async () => {
      const answers = await Promise.all([...ports.values()].map((port) => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status)));
      return answers.every((status) => status === 200) ? true : undefined;
    }, { timeoutMs: 90_000, intervalMs: 500 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.describe()}`);
    });
  }

  /** Runs `npm run melvin -- <args>` (the built CLI) against the stack's database. */
  async cli(args: string[], env: Record<string, string> = {}): Promise<ServiceProcess> {
    const cli = new ServiceProcess('cli', process.execPath, [builtEntry('cli'), ...args], { ...this.env, ...env });
    const { code } = await cli.exited;
    if (code !== 0) throw new Error(`melvin ${args.join(' ')} failed:\n${cli.tail()}`);
    return cli;
  }

  /** Signs in through the gateway; returns the access token. */
  async signIn(username = ADMIN.username, password = ADMIN.password): Promise<string> {
    const response = await fetch(`${this.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
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
    await dropTestPostgres(this.options.name).catch(() => undefined);
    await deleteTestRedisKeys(this.redisPrefix).catch(() => undefined);
  }

  describe(): string {
    return [...this.processes.values()].map((service) => `--- ${service.name}\n${service.tail(15)}`).join('\n');
  }

  private spawn(service: StackService, port: number): void {
    this.processes.set(service, new ServiceProcess(service, process.execPath, [builtEntry(service)], { ...this.env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' }));
  }
}
