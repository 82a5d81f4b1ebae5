import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ConversationPatterns,
  type ConversationDetail,
  type ConversationExport,
  type ConversationMessage,
  type ConversationPage,
  type ConversationSearchHit,
  type ConversationSummary,
} from '@melvin/shared/contracts';
import { actorOf, CurrentActor, type AuthenticatedActor } from '../auth/authenticated-actor';
import { Authenticated } from '../auth/guards';
import { ServiceClient } from '../services/service-client';
import {
  CreateConversationDto,
  ExportConversationQuery,
  FeedbackDto,
  ListConversationsQuery,
  MessageParams,
  SearchConversationsQuery,
  UpdateConversationDto,
} from './conversations.dto';

const conversationId = () => new ParseUUIDPipe();

/** Your conversations with Melvin. Nobody else's are reachable here: they answer 404, admins included. */
@ApiTags('conversations')
@Controller('api/conversations')
@Authenticated()
export class ConversationsController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @ApiCreatedResponse({ description: 'The new, empty conversation' })
  create(@CurrentActor() actor: AuthenticatedActor, @Body() body: CreateConversationDto): Promise<ConversationSummary> {
    return this.services.ask(ConversationPatterns.create, { actor: actorOf(actor), ...(body.title ? { title: body.title } : {}) });
  }

  @Get()
  @ApiOkResponse({ description: '{items, nextCursor}: newest activity first; pass nextCursor as before for the next page' })
  @ApiBadRequestResponse({ description: 'INVALID_CURSOR' })
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: ListConversationsQuery): Promise<ConversationPage> {
    return this.services.ask(ConversationPatterns.list, {
      actor: actorOf(actor),
      limit: query.limit ?? 20,
      archived: query.archived ?? false,
      ...(query.before ? { before: query.before } : {}),
    });
  }

  // Declared before `:id` so that "search" is never taken for a conversation id.
  @Get('search')
  @ApiOkResponse({ description: '[{conversation, snippet: {text, highlights: [{start, end}]}}], best match first; archived ones included' })
  search(@CurrentActor() actor: AuthenticatedActor, @Query() query: SearchConversationsQuery): Promise<ConversationSearchHit[]> {
    return this.services.ask(ConversationPatterns.search, { actor: actorOf(actor), q: query.q, limit: query.limit ?? 20 });
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The conversation with every message, oldest first' })
  @ApiNotFoundResponse({ description: 'CONVERSATION_NOT_FOUND (also for conversations of other users)' })
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', conversationId()) id: string): Promise<ConversationDetail> {
    return this.services.ask(ConversationPatterns.get, { actor: actorOf(actor), conversationId: id });
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'Renamed and/or (un)archived; its place in the list does not change' })
  @ApiNotFoundResponse({ description: 'CONVERSATION_NOT_FOUND' })
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', conversationId()) id: string,
    @Body() body: UpdateConversationDto,
  ): Promise<ConversationSummary> {
    return this.services.ask(ConversationPatterns.update, { actor: actorOf(actor), conversationId: id, ...body });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its whole transcript' })
  @ApiNotFoundResponse({ description: 'CONVERSATION_NOT_FOUND' })
  async remove(@CurrentActor() actor: AuthenticatedActor, @Param('id', conversationId()) id: string): Promise<void> {
    await this.services.ask(ConversationPatterns.remove, { actor: actorOf(actor), conversationId: id });
  }

  @Get(':id/export')
  @ApiProduces('text/markdown', 'application/json')
  @ApiOkResponse({ description: 'A download: Markdown (citations kept as written, linked in a References list) or JSON (each citation with its link)' })
  @ApiNotFoundResponse({ description: 'CONVERSATION_NOT_FOUND' })
  async export(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', conversationId()) id: string,
    @Query() query: ExportConversationQuery,
    @Res() response: Response,
  ): Promise<void> {
    const exported = await this.services.ask<object, ConversationExport>(ConversationPatterns.export, {
      actor: actorOf(actor),
      conversationId: id,
      format: query.format ?? 'markdown',
    });
    response.status(200).type(exported.contentType).setHeader('Content-Disposition', `attachment; filename="${exported.filename}"`).send(exported.body);
  }

  @Post('messages/:messageId/feedback')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The answer with your rating; rating again replaces it' })
  @ApiBadRequestResponse({ description: 'NOT_AN_ANSWER (your own questions cannot be rated)' })
  @ApiNotFoundResponse({ description: 'MESSAGE_NOT_FOUND (also for messages of other users)' })
  feedback(@CurrentActor() actor: AuthenticatedActor, @Param() params: MessageParams, @Body() body: FeedbackDto): Promise<ConversationMessage> {
    return this.services.ask(ConversationPatterns.feedback, {
      actor: actorOf(actor),
      messageId: params.messageId,
      rating: body.rating,
      ...(body.comment?.trim() ? { comment: body.comment } : {}),
    });
  }
}
