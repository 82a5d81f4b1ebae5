import type { ChatTurn, RetrievedSource } from '@melvin/conversation/domain';
import type { AnswerEvent, AnswerTimings, RetrievalTraceEntry, StoredAnswerMode, StoredCitation } from '@melvin/shared/contracts';

/** What the pipeline needs from the knowledge base; chat and the CLI each provide one. */
export interface AnswerKnowledge {
  /** Best sources for a query, most relevant first (lexical, structural and, when configured, dense). */
  search(query: string, k: number, kinds?: Array<RetrievedSource['kind']>): Promise<RetrievedSource[]>;
  /** Card names written verbatim in plain text (for questions that name cards without brackets). */
  findCardNames(text: string): string[];
  /** [[Bracketed]] names that did not settle on one card, with "did you mean" candidates. */
  ambiguousNames(text: string): Array<{ matched: string; candidates: string[] }>;
  ruleExists(number: string): boolean;
  cardExists(name: string): boolean;
}

/** One loop as the loop engine reports it (only what an answer quotes). */
export interface LoopFinding {
  cards: string[];
  outcomes: string[];
  mandatory: boolean;
  requires: string[];
  steps: Array<{ card: string; ability: string; effect: string }>;
}

/** Asks the loop engine about named cards; null when it cannot be reached (the answer goes on without it). */
export interface LoopChecker {
  analyse(cardNames: string[]): Promise<{ cards: string[]; loops: LoopFinding[] } | null>;
}

export interface AnswerRequest {
  question: string;
  /** The last turns of the conversation, oldest first. */
  history: ChatTurn[];
  signal?: AbortSignal;
  onEvent(event: AnswerEvent): void;
}

/** Everything stored with an answer besides the question. */
export interface AnswerOutcome {
  content: string;
  mode: StoredAnswerMode;
  status: 'complete' | 'partial' | 'failed';
  citations: StoredCitation[];
  invalidCitations: StoredCitation[];
  flags: string[];
  retrieval: RetrievalTraceEntry[];
  timings: AnswerTimings;
  model?: string;
  tokens?: { prompt?: number; completion?: number };
  /** Share of the answer's citations that point at something real (1 when it has none). */
  citationValidity: number;
  tokensPerSecond?: number;
}
