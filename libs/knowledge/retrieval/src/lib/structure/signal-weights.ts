import type { Ranking } from '../fuse-rankings';

/**
 * How much each signal counts when the rankings are fused. Set on the Stack Exchange questions with
 * even ids and checked on the odd ones (tools/bench/retrieval.ts, docs/knowledge-retrieval.md).
 */
export const SIGNAL_WEIGHTS = {
  /** BM25 per kind; rules first, since the questions are rules questions. */
  lexicalRule: 1,
  lexicalGlossary: 0.5,
  lexicalCard: 0.5,
  lexicalRuling: 0.5,
  /** A rule number the asker wrote is almost certainly wanted; its subrules the question matches, less so. */
  ruleMentioned: 2,
  subruleOfMentionedRule: 0.5,
  /**
   * For each named card, the rule of its keyword the question matches best: the card says that rule
   * applies even when the question never names the keyword. Matching subrules of all its keywords
   * count less: a card's keywords are often beside the point (the flier's Flying in a question
   * about its trigger).
   */
  keywordRuleOfMentionedCard: 1,
  keywordSubruleOfMentionedCard: 0.5,
  /** Rules cited by the specific glossary terms the question uses ("trample" → 702.19), and their matching subrules. */
  ruleCitedByGlossaryTerm: 0.7,
  subruleCitedByGlossaryTerm: 0.7,
  glossaryTerm: 0.7,
  /** A named card and its rulings are what the asker will look at first. */
  cardMentioned: 1.5,
  rulingOfMentionedCard: 1.5,
} as const;

export type Signal = keyof typeof SIGNAL_WEIGHTS;

/** A ranking with the signal it comes from, which tells why a document was found. */
export interface SignalRanking extends Ranking {
  signal: Signal;
}
