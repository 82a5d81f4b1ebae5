import { Injectable } from '@nestjs/common';
import { ConversationCatalog, TranscriptStore, type NewMessage, type StoredMessage } from '@melvin/conversation/data-access';
import type { ConversationDetail, ConversationExport, ConversationExportFormat } from '@melvin/shared/contracts';
import { exportConversation } from './conversation-export';

/**
 * The operations that span both stores: metadata in PostgreSQL, transcript in MongoDB. Each
 * checks ownership on the catalog first, so another user's conversation is 404 before any
 * message is read or written.
 */
@Injectable()
export class ConversationService {
  constructor(
    private readonly catalog: ConversationCatalog,
    private readonly transcripts: TranscriptStore,
  ) {}

  async detail(ownerId: string, conversationId: string): Promise<ConversationDetail> {
    const summary = await this.catalog.get(ownerId, conversationId);
    return { ...summary, messages: await this.transcripts.messages(ownerId, conversationId) };
  }

  /** For the answering pipeline: a message with its text final, recorded in both stores. */
  async addMessage(ownerId: string, conversationId: string, message: NewMessage): Promise<StoredMessage> {
    await this.catalog.recordMessage(ownerId, conversationId, message);
    return this.transcripts.append(ownerId, conversationId, message);
  }

  /**
   * The transcript goes first: if removing the metadata then fails, the user still sees the
   * conversation and can delete it again, instead of messages lingering where nobody can reach them.
   */
  async remove(ownerId: string, conversationId: string): Promise<void> {
    await this.catalog.get(ownerId, conversationId);
    await this.transcripts.deleteConversation(ownerId, conversationId);
    await this.catalog.remove(ownerId, conversationId);
  }

  async export(ownerId: string, conversationId: string, format: ConversationExportFormat): Promise<ConversationExport> {
    return exportConversation(await this.detail(ownerId, conversationId), format);
  }
}
