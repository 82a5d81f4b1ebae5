import { ArgumentsHost, Catch, HttpException, HttpStatus, Inject, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'winston';
import type { ApiError } from '@melvin/shared/contracts';
import { SERVICE_LOGGER } from '@melvin/shared/observability';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function fromHttpException(exception: HttpException): { status: number; body: ApiError } {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const code = typeof fields['code'] === 'string' ? fields['code'] : (CODE_BY_STATUS[status] ?? 'ERROR');
  const message = typeof fields['message'] === 'string' ? fields['message'] : exception.message;
  return { status, body: { code, message, ...(fields['details'] ? { details: fields['details'] } : {}) } };
}

/** The 4xx status an Express middleware error carries (`status` with `expose: true`), if any. */
function clientErrorStatus(exception: unknown): number | undefined {
  const candidate = exception as { status?: unknown; expose?: unknown };
  const status = typeof candidate?.status === 'number' ? candidate.status : undefined;
  return status && status >= 400 && status < 500 && candidate.expose === true ? status : undefined;
}

/** Every error leaves the gateway as `{code, message}`; internals are logged, never returned. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const { status, body } = fromHttpException(exception);
      response.status(status).json(body);
      return;
    }
    const clientError = clientErrorStatus(exception);
    if (clientError) {
      // e.g. body-parser's "payload too large" or "malformed JSON": the client's fault, said plainly.
      response.status(clientError).json({ code: CODE_BY_STATUS[clientError] ?? 'BAD_REQUEST', message: (exception as Error).message });
      return;
    }
    if (exception instanceof Error && exception.name === 'TimeoutError') {
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({ code: 'SERVICE_UNAVAILABLE', message: 'A Melvin service did not answer in time' });
      return;
    }
    this.logger.error('unhandled error', { error: exception instanceof Error ? exception.stack : String(exception) });
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'INTERNAL', message: 'Something went wrong on our side' });
  }
}
