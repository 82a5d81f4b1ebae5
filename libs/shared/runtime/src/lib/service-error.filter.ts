import { Catch, Inject, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { Logger } from 'winston';
import { ZodError } from 'zod';
import type { ServiceError } from '@melvin/shared/contracts';
import { SERVICE_LOGGER } from '@melvin/shared/observability';

/** A refusal a service means to send: the gateway relays its status, code and message as they are. */
export class ServiceFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Domain errors of any context qualify when they carry an HTTP-like status and a stable code. */
function isDeliberate(exception: unknown): exception is { status: number; code: string; message: string; details?: unknown } {
  if (!(exception instanceof Error)) return false;
  const candidate = exception as Error & { status?: unknown; code?: unknown };
  return typeof candidate.status === 'number' && typeof candidate.code === 'string';
}

/**
 * Sends refusals back over Redis as `{status, code, message}` for the gateway to relay; anything
 * unexpected is logged here and leaves as a bare 500 (no stack, no SQL).
 */
@Catch()
export class ServiceErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toServiceError(exception));
  }

  private toServiceError(exception: unknown): ServiceError {
    if (isDeliberate(exception)) {
      return { status: exception.status, code: exception.code, message: exception.message, ...(exception.details !== undefined ? { details: exception.details } : {}) };
    }
    if (exception instanceof ZodError) {
      return { status: 400, code: 'INVALID_MESSAGE', message: 'The request did not have the expected shape', details: exception.issues };
    }
    this.logger.error('unexpected error in a message handler', { error: exception instanceof Error ? exception.stack : String(exception) });
    return { status: 500, code: 'INTERNAL', message: 'Something went wrong on our side' };
  }
}
