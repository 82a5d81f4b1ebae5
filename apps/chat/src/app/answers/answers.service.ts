import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Logger } from 'winston';
import { AnswerPipeline, ConversationCatalog, OllamaChatClient, TranscriptStore, type StoredMessage } from '@melvin/conversation/data-access';
import type { ChatTurn } from '@melvin/conversation/domain';
import { answerEventsChannel, type AnswerEvent, type AskRequest } from '@melvin/shared/contracts';
import { SERVICE_LOGGER } from '@melvin/shared/observability';
import { REDIS_CLIENT } from '@melvin/shared/persistence';
import { ServiceFailure } from '@melvin/shared/runtime';
import type { ChatConfig } from '../../config/env.schema';
import { ConversationService } from '../conversations/conversation.service';
import { LiveKnowledge } from '../knowledge/live-knowledge';
import { CHAT_CONFIG } from '../tokens';
import { AnswerCancellations } from './answer-cancellations';
import { AnswerMetrics } from './answer-metrics';
import { knowledgeForAnswers } from './knowledge-for-answers';
import { RemoteLoopChecker } from './loop-checker';

/** Turns of the conversation the model and the follow-up reading see. */
const HISTORY_TURNS = 6;

export interface AskReply {
  question: StoredMessage;
  answer: StoredMessage;
}

/** One question in one conversation: stored, answered (streamed as events), and the answer stored. */
@Injectable()
export class AnswersService {
  private readonly generator: OllamaChatClient | undefined;

  constructor(
    private readonly conversations: ConversationService,
    private readonly catalog: ConversationCatalog,
    private readonly transcripts: TranscriptStore,
    private readonly knowledge: LiveKnowledge,
    private readonly loops: RemoteLoopChecker,
    private readonly cancellations: AnswerCancellations,
    private readonly metrics: AnswerMetrics,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.generator = config.OLLAMA_URL
      ? new OllamaChatClient({
          url: config.OLLAMA_URL,
          model: config.OLLAMA_MODEL,
          keepAlive: config.OLLAMA_KEEP_ALIVE,
          maxConcurrent: config.OLLAMA_MAX_CONCURRENT,
          maxQueue: config.OLLAMA_MAX_QUEUE,
        })
      : undefined;
  }

  async ask(request: AskRequest): Promise<AskReply> {
    const owner = request.actor.id;
    await this.catalog.get(owner, request.conversationId);
    this.knowledge.current();
    const { question, history } = request.retryOf
      ? await this.retried(owner, request.conversationId, request.retryOf)
      : await this.asked(owner, request);
    const channel = answerEventsChannel(this.config.REDIS_KEY_PREFIX, request.requestId);
    const publish = (event: AnswerEvent) => this.redis.publish(channel, JSON.stringify(event)).catch(() => 0);
    void publish({ type: 'accepted', userMessage: question });
    const cancellation = this.cancellations.track(request.requestId);
    try {
      const pipeline = new AnswerPipeline({
        knowledge: knowledgeForAnswers(this.knowledge),
        generator: this.generator,
        loops: this.loops.forActor(request.actor),
        tokenBudget: this.config.ANSWER_TOKEN_BUDGET,
      });
      const outcome = await pipeline.answer({ question: question.content, history, signal: cancellation.signal, onEvent: (event) => void publish(event) });
      this.metrics.record(outcome);
      const { citationValidity: _validity, tokensPerSecond: _speed, ...stored } = outcome;
      const answer = await this.conversations.addMessage(owner, request.conversationId, { role: 'assistant', ...stored });
      // Published before the reply is sent, so a streaming reader gets it ahead of the reply.
      await publish({ type: 'done', message: answer });
      return { question, answer };
    } catch (error) {
      this.logger.error('answering failed', { error: error instanceof Error ? error.stack : String(error), conversationId: request.conversationId });
      const failure = new ServiceFailure(500, 'ANSWER_FAILED', 'Melvin could not answer this time; your question is saved: ask again to retry');
      await publish({ type: 'error', code: failure.code, message: failure.message });
      throw failure;
    } finally {
      cancellation.done();
    }
  }

  /** A new question: stored first, so nothing typed is lost whatever happens next. */
  private async asked(owner: string, request: AskRequest): Promise<{ question: StoredMessage; history: ChatTurn[] }> {
    const history = (await this.transcripts.lastTurns(owner, request.conversationId, HISTORY_TURNS)).map(toTurn);
    const question = await this.conversations.addMessage(owner, request.conversationId, { role: 'user', content: request.content });
    return { question, history };
  }

  /** A retry answers the question before a failed or partial answer again, without storing it twice. */
  private async retried(owner: string, conversationId: string, retryOf: string): Promise<{ question: StoredMessage; history: ChatTurn[] }> {
    const messages = await this.transcripts.messages(owner, conversationId);
    const index = messages.findIndex((message) => message.id === retryOf && message.role === 'assistant');
    const question = index > 0 ? messages[index - 1] : undefined;
    if (!question || question.role !== 'user') throw new ServiceFailure(404, 'MESSAGE_NOT_FOUND', 'No answer to retry with that id in this conversation');
    return { question, history: messages.slice(0, index - 1).slice(-HISTORY_TURNS).map(toTurn) };
  }
}

function toTurn(message: StoredMessage): ChatTurn {
  return { role: message.role, content: message.content };
}
