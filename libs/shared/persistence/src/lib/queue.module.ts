import { BullModule } from '@nestjs/bullmq';
import type { DynamicModule } from '@nestjs/common';
import { redisConnectionOptions } from '@melvin/shared/config';
import type { QueueName } from '@melvin/shared/contracts';

/**
 * BullMQ bound to Melvin's contracts: queues are registered only by their contract name, and
 * every key carries the install's prefix so test runs and installs never see each other's jobs.
 */
export const QueueModule = {
  forRoot(redisUrl: string, prefix: string): DynamicModule {
    return BullModule.forRoot({
      connection: { ...redisConnectionOptions(redisUrl), maxRetriesPerRequest: null },
      prefix,
    });
  },
  registerQueue(...queues: QueueName[]): DynamicModule {
    return BullModule.registerQueue(...queues.map((name) => ({ name })));
  },
};
