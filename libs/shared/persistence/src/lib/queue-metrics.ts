import { getQueueToken } from '@nestjs/bullmq';
import type { Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MetricsService } from '@melvin/shared/observability';

const COUNTED_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/** Exposes `queue_jobs{queue,state}` for the queue a service consumes, read at scrape time. */
export function queueDepthMetrics(queueName: string): Provider {
  return {
    provide: `QUEUE_DEPTH_METRICS:${queueName}`,
    inject: [MetricsService, getQueueToken(queueName)],
    useFactory: (metrics: MetricsService, queue: Queue) =>
      metrics.registerGauge('queue_jobs', 'Jobs in the queue by state', ['queue', 'state'], async (gauge) => {
        const counts = await queue.getJobCounts(...COUNTED_STATES);
        for (const state of COUNTED_STATES) gauge.set({ queue: queue.name, state }, counts[state] ?? 0);
      }),
  };
}
