import type { KnowledgeKindName } from '@melvin/shared/contracts';

/** Spelled out here: a value import of the contracts would put zod into the browser bundle. */
export const KNOWLEDGE_KIND_LABELS = {
  rules: 'Comprehensive Rules',
  cards: 'Cards (Scryfall)',
  rulings: 'Rulings (Scryfall)',
} as const satisfies Record<KnowledgeKindName, string>;

export const KNOWLEDGE_KIND_ORDER = Object.keys(KNOWLEDGE_KIND_LABELS) as KnowledgeKindName[];
