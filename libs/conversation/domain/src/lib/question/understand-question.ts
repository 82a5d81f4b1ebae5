import { findRuleNumbers } from '@melvin/knowledge/domain';
import { parseCitations } from '../citations/citation';
import { contentTerms, isStopword, stem, words } from '../text/terms';
import type { ChatTurn } from '../transcript/transcript';
import { ABOUT_MAGIC_THRESHOLD, aboutMagicScore, OFF_TOPIC_REFUSAL } from './about-magic';
import { namesSomethingNew, readsAsFollowUp } from './follow-up';

export interface UnderstoodQuestion {
  /** Canonical rule numbers the question mentions, in order ("702.19b", "613"). */
  ruleNumbers: string[];
  /** Cards the question names: as [[Name]], and in plain text when a card finder is given. */
  cardNames: string[];
  /** Present when the question continues the conversation and leans on what came before. */
  followUp: FollowUp | null;
  /** What to search the knowledge base for: the question, plus carried context for follow-ups. */
  retrievalQuery: string;
  /** "Do X and Y go infinite?", "is this a combo?", "does it loop?" */
  asksAboutLoops: boolean;
  /** How strongly the question (or, for a follow-up, the conversation) reads as Magic. */
  magicScore: number;
  aboutMagic: boolean;
  /** The polite refusal to give instead of an answer, when the question is not about Magic. */
  refusal: string | null;
}

export interface UnderstandOptions {
  /**
   * Card names the knowledge base recognises in plain text. Without it only [[Name]] mentions are
   * known cards, and other capitalised names count as a weaker hint.
   */
  findCardNames?: (text: string) => string[];
}

export interface FollowUp {
  /** Cards carried over from earlier turns (asked about, or cited in the answers). */
  cardNames: string[];
  /** Words of the earlier question added to the search. */
  topic: string[];
  /** One line telling the user how the question was read, so a wrong guess is easy to spot. */
  note: string;
}

const LOOP_WORDS =
  /\b(?:infinite(?:ly)?|infinity|loops?|looping|looped|combos?|comboing|go(?:es)? off|unbounded|arbitrar(?:y|ily) (?:large|many|high|number)|as many times as)\b/i;

const BRACKET_NAME = /\[\[\s*([^[\]]+?)\s*\]\]/g;

/** Topic words carried into a follow-up's search, so the query stays about the question. */
const MAX_TOPIC_WORDS = 12;

/**
 * Reads a user's message in the light of the conversation so far: what it mentions, whether it
 * continues the previous question, whether it asks about loops, and whether it is about Magic
 * at all. A follow-up takes its cards and topic from the turns before it and counts as Magic
 * when the conversation it continues does.
 */
export function understandQuestion(text: string, history: readonly ChatTurn[], options: UnderstandOptions = {}): UnderstoodQuestion {
  const ruleNumbers = findRuleNumbers(text);
  const bracketed = bracketNames(text);
  const found = options.findCardNames?.(text) ?? [];
  const cardNames = dedupe([...bracketed, ...found]);
  const ownScore = aboutMagicScore(text, { bracketNames: bracketed, foundCardNames: found, ruleNumbers });
  const previous = previousQuestion(history, options);
  const followUp = previous && readsAsFollowUp(text, cardNames) ? continuing(text, previous) : null;

  const magicScore = followUp ? Math.max(ownScore, previous?.understood.magicScore ?? 0) : ownScore;
  const aboutMagic = magicScore >= ABOUT_MAGIC_THRESHOLD;
  const plain = withoutBrackets(text);
  const retrievalQuery = followUp ? [plain, ...followUp.cardNames, ...followUp.topic].join(' ') : plain;
  return {
    ruleNumbers,
    cardNames,
    followUp,
    retrievalQuery,
    asksAboutLoops: LOOP_WORDS.test(text) || (followUp !== null && (previous?.understood.asksAboutLoops ?? false)),
    magicScore,
    aboutMagic,
    refusal: aboutMagic ? null : OFF_TOPIC_REFUSAL,
  };
}

/** Names written as [[Name]], de-duplicated, in order. */
export function bracketNames(text: string): string[] {
  return [...new Set([...text.matchAll(BRACKET_NAME)].map((match) => match[1]))];
}

interface PreviousQuestion {
  understood: UnderstoodQuestion;
  /** The answer given to it, if any. */
  answer: string | null;
}

/** The last user message before this one, read in its own context. */
function previousQuestion(history: readonly ChatTurn[], options: UnderstandOptions): PreviousQuestion | null {
  const index = history.map((turn) => turn.role).lastIndexOf('user');
  if (index < 0) return null;
  const answer = history.slice(index + 1).find((turn) => turn.role === 'assistant')?.content ?? null;
  return { understood: understandQuestion(history[index].content, history.slice(0, index), options), answer };
}

function continuing(text: string, previous: PreviousQuestion): FollowUp {
  const { understood, answer } = previous;
  const cited = parseCitations(answer ?? '')
    .filter((citation) => citation.kind !== 'rule' && citation.target !== '')
    .map((citation) => citation.target);
  const earlierCards = dedupe([...understood.cardNames, ...(understood.followUp?.cardNames ?? []), ...cited]);
  const cardNames = namesSomethingNew(text) ? [] : earlierCards;

  // Card names travel whole (or not at all, when the user named something new); the topic is the
  // rest of the earlier question, minus what this message already says.
  const skip = new Set([...earlierCards.flatMap(words), ...contentTerms(text)]);
  const topic = dedupe(
    words(understood.retrievalQuery).filter((word) => word.length > 2 && !isStopword(word) && !skip.has(word) && !skip.has(stem(word))),
  ).slice(0, MAX_TOPIC_WORDS);

  const about = cardNames.length > 0 ? cardNames.join(', ') : topic.slice(0, 5).join(' ');
  const note = `Reading this as a follow-up to your previous question${about ? ` (about ${about})` : ''}.`;
  return { cardNames, topic, note };
}

function withoutBrackets(text: string): string {
  return text.replace(BRACKET_NAME, '$1').replace(/\s+/g, ' ').trim();
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
