export type DocumentKind = 'rule' | 'glossary' | 'card' | 'ruling';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['rule', 'glossary', 'card', 'ruling'];

/** One searchable unit of the knowledge base. */
export interface KnowledgeDocument {
  id: string;
  kind: DocumentKind;
  /** What a user cites: the rule number, glossary term or card name. */
  ref: string;
  /** Short context searched with extra weight: rule heading, glossary term, card name. */
  title: string;
  /** The text shown to users and embedded by dense retrieval. */
  text: string;
  oracleId?: string;
  /** Rulings only: the date the ruling was published. */
  publishedAt?: string;
}

export interface SearchHit {
  id: string;
  kind: DocumentKind;
  ref: string;
  oracleId?: string;
  publishedAt?: string;
  text: string;
  score: number;
}

/** Stable ids, shared with the dense index: `rule:702.19b`, `glossary:Trample`, `card:<oracleId>`, `ruling:<oracleId>:<n>`. */
export function documentId(kind: 'rule', ruleNumber: string): string;
export function documentId(kind: 'glossary', term: string): string;
export function documentId(kind: 'card', oracleId: string): string;
export function documentId(kind: 'ruling', oracleId: string, position: number): string;
export function documentId(kind: DocumentKind, key: string, position?: number): string {
  return position === undefined ? `${kind}:${key}` : `${kind}:${key}:${position}`;
}

/** The kind named by a document id. */
export function documentKind(id: string): DocumentKind {
  return id.slice(0, id.indexOf(':')) as DocumentKind;
}
