import { Catch, Inject, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { Logger } from 'winston';
import { ZodError } from 'zod';
import { IdentityError } from '@melvin/identity/domain';
import type { ServiceError } from '@melvin/shared/contracts';
import { SERVICE_LOGGER } from '@melvin/shared/observability';

/**
 * Sends refusals back over Redis as `{status, code, message}` for the gateway to relay; anything
 * unexpected is logged here and leaves as a bare 500 (no stack, no SQL).
 */
@Catch()
export class IdentityRpcFilter implements RpcExceptionFilter<unknown> {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toServiceError(exception));
  }

  private toServiceError(exception: unknown): ServiceError {
    if (exception instanceof IdentityError) return { status: exception.status, code: exception.code, message: exception.message };
    if (exception instanceof ZodError) {
      return { status: 400, code: 'INVALID_MESSAGE', message: 'The request did not have the expected shape', details: exception.issues };
    }
    this.logger.error('unexpected error in identity handler', { error: exception instanceof Error ? exception.stack : String(exception) });
    return { status: 500, code: 'INTERNAL', message: 'Something went wrong on our side' };
  }
}
