import { CardQuerySyntaxError, searchCards, type CardRecord } from '@melvin/knowledge/domain';
import { buildKnowledgeIndex, type KnowledgeIndex, type SearchHit } from '@melvin/knowledge/retrieval';
import type { LoadedCorpus } from '../store/knowledge-reader';
import { toCardView, type CardView } from './card-view';
import { toSearchResultView, type SearchResultView } from './search-result-view';

export type HitKind = SearchHit['kind'];

export interface CardLookup {
  query: string;
  card: CardView | null;
  candidates: Array<{ name: string }>;
}

export interface CardSearchPage {
  query: string;
  total: number;
  cards: CardView[];
}

/** A malformed card query: the message names the token, `position` is its offset in the query. */
export class CardQueryError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly token: string,
  ) {
    super(message);
  }
}

/** The read side over one corpus: search, card lookup, card search, rules and glossary. */
export class KnowledgeBase {
  private readonly byOracleId: Map<string, CardRecord>;

  private constructor(
    readonly corpus: LoadedCorpus,
    readonly index: KnowledgeIndex,
  ) {
    this.byOracleId = new Map(corpus.cards.map((card) => [card.oracleId, card]));
  }

  static build(corpus: LoadedCorpus): KnowledgeBase {
    return new KnowledgeBase(corpus, buildKnowledgeIndex(corpus));
  }

  get isEmpty(): boolean {
    return !this.corpus.rules.rules.length && !this.corpus.cards.length;
  }

  search(query: string, options: { k?: number; kinds?: HitKind[]; extraRankings?: Array<{ ids: string[]; weight?: number }> } = {}): SearchHit[] {
    return this.index.search(query, options);
  }

  /** `{query, results}` as the API and `melvin search --json` print it. */
  searchView(query: string, options: { k?: number; kinds?: HitKind[]; extraRankings?: Array<{ ids: string[]; weight?: number }> } = {}): { query: string; results: SearchResultView[] } {
    return { query, results: this.search(query, options).map(toSearchResultView) };
  }

  lookupCard(query: string, mode: 'exact' | 'fuzzy' = 'fuzzy'): CardLookup {
    const names = this.index.cardNames;
    const found = mode === 'exact' ? { card: names.exact(query), candidates: [] } : names.fuzzy(query);
    const card = found.card ? this.byOracleId.get(found.card.oracleId) : undefined;
    return {
      query,
      card: card ? toCardView(card, this.index.rulingsFor(card.oracleId)) : null,
      candidates: (found.candidates ?? []).map((candidate: { name: string }) => ({ name: candidate.name })),
    };
  }

  autocomplete(text: string, limit = 20): string[] {
    return this.index.cardNames.autocomplete(text, limit).map((entry: { name: string } | string) => (typeof entry === 'string' ? entry : entry.name));
  }

  /** Scryfall-style card search; a malformed query throws CardQueryError pointing at the bad token. */
  searchCards(query: string, options: { limit: number; offset: number; order: 'name' | 'mv' }): CardSearchPage {
    try {
      const page = searchCards(this.corpus.cards, query, options);
      return { query, total: page.total, cards: page.cards.map((card) => toCardView(card)) };
    } catch (error) {
      if (error instanceof CardQuerySyntaxError) throw new CardQueryError(error.message, error.position, error.token);
      throw error;
    }
  }

  rule(number: string) {
    return this.index.rule(number);
  }

  glossary(term: string) {
    return this.index.glossary(term);
  }

  cardByOracleId(oracleId: string): CardRecord | undefined {
    return this.byOracleId.get(oracleId);
  }

  status() {
    return { releases: this.corpus.releases, counts: this.index.stats() };
  }
}
