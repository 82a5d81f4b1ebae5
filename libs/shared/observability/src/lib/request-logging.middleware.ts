import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'winston';
import { CORRELATION_HEADER } from '@melvin/shared/contracts';
import { acceptOrCreateCorrelationId, runWithCorrelationId } from './correlation';
import type { MetricsService } from './metrics.service';

/** Express routes are templates (`/api/jobs/:id`); unmatched paths share one label to bound cardinality. */
function routeLabel(request: Request, response: Response): string {
  const route = (request as Request & { route?: { path?: string } }).route?.path;
  if (route) return `${request.baseUrl}${route}`;
  return response.statusCode === 404 ? 'unmatched' : 'static';
}

/**
 * Gives every request a correlation id (the caller's `X-Request-Id` when valid), echoes it
 * back, and writes one log line and one metrics sample when the response finishes.
 */
export function requestLoggingMiddleware(logger: Logger, metrics: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const correlationId = acceptOrCreateCorrelationId(request.header(CORRELATION_HEADER));
    const started = process.hrtime.bigint();
    response.setHeader(CORRELATION_HEADER, correlationId);
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(request, response);
      metrics.recordHttp(request.method, route, response.statusCode, seconds);
      logger.log(response.statusCode >= 500 ? 'error' : 'http', `${request.method} ${request.originalUrl} ${response.statusCode}`, {
        correlationId,
        method: request.method,
        route,
        status: response.statusCode,
        durationMs: Math.round(seconds * 1000),
      });
    });
    runWithCorrelationId(correlationId, next);
  };
}
