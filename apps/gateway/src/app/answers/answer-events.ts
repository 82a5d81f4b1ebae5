import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { answerCancelChannel, answerEventsChannel, type AnswerEvent } from '@melvin/shared/contracts';
import { REDIS_CLIENT } from '@melvin/shared/persistence';
import type { GatewayConfig } from '../../config/env.schema';
import { GATEWAY_CONFIG } from '../services/tokens';

type Listener = (event: AnswerEvent) => void;

/**
 * Hears the events of answers being produced (chat publishes them on Redis) and passes each to
 * the HTTP response waiting for it. One subscriber connection serves every open stream.
 */
@Injectable()
export class AnswerEvents implements OnModuleDestroy {
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Listener>();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    // A subscriber connection cannot run the ready check's INFO after a reconnect.
    this.subscriber = redis.duplicate({ enableReadyCheck: false });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, payload: string) => {
      const listener = this.listeners.get(channel);
      if (!listener) return;
      try {
        listener(JSON.parse(payload) as AnswerEvent);
      } catch {
        // A malformed event is dropped; the RPC reply still settles the request.
      }
    });
  }

  /** Subscribes before the answer is requested, so no event can be missed; returns the unsubscribe. */
  async listen(requestId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = answerEventsChannel(this.config.REDIS_KEY_PREFIX, requestId);
    this.listeners.set(channel, listener);
    await this.subscriber.subscribe(channel);
    return async () => {
      this.listeners.delete(channel);
      await this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  /** Tells chat the reader went away: it stops the model and keeps what was written. */
  async cancel(requestId: string): Promise<void> {
    await this.redis.publish(answerCancelChannel(this.config.REDIS_KEY_PREFIX, requestId), 'cancel');
  }

  async onModuleDestroy(): Promise<void> {
    this.subscriber.disconnect();
  }
}
