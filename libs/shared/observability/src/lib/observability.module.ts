import { Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Logger } from 'winston';
import type { BackendServiceName } from '@melvin/shared/contracts';
import type { DependencyCheck } from './dependency-check';
import { HealthController } from './health.controller';
import { MessageLoggingInterceptor } from './message-logging.interceptor';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { readinessRpcController } from './readiness-rpc.controller';
import { ReadinessService, type ServiceIdentity } from './readiness.service';
import { DEPENDENCY_CHECKS, SERVICE_IDENTITY, SERVICE_LOGGER } from './tokens';

export interface ObservabilityOptions {
  identity: ServiceIdentity;
  logger: Logger;
  /** Backend services answer readiness over Redis too; the gateway only over HTTP. */
  answersReadinessOverRedis: boolean;
  checks: {
    imports?: ModuleMetadata['imports'];
    inject?: InjectionToken[];
    useFactory: (...dependencies: never[]) => DependencyCheck[];
  };
}

/** Health, metrics and message logging for one service: every service imports this once. */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const controllers: Type<unknown>[] = [HealthController, MetricsController];
    if (options.answersReadinessOverRedis) {
      controllers.push(readinessRpcController(options.identity.name as BackendServiceName));
    }
    return {
      module: ObservabilityModule,
      global: true,
      imports: options.checks.imports ?? [],
      controllers,
      providers: [
        { provide: SERVICE_IDENTITY, useValue: options.identity },
        { provide: SERVICE_LOGGER, useValue: options.logger },
        {
          provide: DEPENDENCY_CHECKS,
          inject: options.checks.inject ?? [],
          useFactory: options.checks.useFactory as (...dependencies: unknown[]) => DependencyCheck[],
        },
        MetricsService,
        ReadinessService,
        { provide: APP_INTERCEPTOR, useClass: MessageLoggingInterceptor },
      ],
      exports: [SERVICE_LOGGER, SERVICE_IDENTITY, MetricsService, ReadinessService],
    };
  }
}
