import { loadCards } from '../../test-support/oracle-cards';
import type { Loop } from '../model/loop';
import { setCards } from './card-pool';
import { findOneCardAway, OneCardAwaySearch } from './one-card-away';

function takeAll(search: OneCardAwaySearch): number[] {
  const sets: number[] = [];
  for (let set = search.take(); set !== undefined; set = search.take()) sets.push(set);
  return sets;
}

describe('one card away', () => {
  it('suggests the card that completes a loop', () => {
    const deck = loadCards('Kiki-Jiki, Mirror Breaker', 'Grizzly Bears', 'Sol Ring');
    const pool = loadCards('Llanowar Elves', 'Pestermite', 'Lightning Bolt', 'Serra Angel');
    const suggestions = findOneCardAway(deck, pool, { limit: 5, budgetMs: 5000 });
    expect(suggestions[0]).toMatchObject({ card: 'Pestermite', with: ['Kiki-Jiki, Mirror Breaker'] });
  });

  it('does not suggest a card that only adds to a loop the deck has already', () => {
    const deck = loadCards('Kiki-Jiki, Mirror Breaker', 'Pestermite', 'Sol Ring');
    const pool = loadCards('Spawning Pit', 'Zealous Conscripts', 'Serra Angel');
    const deckLoops = [['Kiki-Jiki, Mirror Breaker', 'Pestermite']];
    const suggestions = findOneCardAway(deck, pool, { limit: 5, budgetMs: 5000, deckLoops });
    expect(suggestions.map((s) => s.card)).toContain('Zealous Conscripts');
    expect(suggestions.map((s) => s.card)).not.toContain('Spawning Pit');
  });

  it('keeps the suggestions a search in order would, whatever order the results come back in', () => {
    const deck = loadCards('Kiki-Jiki, Mirror Breaker', "Ashnod's Altar", 'Sol Ring', 'Llanowar Elves', 'Grizzly Bears');
    const pool = loadCards('Pestermite', 'Reassembling Skeleton', 'Nim Deathmantle', 'Lightning Bolt');
    // Every set "finds" a loop of all its cards: a pool card's first set must win, later ones skipped.
    const loopOf = (cards: string[]): Loop => ({ cards, outcomes: ['infinite-mana'], manaColors: [], mandatory: false, requires: [], steps: [], netPerIteration: {} });
    const answer = (search: OneCardAwaySearch, set: number) => search.complete(set, [loopOf(setCards(search.plan, set).map((card) => card.name))]);

    const inOrder = new OneCardAwaySearch(deck, pool);
    let searchedInOrder = 0;
    for (let set = inOrder.take(); set !== undefined; set = inOrder.take(), searchedInOrder += 1) answer(inOrder, set);
    const backwards = new OneCardAwaySearch(deck, pool);
    const handedOut = takeAll(backwards);
    for (const set of [...handedOut].reverse()) answer(backwards, set);

    expect(searchedInOrder).toBeLessThan(handedOut.length);
    expect(backwards.suggestions(10)).toEqual(inOrder.suggestions(10));
    expect(inOrder.suggestions(10).map((s) => s.card).sort()).toEqual(['Nim Deathmantle', 'Pestermite', 'Reassembling Skeleton']);
  });

  it("plans a pool card's sets only when the search gets to it", () => {
    const deck = loadCards('Kiki-Jiki, Mirror Breaker', 'Sol Ring');
    const pool = loadCards('Pestermite', 'Zealous Conscripts', 'Serra Angel');
    const search = new OneCardAwaySearch(deck, pool);
    const plannedCards = () => new Set(search.plan.sets.map(([candidate]) => search.plan.cards[candidate].name));

    search.take();
    expect(plannedCards().size).toBe(1);
    expect(search.progress).toBe(0.5);
    takeAll(search);
    expect(plannedCards()).toEqual(new Set(['Pestermite', 'Zealous Conscripts']));
    expect(search.plan.cards.map((card) => card.name)).not.toContain('Serra Angel');
  });
});
