import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  ANSWER_MODES,
  ANSWER_STATUSES,
  FEEDBACK_RATINGS,
  MESSAGE_ROLES,
  type AnswerStatus,
  type AnswerTimings,
  type FeedbackRating,
  type MessageRole,
  type RetrievalTraceEntry,
  type StoredAnswerMode,
  type StoredCitation,
} from '@melvin/shared/contracts';

/** One message of a transcript, one document each, as stored in MongoDB. */
export interface MessageRecord {
  conversationId: string;
  ownerId: string;
  /** 1, 2, 3… within the conversation; unique, so two writers cannot take the same place. */
  seq: number;
  role: MessageRole;
  content: string;
  createdAt: Date;
  mode?: StoredAnswerMode;
  status?: AnswerStatus;
  citations: StoredCitation[];
  invalidCitations: StoredCitation[];
  flags: string[];
  retrieval: RetrievalTraceEntry[];
  timings?: AnswerTimings;
  model?: string;
  tokens?: { prompt?: number; completion?: number };
  feedback?: { rating: FeedbackRating; comment?: string; at: Date };
}

export type MessageRecordWithId = MessageRecord & { _id: Types.ObjectId };

export const TRANSCRIPT_MESSAGE_MODEL = 'ConversationMessage';

const citationSchema = new Schema<StoredCitation>(
  { kind: { type: String, required: true }, target: { type: String, required: true }, label: String, url: String },
  { _id: false },
);

const retrievalEntrySchema = new Schema<RetrievalTraceEntry>(
  { id: { type: String, required: true }, kind: { type: String, required: true }, ref: { type: String, required: true }, score: { type: Number, required: true } },
  { _id: false },
);

export const MessageSchema = new Schema<MessageRecord>(
  {
    conversationId: { type: String, required: true },
    ownerId: { type: String, required: true },
    seq: { type: Number, required: true },
    role: { type: String, required: true, enum: MESSAGE_ROLES },
    content: { type: String, default: '' },
    createdAt: { type: Date, default: () => new Date() },
    mode: { type: String, enum: ANSWER_MODES },
    status: { type: String, enum: ANSWER_STATUSES },
    citations: { type: [citationSchema], default: [] },
    invalidCitations: { type: [citationSchema], default: [] },
    flags: { type: [String], default: [] },
    retrieval: { type: [retrievalEntrySchema], default: [] },
    timings: { type: new Schema({ retrievalMs: Number, firstTokenMs: Number, totalMs: Number }, { _id: false }) },
    model: String,
    tokens: { type: new Schema({ prompt: Number, completion: Number }, { _id: false }) },
    feedback: {
      type: new Schema(
        { rating: { type: String, required: true, enum: FEEDBACK_RATINGS }, comment: String, at: { type: Date, required: true } },
        { _id: false },
      ),
    },
  },
  { collection: 'conversation_messages', versionKey: false },
);
MessageSchema.index({ conversationId: 1, seq: 1 }, { unique: true });
// The admins' low-rated list reads down-rated answers newest rating first.
MessageSchema.index({ 'feedback.rating': 1, 'feedback.at': -1 });

/** The model on a plain connection, for code that runs without Nest (tests, the CLI). */
export function transcriptModel(connection: Connection): Model<MessageRecord> {
  return connection.models[TRANSCRIPT_MESSAGE_MODEL] ?? connection.model<MessageRecord>(TRANSCRIPT_MESSAGE_MODEL, MessageSchema);
}
