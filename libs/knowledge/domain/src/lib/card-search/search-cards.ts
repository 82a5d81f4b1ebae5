import type { CardRecord } from '../model/cards';
import type { CardQueryNode } from './card-query';
import { compileCardQuery } from './match-card-query';
import { parseCardQuery } from './parse-card-query';

export interface CardSearchOptions {
  limit?: number;
  offset?: number;
  order?: 'name' | 'mv';
}

export interface CardSearchResult {
  /** How many cards match in all, before the page is cut. */
  total: number;
  cards: CardRecord[];
}

const DEFAULT_LIMIT = 50;
// Type words only non-game objects carry: asking for them is asking for the extras.
const EXTRA_TYPES = ['token', 'emblem', 'scheme', 'plane', 'phenomenon', 'vanguard'];
const byName = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Cards answering a query (see `parseCardQuery`), one page of them, in name or mana-value order.
 * Tokens, art cards and other non-game objects only appear when the query asks for them
 * (`t:token`, `t:emblem`, `include:extras`). Throws CardQuerySyntaxError for an unreadable query.
 */
export function searchCards(cards: readonly CardRecord[], query: string, options: CardSearchOptions = {}): CardSearchResult {
  const { limit = DEFAULT_LIMIT, offset = 0, order = 'name' } = options;
  const node = parseCardQuery(query);
  const matches = compileCardQuery(node);
  const withExtras = asksForExtras(node, true);
  const found = cards.filter((card) => (withExtras || !card.nonGame) && matches(card));
  found.sort((a, b) => (order === 'mv' ? a.manaValue - b.manaValue : 0) || byName.compare(a.name, b.name));
  return { total: found.length, cards: found.slice(offset, offset + limit) };
}

/** Whether a part of the query that must hold (not one left out with `-`) names non-game objects. */
function asksForExtras(node: CardQueryNode, wanted: boolean): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.some((child) => asksForExtras(child, wanted));
    case 'not':
      return asksForExtras(node.child, !wanted);
    case 'type':
      return wanted && EXTRA_TYPES.includes(node.text.toLowerCase());
    case 'includeExtras':
      return wanted;
    default:
      return false;
  }
}
