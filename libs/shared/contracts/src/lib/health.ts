import { z } from 'zod';
import { serviceNameSchema } from './services';

export const dependencyStatusSchema = z.enum(['up', 'down']);

export const dependencyReportSchema = z.object({
  name: z.string(),
  status: dependencyStatusSchema,
  latencyMs: z.number().nonnegative(),
  error: z.string().optional(),
});
export type DependencyReport = z.infer<typeof dependencyReportSchema>;

export const readinessReportSchema = z.object({
  service: serviceNameSchema,
  status: dependencyStatusSchema,
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  dependencies: z.array(dependencyReportSchema),
});
export type ReadinessReport = z.infer<typeof readinessReportSchema>;

/** A service that did not answer in time is reported as `unreachable`. */
export const aggregateStatusSchema = z.enum(['up', 'down', 'unreachable']);
export type AggregateStatus = z.infer<typeof aggregateStatusSchema>;

export const serviceHealthSchema = z.object({
  service: serviceNameSchema,
  status: aggregateStatusSchema,
  report: readinessReportSchema.optional(),
  error: z.string().optional(),
});
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;

export const systemHealthSchema = z.object({
  status: aggregateStatusSchema,
  checkedAt: z.string(),
  services: z.array(serviceHealthSchema),
});
export type SystemHealth = z.infer<typeof systemHealthSchema>;

const severity: Record<AggregateStatus, number> = { up: 0, down: 1, unreachable: 2 };

/** The overall status is the worst status of any service. */
export function worstStatus(statuses: AggregateStatus[]): AggregateStatus {
  return statuses.reduce<AggregateStatus>(
    (worst, status) => (severity[status] > severity[worst] ? status : worst),
    'up',
  );
}
