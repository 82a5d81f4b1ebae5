import type { Model } from 'mongoose';
import type { ConversationMessage, FeedbackRating, LowRatedAnswer, MessageRole } from '@melvin/shared/contracts';
import { conversationNotFound, messageNotFound, notAnAnswer } from '../conversations/conversation-errors';
import type { MessageRecord, MessageRecordWithId } from './message.schema';

/** The transcript hands messages out in the shape the API shows them. */
export type StoredMessage = ConversationMessage;

/** What the answering pipeline records about an answer, besides its text. */
export type AnswerDetails = Partial<
  Pick<ConversationMessage, 'mode' | 'status' | 'citations' | 'invalidCitations' | 'flags' | 'retrieval' | 'timings' | 'model' | 'tokens'>
>;
export type NewMessage = { role: MessageRole; content: string } & AnswerDetails;
export type MessageChanges = { content?: string } & AnswerDetails;

const MESSAGE_ID = /^[a-f0-9]{24}$/;
/** Two appends racing for one seq: the unique index refuses the loser, which takes the next one. */
const APPEND_ATTEMPTS = 5;
const DUPLICATE_KEY = 11000;

function toStoredMessage(record: MessageRecordWithId): StoredMessage {
  return {
    id: record._id.toHexString(),
    conversationId: record.conversationId,
    seq: record.seq,
    role: record.role,
    content: record.content,
    createdAt: record.createdAt.toISOString(),
    ...(record.mode ? { mode: record.mode } : {}),
    ...(record.status ? { status: record.status } : {}),
    citations: record.citations ?? [],
    invalidCitations: record.invalidCitations ?? [],
    flags: record.flags ?? [],
    retrieval: record.retrieval ?? [],
    ...(record.timings ? { timings: record.timings } : {}),
    ...(record.model ? { model: record.model } : {}),
    ...(record.tokens ? { tokens: record.tokens } : {}),
    ...(record.feedback
      ? { feedback: { rating: record.feedback.rating, ...(record.feedback.comment ? { comment: record.feedback.comment } : {}), at: record.feedback.at.toISOString() } }
      : {}),
  };
}

/** Only the fields given: an `undefined` in a change means "leave it", not "erase it". */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Transcripts in MongoDB, one document per message. Every read and write names the owner: a
 * message of someone else's conversation is not found, exactly like one that does not exist.
 */
export class TranscriptStore {
  constructor(private readonly messagesModel: Model<MessageRecord>) {}

  /** Adds a message at the end of the conversation (seq = last + 1). */
  async append(ownerId: string, conversationId: string, message: NewMessage): Promise<StoredMessage> {
    for (let attempt = 1; ; attempt += 1) {
      const last = await this.messagesModel.findOne({ conversationId }).sort({ seq: -1 }).select({ seq: 1, ownerId: 1 }).lean();
      if (last && last.ownerId !== ownerId) throw conversationNotFound();
      try {
        const created = await this.messagesModel.create({ ...definedOnly(message), conversationId, ownerId, seq: (last?.seq ?? 0) + 1 });
        return toStoredMessage(created.toObject());
      } catch (error) {
        if ((error as { code?: number }).code !== DUPLICATE_KEY || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** Changes a message in place: a streamed answer's text and details as they arrive. */
  async update(ownerId: string, messageId: string, changes: MessageChanges): Promise<StoredMessage> {
    if (!MESSAGE_ID.test(messageId)) throw messageNotFound();
    return this.setFields(ownerId, messageId, definedOnly(changes));
  }

  /** The whole transcript, oldest first. */
  async messages(ownerId: string, conversationId: string): Promise<StoredMessage[]> {
    const found = await this.messagesModel.find({ ownerId, conversationId }).sort({ seq: 1 }).lean<MessageRecordWithId[]>();
    return found.map(toStoredMessage);
  }

  /** The newest `n` messages, oldest first: the context a follow-up question is read in. */
  async lastTurns(ownerId: string, conversationId: string, n: number): Promise<StoredMessage[]> {
    const found = await this.messagesModel.find({ ownerId, conversationId }).sort({ seq: -1 }).limit(n).lean<MessageRecordWithId[]>();
    return found.reverse().map(toStoredMessage);
  }

  /** Thumbs up or down on one of the owner's answers; a second rating replaces the first. */
  async setFeedback(ownerId: string, messageId: string, feedback: { rating: FeedbackRating; comment?: string }): Promise<StoredMessage> {
    if (!MESSAGE_ID.test(messageId)) throw messageNotFound();
    const message = await this.messagesModel.findOne({ _id: messageId, ownerId }).select({ role: 1 }).lean();
    if (!message) throw messageNotFound();
    if (message.role !== 'assistant') throw notAnAnswer();
    const comment = feedback.comment?.trim();
    return this.setFields(ownerId, messageId, { feedback: { rating: feedback.rating, ...(comment ? { comment } : {}), at: new Date() } });
  }

  /**
   * Down-rated answers, most recently rated first, for the admins: each with the question asked
   * just before it, its citations and retrieval trace. Nothing else of the conversation leaves.
   */
  async lowRated(options: { limit: number; before?: string }): Promise<LowRatedAnswer[]> {
    const answers = await this.messagesModel
      .find({ role: 'assistant', 'feedback.rating': 'down', ...(options.before ? { 'feedback.at': { $lt: new Date(options.before) } } : {}) })
      .sort({ 'feedback.at': -1, _id: -1 })
      .limit(options.limit)
      .lean<MessageRecordWithId[]>();
    return Promise.all(
      answers.map(async (answer) => {
        const question = await this.messagesModel
          .findOne({ conversationId: answer.conversationId, ownerId: answer.ownerId, role: 'user', seq: { $lt: answer.seq } })
          .sort({ seq: -1 })
          .select({ content: 1 })
          .lean();
        return {
          messageId: answer._id.toHexString(),
          question: question?.content ?? null,
          answer: answer.content,
          ...(answer.mode ? { mode: answer.mode } : {}),
          citations: answer.citations ?? [],
          retrieval: answer.retrieval ?? [],
          ...(answer.feedback?.comment ? { comment: answer.feedback.comment } : {}),
          ratedAt: (answer.feedback?.at ?? answer.createdAt).toISOString(),
        };
      }),
    );
  }

  /** Removes every message of the conversation; returns how many there were. */
  async deleteConversation(ownerId: string, conversationId: string): Promise<number> {
    const result = await this.messagesModel.deleteMany({ ownerId, conversationId });
    return result.deletedCount;
  }

  private async setFields(ownerId: string, messageId: string, fields: Partial<MessageRecord>): Promise<StoredMessage> {
    const updated = await this.messagesModel
      .findOneAndUpdate({ _id: messageId, ownerId }, { $set: fields }, { returnDocument: 'after' })
      .lean<MessageRecordWithId>();
    if (!updated) throw messageNotFound();
    return toStoredMessage(updated);
  }
}
