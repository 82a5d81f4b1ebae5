import { z } from 'zod';

/** Header that carries the correlation id on HTTP requests and responses. */
export const CORRELATION_HEADER = 'x-request-id';

export const correlationIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

/**
 * Every Redis message and BullMQ job wraps its payload with the correlation id of the
 * request that caused it, so one user action can be followed through every service's logs.
 */
export function envelopeSchema<T extends z.ZodTypeAny>(data: T) {
  return z.object({ correlationId: correlationIdSchema, data });
}
export type Envelope<T> = { correlationId: string; data: T };
