import { DOCUMENT_KINDS, type DocumentKind, type KnowledgeDocument } from '../knowledge-document';
import { LexicalIndex, type LexicalResult, type QueryTerms } from './lexical-index';

/** One BM25 index per kind of document, searched only for the kinds a query needs. */
export class KindIndexes {
  private readonly indexes = new Map<DocumentKind, LexicalIndex>();

  constructor(documents: readonly KnowledgeDocument[]) {
    for (const kind of DOCUMENT_KINDS) {
      this.indexes.set(kind, new LexicalIndex(documents.filter((document) => document.kind === kind)));
    }
  }

  search(kind: DocumentKind, terms: QueryTerms): LexicalResult {
    return this.index(kind).search(terms);
  }

  private index(kind: DocumentKind): LexicalIndex {
    const index = this.indexes.get(kind);
    if (!index) throw new Error(`No index for ${kind} documents`);
    return index;
  }
}
