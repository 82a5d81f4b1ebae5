import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConversationCatalog, TranscriptStore, type StoredMessage } from '@melvin/conversation/data-access';
import {
  ConversationPatterns,
  conversationRequests,
  type Actor,
  type ConversationDetail,
  type ConversationExport,
  type ConversationPage,
  type ConversationSearchHit,
  type ConversationSummary,
  type LowRatedAnswer,
} from '@melvin/shared/contracts';
import { ServiceErrorFilter, ServiceFailure } from '@melvin/shared/runtime';
import { ConversationService } from './conversation.service';

/** The admin check is repeated here: the gateway is not the only line of defence. */
function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new ServiceFailure(403, 'FORBIDDEN', 'Admins only');
}

/**
 * Conversation messages over Redis. Each request is re-parsed (the gateway deploys separately)
 * and everything is scoped to the actor: admins get no wider view here, except the low-rated list.
 */
@Controller()
@UseFilters(ServiceErrorFilter)
export class ConversationsController {
  constructor(
    private readonly catalog: ConversationCatalog,
    private readonly transcripts: TranscriptStore,
    private readonly conversations: ConversationService,
  ) {}

  @MessagePattern(ConversationPatterns.create)
  create(@Payload() message: unknown): Promise<ConversationSummary> {
    const { actor, title } = conversationRequests.create.parse(message).data;
    return this.catalog.create(actor.id, { title });
  }

  @MessagePattern(ConversationPatterns.list)
  list(@Payload() message: unknown): Promise<ConversationPage> {
    const { actor, ...page } = conversationRequests.list.parse(message).data;
    return this.catalog.list(actor.id, page);
  }

  @MessagePattern(ConversationPatterns.get)
  get(@Payload() message: unknown): Promise<ConversationDetail> {
    const { actor, conversationId } = conversationRequests.get.parse(message).data;
    return this.conversations.detail(actor.id, conversationId);
  }

  @MessagePattern(ConversationPatterns.update)
  update(@Payload() message: unknown): Promise<ConversationSummary> {
    const { actor, conversationId, title, archived } = conversationRequests.update.parse(message).data;
    return this.catalog.update(actor.id, conversationId, { title, archived });
  }

  @MessagePattern(ConversationPatterns.remove)
  async remove(@Payload() message: unknown): Promise<{ deleted: true }> {
    const { actor, conversationId } = conversationRequests.remove.parse(message).data;
    await this.conversations.remove(actor.id, conversationId);
    return { deleted: true };
  }

  @MessagePattern(ConversationPatterns.search)
  search(@Payload() message: unknown): Promise<ConversationSearchHit[]> {
    const { actor, q, limit } = conversationRequests.search.parse(message).data;
    return this.catalog.search(actor.id, q, { limit });
  }

  @MessagePattern(ConversationPatterns.export)
  export(@Payload() message: unknown): Promise<ConversationExport> {
    const { actor, conversationId, format } = conversationRequests.export.parse(message).data;
    return this.conversations.export(actor.id, conversationId, format);
  }

  @MessagePattern(ConversationPatterns.feedback)
  feedback(@Payload() message: unknown): Promise<StoredMessage> {
    const { actor, messageId, rating, comment } = conversationRequests.feedback.parse(message).data;
    return this.transcripts.setFeedback(actor.id, messageId, { rating, comment });
  }

  @MessagePattern(ConversationPatterns.lowRated)
  lowRated(@Payload() message: unknown): Promise<LowRatedAnswer[]> {
    const { actor, limit, before } = conversationRequests.lowRated.parse(message).data;
    requireAdmin(actor);
    return this.transcripts.lowRated({ limit, before });
  }
}
