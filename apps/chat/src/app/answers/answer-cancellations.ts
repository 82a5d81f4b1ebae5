import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { answerCancelPattern } from '@melvin/shared/contracts';
import { REDIS_CLIENT } from '@melvin/shared/persistence';
import type { ChatConfig } from '../../config/env.schema';
import { CHAT_CONFIG } from '../tokens';

/** Hears the gateway say "the reader left" and aborts that answer (the model stops; the partial text is kept). */
@Injectable()
export class AnswerCancellations implements OnModuleInit, OnModuleDestroy {
  private readonly subscriber: Redis;
  private readonly running = new Map<string, AbortController>();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
  ) {
    // A subscriber connection cannot run the ready check's INFO after a reconnect; its errors are
    // the main connection's to report (readiness names Redis when it is down).
    this.subscriber = redis.duplicate({ enableReadyCheck: false });
    this.subscriber.on('error', () => undefined);
  }

  onModuleInit(): void {
    const prefix = `${this.config.REDIS_KEY_PREFIX}:answers:`;
    this.subscriber.on('pmessage', (_pattern: string, channel: string) => {
      const requestId = channel.slice(prefix.length).split(':')[0];
      this.running.get(requestId)?.abort();
    });
    // Not awaited: chat must start (and report Redis as down) even when Redis is unreachable;
    // ioredis subscribes again whenever the connection comes back.
    void this.subscriber.psubscribe(answerCancelPattern(this.config.REDIS_KEY_PREFIX)).catch(() => undefined);
  }

  /** An abort signal for one answer; `done` forgets it. */
  track(requestId: string): { signal: AbortSignal; done: () => void } {
    const controller = new AbortController();
    this.running.set(requestId, controller);
    return { signal: controller.signal, done: () => this.running.delete(requestId) };
  }

  onModuleDestroy(): void {
    for (const controller of this.running.values()) controller.abort();
    this.subscriber.disconnect();
  }
}
