import { CardNameIndex, type CardRecord, type CardRuling, type GlossaryEntry } from '@melvin/knowledge/domain';
import { corpusDocuments } from './corpus-documents';
import { fuseRankings, type Ranking } from './fuse-rankings';
import type { KnowledgeCorpus } from './knowledge-corpus';
import { DOCUMENT_KINDS, documentKind, type DocumentKind, type KnowledgeDocument, type SearchHit } from './knowledge-document';
import { KindIndexes } from './lexical/kind-indexes';
import { RuleBook, type RuleEntry } from './rule-book';
import { GlossaryTerms } from './structure/glossary-terms';
import { KeywordRules } from './structure/keyword-rules';
import { questionRankings, type QuestionContext } from './structure/question-rankings';

export interface SearchOptions {
  /** How many hits to return (default 10). */
  k?: number;
  /** Only these kinds of document (default all). */
  kinds?: readonly DocumentKind[];
  /** Further rankings to fuse in, such as dense-retrieval results. */
  extraRankings?: readonly Ranking[];
}

export interface KnowledgeIndexStats {
  rules: number;
  glossary: number;
  cards: number;
  gameCards: number;
  rulings: number;
  documents: number;
}

/** Builds everything a question is searched with: ~3 s and ~90 MB of heap for the full corpus (35k cards, 45k rulings). */
export function buildKnowledgeIndex(corpus: KnowledgeCorpus): KnowledgeIndex {
  return new KnowledgeIndex(corpus);
}

/** Search and lookups over one corpus: the Comprehensive Rules, cards and rulings. */
export class KnowledgeIndex {
  readonly cardNames: CardNameIndex<CardRecord>;
  private readonly book: RuleBook;
  private readonly allDocuments: KnowledgeDocument[];
  private readonly byId: Map<string, KnowledgeDocument>;
  private readonly cardsById: Map<string, CardRecord>;
  private readonly rulingsByCard = new Map<string, CardRuling[]>();
  private readonly context: QuestionContext;

  constructor(private readonly corpus: KnowledgeCorpus) {
    this.book = new RuleBook(corpus.rules);
    this.cardNames = new CardNameIndex(corpus.cards);
    this.cardsById = new Map(corpus.cards.map((card) => [card.oracleId, card]));
    for (const ruling of corpus.rulings) addTo(this.rulingsByCard, ruling.oracleId, ruling);
    this.allDocuments = corpusDocuments(corpus);
    this.byId = new Map(this.allDocuments.map((document) => [document.id, document]));
    const rulingIds = new Map<string, string[]>();
    for (const document of this.allDocuments) {
      if (document.kind === 'ruling' && document.oracleId) addTo(rulingIds, document.oracleId, document.id);
    }
    this.context = {
      book: this.book,
      lexical: new KindIndexes(this.allDocuments),
      keywordRules: new KeywordRules(this.book),
      glossaryTerms: new GlossaryTerms(corpus.rules.glossary, corpus.rules.rules.map((rule) => rule.text)),
      cardNames: this.cardNames,
      cards: this.cardsById,
      rulingIds,
    };
  }

  /** The documents that best answer a question, best first. */
  search(question: string, { k = 10, kinds = DOCUMENT_KINDS, extraRankings = [] }: SearchOptions = {}): SearchHit[] {
    const wanted = new Set(kinds);
    const rankings = [
      ...questionRankings(question, wanted, this.context),
      ...extraRankings.map((ranking) => ({ ...ranking, ids: ranking.ids.filter((id) => wanted.has(documentKind(id))) })),
    ];
    return fuseRankings(rankings)
      .flatMap(({ id, score }) => {
        const document = this.byId.get(id);
        return document ? [toHit(document, score)] : [];
      })
      .slice(0, k);
  }

  /** A rule with its subrules and the rules it cites. */
  rule(number: string): RuleEntry | undefined {
    return this.book.entry(number);
  }

  glossary(term: string): GlossaryEntry | undefined {
    return this.book.glossary(term);
  }

  card(oracleId: string): CardRecord | undefined {
    return this.cardsById.get(oracleId);
  }

  rulingsFor(oracleId: string): CardRuling[] {
    return this.rulingsByCard.get(oracleId) ?? [];
  }

  /** Every searchable document, for building a dense index over the same ids. */
  documents(): readonly KnowledgeDocument[] {
    return this.allDocuments;
  }

  stats(): KnowledgeIndexStats {
    return {
      rules: this.corpus.rules.rules.length,
      glossary: this.corpus.rules.glossary.length,
      cards: this.corpus.cards.length,
      gameCards: this.corpus.cards.filter((card) => !card.nonGame).length,
      rulings: this.corpus.rulings.length,
      documents: this.allDocuments.length,
    };
  }
}

function addTo<T>(groups: Map<string, T[]>, key: string, value: T): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

function toHit(document: KnowledgeDocument, score: number): SearchHit {
  const { id, kind, ref, oracleId, publishedAt, text } = document;
  return { id, kind, ref, text, score, ...(oracleId ? { oracleId } : {}), ...(publishedAt ? { publishedAt } : {}) };
}
