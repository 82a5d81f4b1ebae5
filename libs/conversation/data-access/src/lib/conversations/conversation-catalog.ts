import { Brackets, type DataSource, type Repository } from 'typeorm';
import { titleFromQuestion, UNTITLED } from '@melvin/conversation/domain';
import type { ConversationPage, ConversationSearchHit, ConversationSummary, MessageRole } from '@melvin/shared/contracts';
import { decodeActivityCursor, encodeActivityCursor } from './activity-cursor';
import { conversationNotFound } from './conversation-errors';
import { Conversation } from './conversation.entity';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, toHighlightedSnippet, withoutHighlightMarks } from './highlighted-snippet';

const PREVIEW_CHARS = 160;
/**
 * Searchable text kept per conversation. PostgreSQL refuses a tsvector over 1 MB; this stays far
 * below it. A conversation longer than this is found by its first 100k characters.
 */
const MAX_SEARCH_TEXT_CHARS = 100_000;
const SEARCH_CONFIG = 'english';
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export function toConversationSummary(conversation: Conversation): ConversationSummary {
  return {
    id: conversation.id,
    title: conversation.title ?? UNTITLED,
    archived: conversation.archived,
    messageCount: conversation.messageCount,
    lastPreview: conversation.lastPreview,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
  };
}

/** Titles are searched and highlighted too: no highlight marks in them. */
function cleanTitle(title: string): string {
  return withoutHighlightMarks(title).trim();
}

/** The start of a message, on one line, for conversation lists. */
function previewOf(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  return line.length <= PREVIEW_CHARS ? line : `${line.slice(0, PREVIEW_CHARS - 1).trimEnd()}…`;
}

/**
 * Conversation metadata in PostgreSQL. Every operation takes the owner's id and touches only
 * that owner's rows: someone else's conversation is CONVERSATION_NOT_FOUND, exactly like one
 * that never existed.
 */
export class ConversationCatalog {
  private readonly conversations: Repository<Conversation>;

  constructor(dataSource: DataSource) {
    this.conversations = dataSource.getRepository(Conversation);
  }

  async create(ownerId: string, input: { title?: string } = {}): Promise<ConversationSummary> {
    const saved = await this.conversations.save(this.conversations.create({ ownerId, title: cleanTitle(input.title ?? '') || null }));
    // Re-read for the database's defaults (timestamps at millisecond precision).
    return this.get(ownerId, saved.id);
  }

  async get(ownerId: string, conversationId: string): Promise<ConversationSummary> {
    const found = await this.conversations.findOneBy({ id: conversationId, ownerId });
    if (!found) throw conversationNotFound();
    return toConversationSummary(found);
  }

  /** Newest activity first; archived conversations only when asked for, and then only them. */
  async list(ownerId: string, options: { limit: number; before?: string; archived?: boolean }): Promise<ConversationPage> {
    const builder = this.conversations
      .createQueryBuilder('conversation')
      .where('conversation.ownerId = :ownerId', { ownerId })
      .andWhere('conversation.archived = :archived', { archived: options.archived ?? false });
    if (options.before) {
      const after = decodeActivityCursor(options.before);
      builder.andWhere(
        new Brackets((where) =>
          where
            .where('conversation.updatedAt < :cursorTime', { cursorTime: after.updatedAt })
            .orWhere('conversation.updatedAt = :cursorTime AND conversation.id < :cursorId', { cursorId: after.id }),
        ),
      );
    }
    const rows = await builder
      .orderBy('conversation.updatedAt', 'DESC')
      .addOrderBy('conversation.id', 'DESC')
      .take(options.limit + 1)
      .getMany();
    const items = rows.slice(0, options.limit);
    const last = items[items.length - 1];
    return { items: items.map(toConversationSummary), nextCursor: rows.length > options.limit && last ? encodeActivityCursor(last) : null };
  }

  /** Renaming and (un)archiving; neither counts as activity. */
  async update(ownerId: string, conversationId: string, change: { title?: string; archived?: boolean }): Promise<ConversationSummary> {
    const set: Partial<Conversation> = {};
    if (change.title !== undefined) set.title = cleanTitle(change.title) || null;
    if (change.archived !== undefined) set.archived = change.archived;
    if (Object.keys(set).length > 0) {
      const result = await this.conversations.update({ id: conversationId, ownerId }, set);
      if (!result.affected) throw conversationNotFound();
    }
    return this.get(ownerId, conversationId);
  }

  async remove(ownerId: string, conversationId: string): Promise<void> {
    const result = await this.conversations.delete({ id: conversationId, ownerId });
    if (!result.affected) throw conversationNotFound();
  }

  /**
   * Keeps the metadata in step with a message added to the transcript: count, preview, last
   * activity and searchable text; the first question names a conversation that has no title yet.
   * Call it once per message, with the message's final text (for a streamed answer: when it ends).
   */
  async recordMessage(ownerId: string, conversationId: string, message: { role: MessageRole; content: string }): Promise<ConversationSummary> {
    const text = withoutHighlightMarks(message.content);
    const result = await this.conversations
      .createQueryBuilder()
      .update(Conversation)
      .set({
        messageCount: () => 'message_count + 1',
        lastPreview: previewOf(text),
        updatedAt: () => 'now()',
        searchText: () => `left(concat_ws(E'\\n', nullif(search_text, ''), CAST(:text AS text)), ${MAX_SEARCH_TEXT_CHARS})`,
        ...(message.role === 'user' ? { title: () => 'COALESCE(title, :generatedTitle)' } : {}),
      })
      .where('id = :conversationId AND owner_id = :ownerId', { conversationId, ownerId })
      .setParameters({ text, generatedTitle: titleFromQuestion(text) })
      .execute();
    if (!result.affected) throw conversationNotFound();
    return this.get(ownerId, conversationId);
  }

  /**
   * Full-text search over titles and message text of one owner's conversations (archived ones
   * included), best match first, each with a snippet around what matched. The query is read as a
   * web search box would: words, "quoted phrases", -excluded words, or.
   */
  async search(ownerId: string, q: string, options: { limit: number }): Promise<ConversationSearchHit[]> {
    const query = `websearch_to_tsquery('${SEARCH_CONFIG}', :q)`;
    const { entities, raw } = await this.conversations
      .createQueryBuilder('conversation')
      .addSelect(`ts_rank_cd(conversation.search_vector, ${query})`, 'rank')
      .addSelect(
        `ts_headline('${SEARCH_CONFIG}', coalesce(conversation.title, '') || E'\\n' || conversation.search_text, ${query}, :headlineOptions)`,
        'headline',
      )
      .where('conversation.ownerId = :ownerId', { ownerId })
      .andWhere(`conversation.search_vector @@ ${query}`)
      .setParameters({ q, headlineOptions: HEADLINE_OPTIONS })
      .orderBy('rank', 'DESC')
      .addOrderBy('conversation.updatedAt', 'DESC')
      .addOrderBy('conversation.id', 'DESC')
      .limit(options.limit)
      .getRawAndEntities<{ conversation_id: string; headline: string }>();
    const headlines = new Map(raw.map((row) => [row.conversation_id, row.headline]));
    return entities.map((conversation) => ({
      conversation: toConversationSummary(conversation),
      snippet: toHighlightedSnippet(headlines.get(conversation.id) ?? ''),
    }));
  }
}
