import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { Logger } from 'winston';
import { identityDataSourceOptions } from '@melvin/identity/data-access';
import { ObservabilityModule } from '@melvin/shared/observability';
import { postgresCheck, REDIS_CLIENT, RedisModule, redisCheck } from '@melvin/shared/persistence';
import type { AuthConfig } from '../config/env.schema';
import { IdentityController } from './identity/identity.controller';
import { identityProviders } from './identity/identity.providers';
import { LoginService } from './identity/login.service';
import { LoginThrottle } from './identity/login-throttle';
import { SessionIssuer } from './identity/session-issuer';
import { AUTH_CONFIG } from './identity/tokens';

/** Identity: accounts, approvals, sessions and the audit trail, stored in PostgreSQL. */
@Module({})
export class AppModule {
  static forRoot(config: AuthConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(identityDataSourceOptions(config.POSTGRES_URL)),
        RedisModule.forRoot(config.REDIS_URL),
        JwtModule.register({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
        ObservabilityModule.forRoot({
          identity: { name: 'auth', version: config.MELVIN_VERSION },
          logger,
          answersReadinessOverRedis: true,
          checks: {
            inject: [DataSource, REDIS_CLIENT],
            useFactory: (dataSource: DataSource, redis: Redis) => [postgresCheck(dataSource), redisCheck(redis)],
          },
        }),
      ],
      controllers: [IdentityController],
      providers: [{ provide: AUTH_CONFIG, useValue: config }, ...identityProviders, LoginThrottle, SessionIssuer, LoginService],
    };
  }
}
