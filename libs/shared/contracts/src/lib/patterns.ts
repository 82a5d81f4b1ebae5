import type { BackendServiceName } from './services';

/**
 * Redis transport message patterns. The channel name is a wire format shared by services
 * that deploy separately: change one only together with every consumer.
 */
export const MessagePatterns = {
  /** Asks a service for its readiness report. */
  readiness: (service: BackendServiceName) => `${service}.health.ready` as const,
  ingestion: {
    /** Reads the state and progress of one ingestion job. */
    jobStatus: 'ingestion-worker.jobs.status',
  },
} as const;
