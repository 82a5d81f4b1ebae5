import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { Logger } from 'winston';
import { acceptOrCreateCorrelationId, runWithCorrelationId } from './correlation';
import { MetricsService } from './metrics.service';
import { SERVICE_LOGGER } from './tokens';

/**
 * For Redis transport handlers: adopts the correlation id carried in the message envelope,
 * then writes one log line and one metrics sample per message.
 */
@Injectable()
export class MessageLoggingInterceptor implements NestInterceptor {
  constructor(
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly metrics: MetricsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpc = context.switchToRpc();
    // The channel may carry the install's namespace (`melvin:auth.me.get`); log the pattern itself.
    const pattern = String(rpc.getContext()?.getChannel?.() ?? 'unknown').split(':').pop() ?? 'unknown';
    const data = rpc.getData() as { correlationId?: unknown } | undefined;
    const correlationId = acceptOrCreateCorrelationId(data?.correlationId);
    const started = process.hrtime.bigint();

    const finish = (outcome: 'ok' | 'error', error?: unknown) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.recordMessage(pattern, outcome, seconds);
      this.logger.log(outcome === 'ok' ? 'http' : 'error', `message ${pattern} ${outcome}`, {
        correlationId,
        pattern,
        outcome,
        durationMs: Math.round(seconds * 1000),
        ...(error ? { error: error instanceof Error ? error.message : String(error) } : {}),
      });
    };

    return new Observable((subscriber) =>
      runWithCorrelationId(correlationId, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error) => {
            finish('error', error);
            subscriber.error(error);
          },
          complete: () => {
            finish('ok');
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
