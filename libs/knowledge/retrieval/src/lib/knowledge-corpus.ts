import type { CardRecord, CardRuling, ComprehensiveRules } from '@melvin/knowledge/domain';

/** Everything Melvin searches: one edition of the rules, the cards and their rulings. */
export interface KnowledgeCorpus {
  rules: ComprehensiveRules;
  cards: CardRecord[];
  rulings: CardRuling[];
}
