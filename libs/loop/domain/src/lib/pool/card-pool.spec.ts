import { parseCardAbilities } from '../parser/parse-card';
import { loadCards } from '../../test-support/oracle-cards';
import type { Loop } from '../model/loop';
import { CardPoolSearch, findLoopsInCardPool, worthSearching, type CardPoolPlan } from './card-pool';
import { resourceSignature } from './resource-signature';

describe('card pools', () => {
  it('signs a card by what it makes and spends', () => {
    const [monolith] = loadCards('Basalt Monolith');
    const signature = resourceSignature(parseCardAbilities(monolith), monolith.types);
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

  it('keeps the loops a search in order would keep, whatever order the results come back in', () => {
    const [a, b, c, d] = loadCards('Kiki-Jiki, Mirror Breaker', 'Pestermite', 'Sol Ring', 'Grizzly Bears');
    const plan: CardPoolPlan = { cards: [a, b, c, d], sets: [[0, 1], [2, 3], [0, 1, 2], [1, 2, 3]] };
    const loopOf = (...cards: string[]): Loop => ({ cards, outcomes: ['infinite-mana'], manaColors: [], mandatory: false, requires: [], steps: [], netPerIteration: {} });
    // What a search of each set finds: the third set repeats the pair's loop with a card it does not need.
    const found = [[loopOf(a.name, b.name)], [], [loopOf(a.name, b.name, c.name)], [loopOf(b.name, c.name, d.name)]];
    const keptLoops = (search: CardPoolSearch) => search.analysis(0, false).loops.map((loop) => loop.cards);

    const inOrder = new CardPoolSearch(plan);
    for (let set = inOrder.take(); set !== undefined; set = inOrder.take()) inOrder.complete(set, found[set]);
    const backwards = new CardPoolSearch(plan);
    const handedOut = [...Array(plan.sets.length)].map(() => backwards.take());
    for (const set of handedOut.reverse()) if (set !== undefined) backwards.complete(set, found[set]);

    expect(keptLoops(inOrder)).toEqual([[a.name, b.name], [b.name, c.name, d.name]]);
    expect(keptLoops(backwards)).toEqual(keptLoops(inOrder));
    expect(inOrder.analysis(0, false).setsSearched).toBe(3);
  });

  it('leaves out a third card that only trades mana with the others, but not a cost reducer', () => {
    expect(worthSearching(loadCards('Grim Monolith', 'Rings of Brighthearth', 'Prismite'))).toBe(false);
    expect(worthSearching(loadCards('Grim Monolith', 'Rings of Brighthearth', 'Training Grounds'))).toBe(true);
  });
});
