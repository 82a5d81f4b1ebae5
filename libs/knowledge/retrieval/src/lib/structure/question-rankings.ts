import { findRuleNumbers, type CardNameIndex, type CardRecord } from '@melvin/knowledge/domain';
import { expandQuestion } from '../analysis/mtg-vocabulary';
import { weighQueryTerms } from '../analysis/query-terms';
import { documentId, type DocumentKind } from '../knowledge-document';
import type { KindIndexes } from '../lexical/kind-indexes';
import type { RuleBook } from '../rule-book';
import type { GlossaryTerms } from './glossary-terms';
import type { KeywordRules } from './keyword-rules';
import { RuleFamilies } from './rule-families';
import { SIGNAL_WEIGHTS, type Signal, type SignalRanking } from './signal-weights';

const LEXICAL_SIGNAL: Record<DocumentKind, Signal> = {
  rule: 'lexicalRule',
  glossary: 'lexicalGlossary',
  card: 'lexicalCard',
  ruling: 'lexicalRuling',
};
/** Lexical matches beyond this depth add nothing to a top-k list but time. */
const LEXICAL_DEPTH = 100;
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

interface Unweighted {
  signal: Signal;
  ids: string[];
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
  const search = (kind: DocumentKind) => context.lexical.search(kind, kind === 'card' || kind === 'ruling' ? termsWithNames : termsWithoutNames);
  const glossaryEntries = context.glossaryTerms.find(expandQuestion(unnamed));

  const rankings: Unweighted[] = [];
  for (const kind of kinds) {
    const found = search(kind);
    rankings.push({ signal: LEXICAL_SIGNAL[kind], ids: found.best(LEXICAL_DEPTH).map((match) => match.id) });
    if (kind === 'rule') {
      const families = new RuleFamilies(context.book, found);
      const written = findRuleNumbers(question).filter((number) => context.book.has(number));
      const keywordRules = cards.map((card) => context.keywordRules.rulesForCard(card));
      const termRules = glossaryEntries
        .filter((entry) => context.glossaryTerms.isSpecific(entry))
        .slice(0, GLOSSARY_TERMS_FOLLOWED)
        .flatMap((entry) => context.book.resolveGlossary(entry).references);
      rankings.push(
        { signal: 'ruleMentioned', ids: ruleIds(written) },
        { signal: 'subruleOfMentionedRule', ids: families.matchedSubrules(written) },
        { signal: 'keywordRuleOfMentionedCard', ids: ruleIds(keywordRules.flatMap((numbers) => families.bestMatching(numbers) ?? [])) },
        { signal: 'keywordSubruleOfMentionedCard', ids: families.matchedSubrules(keywordRules.flat()) },
        { signal: 'ruleCitedByGlossaryTerm', ids: ruleIds(termRules) },
        { signal: 'subruleCitedByGlossaryTerm', ids: families.matchedSubrules(termRules) },
      );
    }
    if (kind === 'glossary') {
      const entries = glossaryEntries.map((entry) => context.book.resolveGlossary(entry));
      rankings.push({ signal: 'glossaryTerm', ids: entries.map((entry) => documentId('glossary', entry.term)) });
    }
    if (kind === 'card') rankings.push({ signal: 'cardMentioned', ids: cards.map((card) => documentId('card', card.oracleId)) });
    if (kind === 'ruling') {
      const rulings = cards.flatMap((card) => context.rulingIds.get(card.oracleId) ?? []);
      rankings.push({ signal: 'rulingOfMentionedCard', ids: [...rulings].sort((a, b) => found.scoreOf(b) - found.scoreOf(a)) });
    }
  }
  return rankings
    .filter((ranking) => ranking.ids.length > 0)
    .map((ranking) => ({ ...ranking, ids: [...new Set(ranking.ids)], weight: SIGNAL_WEIGHTS[ranking.signal] }));
}

/** Cards the question names, each once in order of first mention, and the question with their names blanked. */
function readCardMentions(question: string, context: QuestionContext): { cards: CardRecord[]; unnamed: string } {
  const { mentions } = context.cardNames.findMentions(question);
  let unnamed = question;
  for (const { start, end } of mentions) unnamed = unnamed.slice(0, start) + ' '.repeat(end - start) + unnamed.slice(end);
  const oracleIds = new Set(mentions.map((mention) => mention.oracleId));
  return { cards: [...oracleIds].flatMap((oracleId) => context.cards.get(oracleId) ?? []), unnamed };
}

function ruleIds(numbers: readonly string[]): string[] {
  return numbers.map((number) => documentId('rule', number));
}
