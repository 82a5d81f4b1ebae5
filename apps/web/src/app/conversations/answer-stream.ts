import type { AnswerEvent, ConversationMessage } from '@melvin/shared/contracts';
import { ApiRequestError, readSseStream, type ApiClient } from '@melvin/web/ui';

export interface AskBody {
  content: string;
  /** Id of the failed or partial answer being produced again. */
  retryOf?: string;
}

const EVENT_TYPES = new Set<AnswerEvent['type']>(['accepted', 'queued', 'retrieval', 'token', 'reset', 'done', 'error']);

/** Turns one SSE message into an answer event; anything unknown or malformed is dropped. */
export function toAnswerEvent(name: string, data: string): AnswerEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const type = ((parsed as { type?: unknown }).type ?? name) as AnswerEvent['type'];
  return EVENT_TYPES.has(type) ? ({ ...parsed, type } as AnswerEvent) : null;
}

/**
 * Asks a question and hands every answer event to `onEvent` as it arrives. EventSource cannot
 * POST, so this reads the `text/event-stream` body with fetch. Always ends with a `done` or an
 * `error` event: a refusal before streaming, a broken connection or a stream that stops early
 * become `error` events too, so the caller has one place to handle failure.
 */
export async function streamAnswer(api: ApiClient, conversationId: string, body: AskBody, onEvent: (event: AnswerEvent) => void, signal?: AbortSignal): Promise<void> {
  let finished = false;
  const emit = (event: AnswerEvent) => {
    if (finished) return;
    if (event.type === 'done' || event.type === 'error') finished = true;
    onEvent(event);
  };
  try {
    const response = await api.raw(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, {
      method: 'POST',
      body: { content: body.content, ...(body.retryOf ? { retryOf: body.retryOf } : {}) },
      headers: { accept: 'text/event-stream' },
      signal,
    });
    if (!response.headers.get('content-type')?.includes('text/event-stream') || !response.body) {
      // A server that answers in one piece: {question, answer} as stored.
      const whole = (await response.json()) as { question?: ConversationMessage; answer?: ConversationMessage };
      if (whole.question) emit({ type: 'accepted', userMessage: whole.question });
      if (whole.answer) emit({ type: 'done', message: whole.answer });
    } else {
      await readSseStream(response.body, (message) => {
        const event = toAnswerEvent(message.event, message.data);
        if (event) emit(event);
      });
    }
    if (!finished) emit({ type: 'error', code: 'STREAM_ENDED', message: 'The answer stopped before it was finished.' });
  } catch (error) {
    if (signal?.aborted) return;
    if (error instanceof ApiRequestError) emit({ type: 'error', code: error.code, message: error.message });
    else emit({ type: 'error', code: 'NETWORK', message: 'The connection to Melvin broke off before the answer was finished.' });
  }
}
