import { parseCardAbilities } from '../parser/parse-card';
import { loadCards } from '../../test-support/oracle-cards';
import { findLoopsInCardPool, findOneCardAway, worthSearching } from './card-pool';
import { resourceSignature } from './resource-signature';

describe('card pools', () => {
  it('signs a card by what it makes and spends', () => {
    const signature = resourceSignature(parseCardAbilities(loadCards('Basalt Monolith')[0]));
    expect(signature.produces).toEqual(expect.arrayContaining(['mana', 'untap']));
    expect(signature.consumes).toEqual(expect.arrayContaining(['mana', 'untap']));
  });

  it('prunes sets whose cards only loop alone or only trade mana', () => {
    expect(worthSearching(loadCards('Basalt Monolith', 'Sol Ring'))).toBe(false);
    expect(worthSearching(loadCards('Pestermite', 'Kiki-Jiki, Mirror Breaker'))).toBe(true);
    expect(worthSearching(loadCards('Sun Titan', 'Angelic Renewal', "Ashnod's Altar"))).toBe(true);
  });

  it('finds the loop hidden in a deck of unrelated cards', () => {
    const deck = loadCards('Grizzly Bears', 'Llanowar Elves', 'Pestermite', 'Sol Ring', 'Kiki-Jiki, Mirror Breaker', 'Lightning Bolt', 'Counterspell');
    const analysis = findLoopsInCardPool(deck, { maxSize: 3, budgetMs: 5000 });
    expect(analysis.loops.map((l) => [...l.cards].sort())).toContainEqual(['Kiki-Jiki, Mirror Breaker', 'Pestermite']);
  });

  it('suggests the card that completes a loop', () => {
    const deck = loadCards('Kiki-Jiki, Mirror Breaker', 'Grizzly Bears', 'Sol Ring');
    const pool = loadCards('Llanowar Elves', 'Pestermite', 'Lightning Bolt', 'Serra Angel');
    const suggestions = findOneCardAway(deck, pool, { limit: 5, budgetMs: 5000 });
    expect(suggestions[0]).toMatchObject({ card: 'Pestermite', with: ['Kiki-Jiki, Mirror Breaker'] });
  });
});
