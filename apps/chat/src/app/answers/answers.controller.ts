import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AnswerPatterns, askRequestSchema } from '@melvin/shared/contracts';
import { ServiceErrorFilter } from '@melvin/shared/runtime';
import { AnswersService, type AskReply } from './answers.service';

@Controller()
@UseFilters(ServiceErrorFilter)
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  /** Replies when the answer is stored; its events stream on the request's Redis channel meanwhile. */
  @MessagePattern(AnswerPatterns.ask)
  ask(@Payload() message: unknown): Promise<AskReply> {
    return this.answers.ask(askRequestSchema.parse(message).data);
  }
}
