import type { Citation } from '../citations/citation';

/** One turn of a conversation, as a chat model and the question reader need it. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** How an assistant message came about: written by the model, quoted from sources, or declined. */
export type AnswerMode = 'generated' | 'extractive' | 'refused';

export interface TranscriptMessage extends ChatTurn {
  citations?: Citation[];
  mode?: AnswerMode;
  /** ISO 8601. */
  createdAt: string;
  /** Marks such as "partial" (the stream broke off) or "reported" (a user flagged the answer). */
  flags?: string[];
}

export interface Transcript {
  title: string;
  /** ISO 8601. */
  createdAt: string;
  messages: TranscriptMessage[];
}
