import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'winston';
import type { z } from 'zod';
import { ConfigValidationError, loadConfig } from '@melvin/shared/config';
import type { ServiceName } from '@melvin/shared/contracts';
import { createServiceLogger } from '@melvin/shared/observability';
import { bootstrapService } from './bootstrap-service';

/** The configuration fields every service has (see `runtimeEnv`, `redisEnv`, `httpPortEnv`). */
export interface BaseServiceConfig {
  LOG_LEVEL: string;
  HTTP_HOST: string;
  HTTP_PORT: number;
  SHUTDOWN_TIMEOUT_MS: number;
  REDIS_URL: string;
  REDIS_KEY_PREFIX: string;
  MELVIN_VERSION: string;
}

export interface ServiceDefinition<Schema extends z.AnyZodObject, Config = z.infer<Schema>> {
  service: ServiceName;
  envSchema: Schema;
  createModule: (config: Config, logger: Logger) => DynamicModule;
  /** Backend services answer Redis transport messages; the gateway only sends them. */
  listensOnRedis: boolean;
  configureHttp?: (app: NestExpressApplication, config: Config) => void | Promise<void>;
  /** One-shot commands run instead of the server, e.g. `node main.js migrate`. */
  commands?: Record<string, (config: Config, logger: Logger) => Promise<void>>;
}

/**
 * The whole entry point of a Melvin service: validate the environment (a bad configuration
 * stops the process listing every bad key), then run a one-shot command or serve.
 */
export function startService<Schema extends z.AnyZodObject>(
  definition: ServiceDefinition<Schema> &
    (z.infer<Schema> extends BaseServiceConfig ? unknown : { envSchemaLacksTheBaseServiceFields: never }),
  argv = process.argv,
): void {
  run(definition, argv).catch((error: unknown) => {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG: the operator has to fix the environment.
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: 'error', service: definition.service, message: 'failed to start', error: detail })}\n`,
    );
    process.exit(1);
  });
}

async function run<Schema extends z.AnyZodObject>(definition: ServiceDefinition<Schema>, argv: string[]): Promise<void> {
  const config = loadConfig(definition.service, definition.envSchema);
  // startService's signature guarantees the schema has the base fields.
  const base = config as unknown as BaseServiceConfig;
  const logger = createServiceLogger(definition.service, base.LOG_LEVEL);
  const commandName = argv[2];
  if (commandName) {
    const command = definition.commands?.[commandName];
    if (!command) {
      const known = Object.keys(definition.commands ?? {}).join(', ') || 'none';
      throw new Error(`unknown command "${commandName}" (known: ${known})`);
    }
    await command(config, logger);
    return;
  }
  await bootstrapService(definition.createModule(config, logger), {
    service: definition.service,
    logger,
    httpHost: base.HTTP_HOST,
    httpPort: base.HTTP_PORT,
    shutdownTimeoutMs: base.SHUTDOWN_TIMEOUT_MS,
    redisTransport: definition.listensOnRedis ? { redisUrl: base.REDIS_URL, namespace: base.REDIS_KEY_PREFIX } : undefined,
    configure: definition.configureHttp ? (app) => definition.configureHttp?.(app, config) : undefined,
  });
}
