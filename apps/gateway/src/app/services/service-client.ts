import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import type { Envelope } from '@melvin/shared/contracts';
import { acceptOrCreateCorrelationId, currentCorrelationId } from '@melvin/shared/observability';
import { GATEWAY_CONFIG, SERVICES_CLIENT } from './tokens';
import type { GatewayConfig } from '../../config/env.schema';

/** Asks a backend service over the Redis transport, carrying the request's correlation id. */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  constructor(
    @Inject(SERVICES_CLIENT) private readonly client: ClientProxy,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  ask<Request, Reply>(pattern: string, data: Request, timeoutMs = this.config.RPC_TIMEOUT_MS): Promise<Reply> {
    const message: Envelope<Request> = { correlationId: acceptOrCreateCorrelationId(currentCorrelationId()), data };
    return firstValueFrom(this.client.send<Reply>(pattern, message).pipe(timeout(timeoutMs)));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
