import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import type { LoopChecker, LoopFinding } from '@melvin/conversation/data-access';
import { MessagePatterns, type Actor } from '@melvin/shared/contracts';
import { acceptOrCreateCorrelationId, currentCorrelationId } from '@melvin/shared/observability';

export const LOOP_SERVICE_CLIENT = Symbol('LOOP_SERVICE_CLIENT');
const LOOP_TIMEOUT_MS = 10_000;

interface AnalysisReply {
  report: { cards: string[]; loops: Array<LoopFinding & { mana_colors: string[] }> } | null;
}

/**
 * "Do X and Y go infinite?" goes to the loop-analysis service, as the asking user (the analysis is
 * stored as theirs). Any failure means "not available": the question is then answered from rules.
 */
@Injectable()
export class RemoteLoopChecker implements OnApplicationShutdown {
  constructor(@Inject(LOOP_SERVICE_CLIENT) private readonly client: ClientProxy) {}

  forActor(actor: Actor): LoopChecker {
    return {
      analyse: async (cardNames) => {
        try {
          const reply = await firstValueFrom(
            this.client
              .send<AnalysisReply>(MessagePatterns.loops.analyseCards, {
                correlationId: acceptOrCreateCorrelationId(currentCorrelationId()),
                data: { actor, cards: cardNames.slice(0, 10) },
              })
              .pipe(timeout(LOOP_TIMEOUT_MS)),
          );
          return reply.report ? { cards: reply.report.cards, loops: reply.report.loops } : null;
        } catch {
          return null;
        }
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
