import { citationFor } from '../citations/source-citation';
import { byRelevance, type RetrievedSource } from '../sources/retrieved-source';
import { estimateTokens } from '../text/estimate-tokens';
import type { ChatTurn } from '../transcript/transcript';

export interface PromptInput {
  question: string;
  /** Earlier turns of the conversation, oldest first. */
  history: readonly ChatTurn[];
  sources: readonly RetrievedSource[];
  /** The most the whole prompt may take, in `estimateTokens` units. */
  tokenBudget: number;
  /** For the second try after an answer that cited nothing valid. */
  strict?: boolean;
}

export interface ChatPrompt {
  system: string;
  /** History that fit, then the numbered sources with the question. */
  messages: ChatTurn[];
  /** The sources the model was shown, most relevant first: check its citations against these. */
  sources: RetrievedSource[];
}

/** History never takes more than this share of the budget: the sources matter more. */
const HISTORY_SHARE = 0.25;

const SYSTEM = [
  'You are Melvin, a Magic: The Gathering rules assistant who answers the way a tournament judge would.',
  'Answer only from the numbered sources in the last message. They are excerpts of the Comprehensive Rules, Oracle card text and official rulings.',
  'Back every statement about the rules or a card with the citation printed after "cite as" for the source it comes from, copied exactly, in square brackets: [CR 702.19b], [Card: Name] or [Ruling: Name, YYYY-MM-DD].',
  'Never cite a rule, card or ruling that is not among the numbered sources, and never cite from memory.',
  'If the sources do not cover the question, say plainly that you do not know from the rules and cards you were given, instead of guessing.',
  'Start with a short, direct answer, then explain briefly. Do not mention source numbers.',
].join('\n');

const STRICT = [
  'Your previous answer had no valid citation, so it could not be shown.',
  'This time, end every sentence that states a rule or what a card does with one of the citations listed after "cite as", copied exactly.',
  'If no source supports an answer, reply only: "I don\'t know from the rules and cards I have."',
].join('\n');

/**
 * The chat-model prompt for one question: standing instructions in the system message, then as
 * much recent history as fits, then the question with its sources, most relevant first and cut to
 * the token budget. A source that does not fit is skipped rather than truncated (half a rule can
 * say the opposite of the whole), and smaller ones after it may still fit.
 */
export function buildPrompt({ question, history, sources, tokenBudget, strict = false }: PromptInput): ChatPrompt {
  const system = strict ? `${SYSTEM}\n\n${STRICT}` : SYSTEM;
  const fixed = estimateTokens(system) + estimateTokens(questionBlock(question, ''));
  const recent = recentHistory(history, Math.floor(tokenBudget * HISTORY_SHARE));
  const historyTokens = recent.reduce((sum, turn) => sum + estimateTokens(turn.content), 0);

  let left = tokenBudget - fixed - historyTokens;
  const shown: RetrievedSource[] = [];
  const entries: string[] = [];
  for (const source of byRelevance(sources)) {
    const entry = sourceEntry(source, entries.length + 1);
    const cost = estimateTokens(entry + '\n\n');
    if (cost > left) continue;
    left -= cost;
    shown.push(source);
    entries.push(entry);
  }
  return { system, messages: [...recent, { role: 'user', content: questionBlock(question, entries.join('\n\n')) }], sources: shown };
}

function questionBlock(question: string, sources: string): string {
  const listed = sources === '' ? 'Sources: none were found for this question.' : `Sources:\n\n${sources}`;
  return `${listed}\n\nQuestion: ${question.trim()}`;
}

function sourceEntry(source: RetrievedSource, number: number): string {
  const citation = citationFor(source);
  const how = citation ? `cite as ${citation}` : 'background only, do not cite';
  return `[${number}] ${describe(source)} (${how})\n${source.text.trim()}`;
}

function describe(source: RetrievedSource): string {
  switch (source.kind) {
    case 'rule':
      return `Comprehensive Rules ${source.ref}`;
    case 'glossary':
      return `Comprehensive Rules glossary: ${source.ref}`;
    case 'card':
      return `Card: ${source.ref}`;
    case 'ruling':
      return `Ruling on ${source.ref}`;
  }
}

/** The latest turns that fit, oldest first, opening with a user turn. */
function recentHistory(history: readonly ChatTurn[], budget: number): ChatTurn[] {
  const kept: ChatTurn[] = [];
  let left = budget;
  for (let i = history.length - 1; i >= 0; i--) {
    const cost = estimateTokens(history[i].content);
    if (cost > left) break;
    left -= cost;
    kept.unshift(history[i]);
  }
  // Chat models expect the conversation to open with the user.
  while (kept[0]?.role === 'assistant') kept.shift();
  return kept;
}
