import { analyze } from '../analysis/text-analysis';
import type { KnowledgeDocument } from '../knowledge-document';
import { topScoring } from './top-scoring';

export interface LexicalMatch {
  id: string;
  score: number;
}

/** Distinct query terms (already analysed) with their weights. */
export type QueryTerms = ReadonlyMap<string, number>;

// BM25 constants as commonly used; a title hit counts as this many body hits (BM25F-style).
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 2;

/**
 * BM25 over one kind of document, with postings in typed arrays. Scoring touches only the
 * postings of the query's terms, so a long question over 45,000 rulings stays in single-digit
 * milliseconds (MiniSearch took hundreds; see docs/knowledge-retrieval.md).
 */
export class LexicalIndex {
  private readonly ids: string[];
  private readonly position: Map<string, number>;
  private readonly dictionary = new Map<string, number>();
  private readonly postingDocs: Int32Array[] = [];
  private readonly postingFreqs: Float32Array[] = [];
  /** Per document, the length part of BM25's denominator: K1 * (1 - B + B * length / average). */
  private readonly lengthNorm: Float32Array;

  constructor(documents: readonly KnowledgeDocument[]) {
    this.ids = documents.map((document) => document.id);
    this.position = new Map(this.ids.map((id, index) => [id, index]));
    const docs: number[][] = [];
    const freqs: number[][] = [];
    const lengths = new Float32Array(documents.length);
    documents.forEach((document, index) => {
      const counts = new Map<string, number>();
      const add = (text: string, weight: number) => {
        for (const term of analyze(text)) counts.set(term, (counts.get(term) ?? 0) + weight);
      };
      add(document.title, TITLE_WEIGHT);
      add(document.text, 1);
      for (const [term, count] of counts) {
        let termId = this.dictionary.get(term);
        if (termId === undefined) {
          termId = docs.length;
          this.dictionary.set(term, termId);
          docs.push([]);
          freqs.push([]);
        }
        docs[termId].push(index);
        freqs[termId].push(count);
        lengths[index] += count;
      }
    });
    for (let termId = 0; termId < docs.length; termId += 1) {
      this.postingDocs.push(Int32Array.from(docs[termId]));
      this.postingFreqs.push(Float32Array.from(freqs[termId]));
    }
    const average = lengths.reduce((sum, length) => sum + length, 0) / Math.max(documents.length, 1);
    this.lengthNorm = lengths.map((length) => K1 * (1 - B + (B * length) / average));
  }

  search(terms: QueryTerms): LexicalResult {
    const scores = new Float32Array(this.ids.length);
    const touched: number[] = [];
    for (const [term, weight] of terms) {
      const termId = this.dictionary.get(term);
      if (termId === undefined) continue;
      const docs = this.postingDocs[termId];
      const freqs = this.postingFreqs[termId];
      const idf = Math.log(1 + (this.ids.length - docs.length + 0.5) / (docs.length + 0.5));
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i];
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += (weight * idf * freqs[i] * (K1 + 1)) / (freqs[i] + this.lengthNorm[doc]);
      }
    }
    return new LexicalResult(this.ids, this.position, scores, touched);
  }
}

/** The scores of one search: the best few in order, or any document's score. */
export class LexicalResult {
  constructor(
    private readonly ids: readonly string[],
    private readonly position: ReadonlyMap<string, number>,
    private readonly scores: Float32Array,
    private readonly touched: readonly number[],
  ) {}

  /** The best `limit` matches, best first. */
  best(limit: number): LexicalMatch[] {
    return topScoring(this.touched, this.scores, limit).map((doc) => ({ id: this.ids[doc], score: this.scores[doc] }));
  }

  /** The document's score for this query; 0 when none of the query's terms occurs in it. */
  scoreOf(id: string): number {
    const doc = this.position.get(id);
    return doc === undefined ? 0 : this.scores[doc];
  }
}
