import { z } from 'zod';

/** Every separately deployed Melvin service. The gateway is the only public one. */
export const SERVICE_NAMES = ['gateway', 'auth', 'chat', 'loop-analysis', 'ingestion-worker'] as const;
export const serviceNameSchema = z.enum(SERVICE_NAMES);
export type ServiceName = z.infer<typeof serviceNameSchema>;

/** Services the gateway reaches over the Redis transport. */
export const BACKEND_SERVICES = SERVICE_NAMES.filter(
  (name): name is Exclude<ServiceName, 'gateway'> => name !== 'gateway',
);
export type BackendServiceName = (typeof BACKEND_SERVICES)[number];
