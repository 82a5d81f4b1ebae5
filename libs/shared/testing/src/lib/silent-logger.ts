import type { Logger } from 'winston';
import { createServiceLogger } from '@melvin/shared/observability';

/** The real service logger, muted: tests assert on behaviour, not on console noise. */
export function silentLogger(service: string): Logger {
  const logger = createServiceLogger(service, 'error');
  logger.silent = true;
  return logger;
}
