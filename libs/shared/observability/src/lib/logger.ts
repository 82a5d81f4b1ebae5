import { createLogger, format, transports, type Logger } from 'winston';
import { currentCorrelationId } from './correlation';

/**
 * One JSON object per line: time, level, service, message, correlationId, then any fields.
 * Nest's own log calls arrive with a `context`; it is kept as a field.
 */
export function createServiceLogger(service: string, level: string): Logger {
  const stamp = format((info) => {
    const correlationId = info['correlationId'] ?? currentCorrelationId();
    return Object.assign(info, {
      time: new Date().toISOString(),
      service,
      ...(correlationId ? { correlationId } : {}),
    });
  });
  return createLogger({
    level,
    format: format.combine(stamp(), format.errors({ stack: true }), format.json()),
    transports: [new transports.Console()],
  });
}
