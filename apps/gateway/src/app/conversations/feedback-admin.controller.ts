import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConversationPatterns, type LowRatedAnswer } from '@melvin/shared/contracts';
import { actorOf, CurrentActor, type AuthenticatedActor } from '../auth/authenticated-actor';
import { Authenticated } from '../auth/guards';
import { ServiceClient } from '../services/service-client';
import { LowRatedQuery } from './conversations.dto';

/** The one admin view of users' conversations: answers rated down, to find what Melvin gets wrong. */
@ApiTags('admin')
@Controller('api/admin/feedback')
@Authenticated('admin')
export class FeedbackAdminController {
  constructor(private readonly services: ServiceClient) {}

  @Get('low-rated')
  @ApiOkResponse({ description: 'Down-rated answers, newest rating first: question, answer, citations, retrieval trace and the comment; nothing else' })
  lowRated(@CurrentActor() actor: AuthenticatedActor, @Query() query: LowRatedQuery): Promise<LowRatedAnswer[]> {
    return this.services.ask(ConversationPatterns.lowRated, { actor: actorOf(actor), limit: query.limit ?? 50, ...(query.before ? { before: query.before } : {}) });
  }
}
