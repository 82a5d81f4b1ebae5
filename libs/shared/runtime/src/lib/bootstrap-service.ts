import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { WinstonModule } from 'nest-winston';
import type { Logger } from 'winston';
import { MetricsService, requestLoggingMiddleware } from '@melvin/shared/observability';
import { NamespacedServerRedis, type NamespacedRedisOptions } from './namespaced-redis-transport';

export interface ServiceBootOptions {
  service: string;
  logger: Logger;
  httpHost: string;
  httpPort: number;
  shutdownTimeoutMs: number;
  /** Backend services listen for Redis transport messages; the gateway only sends them. */
  redisTransport?: NamespacedRedisOptions;
  /** Gateway-only HTTP setup (helmet, validation, static bundles...) before listening. */
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

/**
 * Boots one Melvin service: JSON logs, request logging and metrics, optional Redis transport,
 * HTTP for health/metrics (and the API on the gateway), and a graceful stop on SIGTERM/SIGINT.
 */
export async function bootstrapService(module: Type<unknown> | DynamicModule, options: ServiceBootOptions): Promise<INestApplication> {
  const { logger } = options;
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: WinstonModule.createLogger({ instance: logger }),
    bufferLogs: true,
  });
  app.use(requestLoggingMiddleware(logger, app.get(MetricsService)));
  await options.configure?.(app);

  if (options.redisTransport) {
    app.connectMicroservice<MicroserviceOptions>({ strategy: new NamespacedServerRedis(options.redisTransport) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.listen(options.httpPort, options.httpHost);
  logger.info(`${options.service} listening on ${options.httpHost}:${options.httpPort}`, {
    port: options.httpPort,
    redisTransport: Boolean(options.redisTransport),
  });
  stopGracefullyOnSignals(app, options);
  return app;
}

/**
 * Nest's own shutdown hooks re-raise the signal, so the process would exit 143; operators and
 * orchestrators expect 0 after a clean drain. `app.close()` stops accepting connections, waits
 * for in-flight requests, then runs every module's shutdown hook (BullMQ workers finish their
 * active jobs, database connections close).
 */
function stopGracefullyOnSignals(app: INestApplication, options: ServiceBootOptions): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.logger.info(`${signal} received: draining and stopping`, { signal });
    const forceExit = setTimeout(() => {
      options.logger.error(`shutdown took longer than ${options.shutdownTimeoutMs} ms: exiting`);
      process.exit(1);
    }, options.shutdownTimeoutMs);
    forceExit.unref();
    try {
      await app.close();
      options.logger.info('stopped cleanly');
      exitOnceLogsAreWritten(0);
    } catch (error) {
      options.logger.error('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
      exitOnceLogsAreWritten(1);
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Lets the event loop empty (flushing piped stdout); a straggling handle gets one second. */
function exitOnceLogsAreWritten(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 1_000).unref();
}
