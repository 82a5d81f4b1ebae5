import { findRuleNumbers, type CardNameIndex, type CardRecord } from '@melvin/knowledge/domain';
import { expandQuestion } from '../analysis/mtg-vocabulary';
import { weighQueryTerms } from '../analysis/query-terms';
import type { Ranking } from '../fuse-rankings';
import { documentId, type DocumentKind } from '../knowledge-document';
import type { KindIndexes } from '../lexical/kind-indexes';
import type { LexicalResult } from '../lexical/lexical-index';
import type { RuleBook } from '../rule-book';
import type { GlossaryTerms } from './glossary-terms';
import type { KeywordRules } from './keyword-rules';

/** How much each signal counts when the rankings are fused. */
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
   * The rules of a named card's keywords, the one the question matches best first: the card's text
   * says these rules apply even when the question never names the keyword. Its matching subrules
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
};

export type Signal = keyof typeof SIGNAL_WEIGHTS;

/** A ranking with the signal it comes from, which tells why a document was found. */
export interface SignalRanking extends Ranking {
  signal: Signal;
}

const LEXICAL_SIGNAL: Record<DocumentKind, Signal> = {
  rule: 'lexicalRule',
  glossary: 'lexicalGlossary',
  card: 'lexicalCard',
  ruling: 'lexicalRuling',
};
/** Lexical matches beyond this depth add nothing to a top-k list but time. */
const LEXICAL_DEPTH = 100;
/**
 * A subrule of a card's keyword or a question's term only counts when the question matches it at
 * least this well relative to the best-matching rule: deathtouch's six subrules are not all relevant
 * to a deathtouch question. (Measured: without this cut the structural rankings cost recall.)
 */
const FAMILY_MATCH_SHARE = 0.6;
/** At most this many of a question's specific glossary terms, rarest first, point at the rules they cite. */
const GLOSSARY_TERMS_FOLLOWED = 6;

/** What a question is answered from: the rule book, the lexical indexes and the structural lookups. */
export interface QuestionContext {
  book: RuleBook;
  lexical: KindIndexes;
  keywordRules: KeywordRules;
  glossaryTerms: GlossaryTerms;
  cardNames: CardNameIndex<CardRecord>;
  cards: ReadonlyMap<string, CardRecord>;
  rulingIds: ReadonlyMap<string, readonly string[]>;
}

/**
 * The rankings a question produces, for the kinds asked for: BM25 per kind plus structural lookups:
 * rules the question cites by number, cards it names (with their rulings and the rules of their
 * keywords), and glossary terms it uses (with the rules they cite).
 */
export function questionRankings(question: string, kinds: ReadonlySet<DocumentKind>, context: QuestionContext): SignalRanking[] {
  const { cards, unnamed } = readCardMentions(question, context);
  // Card names find the card and its rulings but say nothing about rules: "Gifts Ungiven" is no gift question.
  const termsWithNames = weighQueryTerms(question);
  const termsWithoutNames = weighQueryTerms(unnamed);
  const matches = new Map(
    [...kinds].map((kind) => [kind, context.lexical.search(kind, kind === 'card' || kind === 'ruling' ? termsWithNames : termsWithoutNames)]),
  );
  const rankings: Array<{ signal: Signal; ids: string[] }> = [...matches].map(([kind, found]) => ({
    signal: LEXICAL_SIGNAL[kind],
    ids: found.best(LEXICAL_DEPTH).map((match) => match.id),
  }));
  const glossaryEntries = context.glossaryTerms.find(expandQuestion(unnamed));

  if (kinds.has('rule')) {
    const found = matches.get('rule');
    const ruleIds = (numbers: string[]) => numbers.map((number) => documentId('rule', number));
    const matchedFamily = (anchors: string[]) => matchedDescendants(anchors, context.book, found);
    const written = findRuleNumbers(question).filter((number) => context.book.has(number));
    const ofCards = cards.flatMap((card) => context.keywordRules.rulesForCard(card));
    const bestOfCards = cards.flatMap((card) => byFamilyMatch(context.keywordRules.rulesForCard(card), context.book, found).slice(0, 1));
    const ofTerms = glossaryEntries
      .filter((entry) => context.glossaryTerms.isSpecific(entry))
      .slice(0, GLOSSARY_TERMS_FOLLOWED)
      .flatMap((entry) => context.book.resolveGlossary(entry).references);
    rankings.push(
      { signal: 'ruleMentioned', ids: ruleIds(written) },
      { signal: 'subruleOfMentionedRule', ids: matchedFamily(written) },
      { signal: 'keywordRuleOfMentionedCard', ids: ruleIds(unique(bestOfCards)) },
      { signal: 'keywordSubruleOfMentionedCard', ids: matchedFamily(ofCards) },
      { signal: 'ruleCitedByGlossaryTerm', ids: ruleIds(unique(ofTerms)) },
      { signal: 'subruleCitedByGlossaryTerm', ids: matchedFamily(ofTerms) },
    );
  }
  if (kinds.has('glossary')) {
    const entries = glossaryEntries.map((entry) => context.book.resolveGlossary(entry));
    rankings.push({ signal: 'glossaryTerm', ids: unique(entries.map((entry) => documentId('glossary', entry.term))) });
  }
  if (kinds.has('card')) {
    rankings.push({ signal: 'cardMentioned', ids: cards.map((card) => documentId('card', card.oracleId)) });
  }
  if (kinds.has('ruling')) {
    const rulings = cards.flatMap((card) => context.rulingIds.get(card.oracleId) ?? []);
    rankings.push({ signal: 'rulingOfMentionedCard', ids: byScore(rulings, matches.get('ruling')) });
  }
  return rankings.filter((ranking) => ranking.ids.length > 0).map((ranking) => ({ ...ranking, weight: SIGNAL_WEIGHTS[ranking.signal] }));
}

/** Cards the question names, each once in order of first mention, and the question with their names blanked. */
function readCardMentions(question: string, context: QuestionContext): { cards: CardRecord[]; unnamed: string } {
  const { mentions } = context.cardNames.findMentions(question);
  let unnamed = question;
  for (const mention of mentions) unnamed = unnamed.slice(0, mention.start) + ' '.repeat(mention.end - mention.start) + unnamed.slice(mention.end);
  const oracleIds = new Set(mentions.map((mention) => mention.oracleId));
  return { cards: [...oracleIds].flatMap((oracleId) => context.cards.get(oracleId) ?? []), unnamed };
}

/** Subrules of the anchors that the question's words match nearly as well as the best rule, best first. */
function matchedDescendants(anchors: readonly string[], book: RuleBook, found?: LexicalResult): string[] {
  const members = anchors.flatMap((anchor) => book.descendants(anchor)).map((rule) => documentId('rule', rule.number));
  const enough = FAMILY_MATCH_SHARE * (found?.best(1)[0]?.score ?? 0);
  return byScore(
    members.filter((id) => (found?.scoreOf(id) ?? 0) > enough),
    found,
  );
}

/** Rules ordered by how well the question matches the best of their subrules. */
function byFamilyMatch(anchors: readonly string[], book: RuleBook, found?: LexicalResult): string[] {
  const familyScore = (anchor: string) =>
    Math.max(0, ...[anchor, ...book.descendants(anchor).map((rule) => rule.number)].map((number) => found?.scoreOf(documentId('rule', number)) ?? 0));
  const scores = new Map(anchors.map((anchor) => [anchor, familyScore(anchor)]));
  return [...anchors].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Ids by lexical score, best first; those the question's words do not match keep their order, last. */
function byScore(ids: readonly string[], found?: LexicalResult): string[] {
  const score = (id: string) => found?.scoreOf(id) ?? 0;
  return [...ids].sort((a, b) => score(b) - score(a));
}
