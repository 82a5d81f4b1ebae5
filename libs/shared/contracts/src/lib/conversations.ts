import { z } from 'zod';
import { envelopeSchema } from './envelope';
import { actorSchema } from './identity';

/**
 * Redis transport patterns of the conversation side of the chat service. Channel names are a wire
 * format shared with the gateway: change one only together with every consumer.
 */
export const ConversationPatterns = {
  create: 'chat.conversations.create',
  list: 'chat.conversations.list',
  get: 'chat.conversations.get',
  update: 'chat.conversations.update',
  remove: 'chat.conversations.delete',
  search: 'chat.conversations.search',
  export: 'chat.conversations.export',
  feedback: 'chat.conversations.feedback',
  /** Admins only: down-rated answers, stripped of everything but question, answer and sources. */
  lowRated: 'chat.admin.feedback.low-rated',
} as const;

export const MAX_CONVERSATION_TITLE_CHARS = 200;
export const MAX_FEEDBACK_COMMENT_CHARS = 1000;
export const MAX_CONVERSATION_SEARCH_CHARS = 200;
export const MAX_CONVERSATION_PAGE = 100;

export const MESSAGE_ROLES = ['user', 'assistant'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];
/** How an answer came about: written by the model, quoted from sources, declined, or a loop analysis. */
export const ANSWER_MODES = ['generated', 'extractive', 'refused', 'loop'] as const;
export type StoredAnswerMode = (typeof ANSWER_MODES)[number];
/** `partial`: the stream broke off; `failed`: nothing usable came back. */
export const ANSWER_STATUSES = ['complete', 'partial', 'failed'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
export const FEEDBACK_RATINGS = ['up', 'down'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];
export const CONVERSATION_EXPORT_FORMATS = ['markdown', 'json'] as const;
export type ConversationExportFormat = (typeof CONVERSATION_EXPORT_FORMATS)[number];

/** A message id as the transcript store hands it out (a MongoDB ObjectId in hex). */
export const messageIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'not a message id');
const conversationId = z.string().uuid();
const title = z.string().trim().min(1).max(MAX_CONVERSATION_TITLE_CHARS);
const asActor = { actor: actorSchema };

/** Requests of the conversation messages, each in the usual envelope. */
export const conversationRequests = {
  create: envelopeSchema(z.object({ ...asActor, title: title.optional() })),
  list: envelopeSchema(
    z.object({
      ...asActor,
      limit: z.number().int().min(1).max(MAX_CONVERSATION_PAGE).default(20),
      /** `nextCursor` of the previous page. */
      before: z.string().max(200).optional(),
      archived: z.boolean().default(false),
    }),
  ),
  get: envelopeSchema(z.object({ ...asActor, conversationId })),
  update: envelopeSchema(
    z
      .object({ ...asActor, conversationId, title: title.optional(), archived: z.boolean().optional() })
      .refine((change) => change.title !== undefined || change.archived !== undefined, { message: 'give a title or archived' }),
  ),
  remove: envelopeSchema(z.object({ ...asActor, conversationId })),
  search: envelopeSchema(
    z.object({ ...asActor, q: z.string().trim().min(1).max(MAX_CONVERSATION_SEARCH_CHARS), limit: z.number().int().min(1).max(50).default(20) }),
  ),
  export: envelopeSchema(z.object({ ...asActor, conversationId, format: z.enum(CONVERSATION_EXPORT_FORMATS) })),
  feedback: envelopeSchema(
    z.object({
      ...asActor,
      messageId: messageIdSchema,
      rating: z.enum(FEEDBACK_RATINGS),
      comment: z.string().trim().max(MAX_FEEDBACK_COMMENT_CHARS).optional(),
    }),
  ),
  lowRated: envelopeSchema(
    z.object({ ...asActor, limit: z.number().int().min(1).max(MAX_CONVERSATION_PAGE).default(50), before: z.string().datetime().optional() }),
  ),
};

/** A conversation's metadata; `updatedAt` is its last activity (a new message), not a rename. */
export interface ConversationSummary {
  id: string;
  title: string;
  archived: boolean;
  messageCount: number;
  /** The start of the newest message, for lists. */
  lastPreview: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass as `before` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** A citation as stored with an answer: kept as a reference, resolved to a link on export. */
export interface StoredCitation {
  kind: string;
  target: string;
  /** As written in the answer, e.g. `[CR 702.19b]`. */
  label?: string;
  url?: string;
}

/** One retrieved source an answer was built from. */
export interface RetrievalTraceEntry {
  id: string;
  kind: string;
  ref: string;
  score: number;
}

export interface AnswerTimings {
  retrievalMs?: number;
  firstTokenMs?: number;
  totalMs?: number;
}

export interface AnswerFeedback {
  rating: FeedbackRating;
  comment?: string;
  /** ISO 8601. */
  at: string;
}

/** One message of a transcript; the answer-only fields are absent on questions. */
export interface ConversationMessage {
  id: string;
  conversationId: string;
  seq: number;
  role: MessageRole;
  content: string;
  createdAt: string;
  mode?: StoredAnswerMode;
  status?: AnswerStatus;
  citations: StoredCitation[];
  invalidCitations: StoredCitation[];
  flags: string[];
  retrieval: RetrievalTraceEntry[];
  timings?: AnswerTimings;
  model?: string;
  tokens?: { prompt?: number; completion?: number };
  feedback?: AnswerFeedback;
}

export interface ConversationDetail extends ConversationSummary {
  messages: ConversationMessage[];
}

/** Search snippet as plain text with the matched ranges: clients highlight without parsing markup. */
export interface HighlightedSnippet {
  text: string;
  highlights: Array<{ start: number; end: number }>;
}

export interface ConversationSearchHit {
  conversation: ConversationSummary;
  snippet: HighlightedSnippet;
}

export interface ConversationExport {
  contentType: string;
  filename: string;
  body: string;
}

/** What admins see of a down-rated answer: the question, the answer and its sources, nothing else. */
export interface LowRatedAnswer {
  messageId: string;
  question: string | null;
  answer: string;
  mode?: StoredAnswerMode;
  citations: StoredCitation[];
  retrieval: RetrievalTraceEntry[];
  /** The rater's own words about what was wrong, when they gave any. */
  comment?: string;
  ratedAt: string;
}
