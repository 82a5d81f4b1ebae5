import { HttpException, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { catchError, firstValueFrom, throwError, timeout } from 'rxjs';
import { serviceErrorSchema, type Envelope } from '@melvin/shared/contracts';
import { acceptOrCreateCorrelationId, currentCorrelationId } from '@melvin/shared/observability';
import { GATEWAY_CONFIG, SERVICES_CLIENT } from './tokens';
import type { GatewayConfig } from '../../config/env.schema';

/** A refusal a service sent back (`{status, code, message}`) becomes the same HTTP answer. */
function relayServiceError(error: unknown): unknown {
  const parsed = serviceErrorSchema.safeParse(error);
  if (!parsed.success) return error;
  const { status, ...body } = parsed.data;
  return new HttpException(body, status);
}

/** Asks a backend service over the Redis transport, carrying the request's correlation id. */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  constructor(
    @Inject(SERVICES_CLIENT) private readonly client: ClientProxy,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  ask<Request, Reply>(pattern: string, data: Request, timeoutMs = this.config.RPC_TIMEOUT_MS): Promise<Reply> {
    const message: Envelope<Request> = { correlationId: acceptOrCreateCorrelationId(currentCorrelationId()), data };
    return firstValueFrom(
      this.client.send<Reply>(pattern, message).pipe(
        timeout(timeoutMs),
        catchError((error: unknown) => throwError(() => relayServiceError(error))),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
