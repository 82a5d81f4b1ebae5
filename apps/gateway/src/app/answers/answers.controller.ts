import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnswerPatterns, type AnswerEvent } from '@melvin/shared/contracts';
import type { GatewayConfig } from '../../config/env.schema';
import { actorOf, CurrentActor, type AuthenticatedActor } from '../auth/authenticated-actor';
import { Authenticated } from '../auth/guards';
import { ServiceClient } from '../services/service-client';
import { GATEWAY_CONFIG } from '../services/tokens';
import { AnswerEvents } from './answer-events';
import { AskDto } from './ask.dto';

/** Comments keep proxies from closing a stream while a slow model thinks. */
const KEEP_ALIVE_MS = 15_000;

@ApiTags('conversations')
@Controller('api/conversations')
@Authenticated()
export class AnswersController {
  constructor(
    private readonly services: ServiceClient,
    private readonly events: AnswerEvents,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Asks a question in a conversation. With `Accept: text/event-stream` the answer streams as
   * events (accepted, queued, retrieval, token, reset, done, error); otherwise the stored answer
   * comes back as JSON once it is complete.
   */
  @Post(':id/messages')
  @HttpCode(200)
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ description: 'JSON: {question, answer} as stored. SSE: the events, ending with done (the stored answer) or error' })
  async ask(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', new ParseUUIDPipe()) conversationId: string,
    @Body() body: AskDto,
    @Headers('accept') accept: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const requestId = randomUUID();
    const message = { actor: actorOf(actor), conversationId, content: body.content, requestId, ...(body.retryOf ? { retryOf: body.retryOf } : {}) };
    if (!accept?.includes('text/event-stream')) {
      response.status(200).json(await this.services.ask(AnswerPatterns.ask, message, this.config.ANSWER_TIMEOUT_MS));
      return;
    }
    response.status(200).set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.flushHeaders();
    let finished = false;
    const send = (event: AnswerEvent) => {
      if (finished) return;
      if (event.type === 'done' || event.type === 'error') finished = true;
      response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    const keepAlive = setInterval(() => response.write(': waiting\n\n'), KEEP_ALIVE_MS);
    const stopListening = await this.events.listen(requestId, send);
    // The response closing before the answer is done means the reader left (the request's own
    // 'close' fires as soon as its body has been read).
    response.on('close', () => {
      if (!finished) void this.events.cancel(requestId);
    });
    try {
      const reply = await this.services.ask<object, { answer: unknown }>(AnswerPatterns.ask, message, this.config.ANSWER_TIMEOUT_MS);
      // The reply and the events travel on different Redis connections: the reply can arrive first.
      send({ type: 'done', message: reply.answer });
    } catch (error) {
      // Refusals before answering (unknown conversation, bad input) arrive here, not as events.
      const failure = error as { getStatus?: () => number; getResponse?: () => unknown };
      const body = (failure.getResponse?.() ?? {}) as { code?: string; message?: string };
      if (!finished) send({ type: 'error', code: body.code ?? 'INTERNAL', message: body.message ?? 'Something went wrong on our side' });
    } finally {
      clearInterval(keepAlive);
      await stopListening();
      response.end();
    }
  }
}
