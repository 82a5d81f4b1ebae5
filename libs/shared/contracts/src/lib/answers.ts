import { z } from 'zod';
import { actorSchema } from './identity';
import { envelopeSchema } from './envelope';

/** Longest question Melvin takes: a long judge scenario fits; a pasted book does not. */
export const MAX_QUESTION_CHARS = 4_000;

export const askRequestSchema = envelopeSchema(
  z.object({
    actor: actorSchema,
    conversationId: z.string().uuid(),
    content: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
    /** Names the Redis channels this answer's events and cancellation travel on. */
    requestId: z.string().uuid(),
    /** Retry of a failed or partial answer: the question is not stored again. */
    retryOf: z.string().max(64).optional(),
  }),
);
export type AskRequest = z.infer<typeof askRequestSchema>['data'];

/**
 * Answer events travel from chat to the gateway over Redis pub/sub (the request itself is an RPC),
 * then to the browser as Server-Sent Events with the same names.
 */
export type AnswerEvent =
  | { type: 'accepted'; userMessage: unknown }
  | { type: 'queued'; position: number }
  | { type: 'retrieval'; sources: unknown[]; cards: string[]; ambiguous: Array<{ matched: string; candidates: string[] }>; elapsedMs: number }
  | { type: 'token'; text: string }
  /** The text streamed so far is replaced (a retry with a stricter prompt, or a fallback). */
  | { type: 'reset'; reason: string }
  | { type: 'done'; message: unknown }
  | { type: 'error'; code: string; message: string; partial?: unknown };

/** Channels are per answer; the install's key prefix keeps several Melvins on one Redis apart. */
export function answerEventsChannel(prefix: string, requestId: string): string {
  return `${prefix}:answers:${requestId}:events`;
}

export function answerCancelChannel(prefix: string, requestId: string): string {
  return `${prefix}:answers:${requestId}:cancel`;
}

/** The pattern chat subscribes to once, to hear every cancellation. */
export function answerCancelPattern(prefix: string): string {
  return `${prefix}:answers:*:cancel`;
}

export const AnswerPatterns = {
  ask: 'chat.answers.ask',
} as const;
