/** What a piece of retrieved knowledge is: a numbered rule, a glossary entry, a card, or a ruling on a card. */
export type SourceKind = 'rule' | 'glossary' | 'card' | 'ruling';

/**
 * One retrieval hit, as the answering pipeline sees it. Shaped like the knowledge search hits so
 * those can be passed straight in, without this lib depending on the retrieval code.
 */
export interface RetrievedSource {
  id: string;
  kind: SourceKind;
  /** Rule number for rules, the term for glossary entries, the card's name for cards and rulings. */
  ref: string;
  oracleId?: string;
  /** Rulings only: the date the ruling was published (ISO, at least YYYY-MM-DD). */
  publishedAt?: string;
  text: string;
  /** Higher is more relevant; only the order matters here. */
  score: number;
}

/** Most relevant first; ties keep the order retrieval gave. */
export function byRelevance(sources: readonly RetrievedSource[]): RetrievedSource[] {
  return sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => b.source.score - a.source.score || a.index - b.index)
    .map(({ source }) => source);
}
