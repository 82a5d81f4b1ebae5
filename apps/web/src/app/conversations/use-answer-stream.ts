import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerEvent, ConversationMessage } from '@melvin/shared/contracts';
import { useApi } from '../api-context';
import { streamAnswer } from './answer-stream';

export interface RetrievalInfo {
  sources: unknown[];
  cards: string[];
  ambiguous: Array<{ matched: string; candidates: string[] }>;
}

export interface AnswerStreamState {
  phase: 'idle' | 'sending' | 'streaming' | 'failed';
  /** The question in flight (or that failed), so a retry can send it again. */
  question: string;
  queuedAhead: number | null;
  retrieval: RetrievalInfo | null;
  /** Answer text streamed so far. */
  text: string;
  error: { code: string; message: string } | null;
  /** What a failed answer left behind, when the server kept it. */
  partial: ConversationMessage | null;
  /** The id a retry names; see `retryTarget`. */
  retryOf: string | undefined;
}

const idle: AnswerStreamState = { phase: 'idle', question: '', queuedAhead: null, retrieval: null, text: '', error: null, partial: null, retryOf: undefined };

export interface AnswerStreamCallbacks {
  /** The question is stored: it joins the transcript and the input may be cleared. */
  onAccepted: (question: ConversationMessage | null, content: string) => void;
  /** The stored answer replaces the streamed text. */
  onDone: (answer: ConversationMessage) => void;
}

function isMessage(value: unknown): value is ConversationMessage {
  return typeof value === 'object' && value !== null && typeof (value as ConversationMessage).id === 'string' && typeof (value as ConversationMessage).content === 'string';
}

/** The state of one question being answered in a conversation, driven by the answer events. */
export function useAnswerStream(conversationId: string, callbacks: AnswerStreamCallbacks) {
  const api = useApi();
  const [state, setState] = useState<AnswerStreamState>(idle);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef(callbacks);
  latest.current = callbacks;

  useEffect(() => () => controller.current?.abort(), [conversationId]);

  const ask = useCallback(
    (content: string, retryOf?: string) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      let acceptedId: string | undefined;
      setState({ ...idle, phase: 'sending', question: content, retryOf });

      const apply = (event: AnswerEvent) => {
        if (current.signal.aborted) return;
        switch (event.type) {
          case 'accepted': {
            const question = isMessage(event.userMessage) ? event.userMessage : null;
            acceptedId = question?.id;
            setState((previous) => ({ ...previous, phase: 'streaming' }));
            latest.current.onAccepted(question, content);
            break;
          }
          case 'queued':
            setState((previous) => ({ ...previous, phase: 'streaming', queuedAhead: event.position }));
            break;
          case 'retrieval':
            setState((previous) => ({ ...previous, phase: 'streaming', queuedAhead: null, retrieval: { sources: event.sources ?? [], cards: event.cards ?? [], ambiguous: event.ambiguous ?? [] } }));
            break;
          case 'token':
            setState((previous) => ({ ...previous, phase: 'streaming', queuedAhead: null, text: previous.text + event.text }));
            break;
          case 'reset':
            setState((previous) => ({ ...previous, text: '' }));
            break;
          case 'done':
            if (isMessage(event.message)) latest.current.onDone(event.message);
            setState(idle);
            break;
          case 'error': {
            const partial = isMessage(event.partial) ? event.partial : null;
            // Retry names the answer that failed; without one, the stored question, so it is not asked twice.
            const retryTarget = partial?.id ?? acceptedId ?? retryOf;
            setState((previous) => ({ ...previous, phase: 'failed', queuedAhead: null, error: { code: event.code, message: event.message }, partial, retryOf: retryTarget }));
            break;
          }
        }
      };
      void streamAnswer(api, conversationId, { content, retryOf }, apply, current.signal);
    },
    [api, conversationId],
  );

  const retry = useCallback(() => ask(state.question, state.retryOf), [ask, state.question, state.retryOf]);
  const dismiss = useCallback(() => setState(idle), []);

  return { state, ask, retry, dismiss };
}
