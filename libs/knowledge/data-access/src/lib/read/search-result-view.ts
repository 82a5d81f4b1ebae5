import type { SearchHit } from '@melvin/knowledge/retrieval';

/** One search result as API and CLI users see it (snake_case like the card view). */
export interface SearchResultView {
  kind: SearchHit['kind'];
  ref: string;
  oracle_id?: string;
  published_at?: string;
  text: string;
  score: number;
}

export function toSearchResultView(hit: SearchHit): SearchResultView {
  return {
    kind: hit.kind,
    ref: hit.ref,
    ...(hit.oracleId ? { oracle_id: hit.oracleId } : {}),
    ...(hit.publishedAt ? { published_at: hit.publishedAt } : {}),
    text: hit.text,
    score: Math.round(hit.score * 10_000) / 10_000,
  };
}
