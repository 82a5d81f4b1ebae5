import { loopsOf, outcomesOf } from '../../test-support/loops';

// Each mechanism: a combo from the Commander Spellbook sheet that must be found with the outcome a player would
// name, and real cards close to it that must not loop.
describe('more mechanisms behind combos the engine used to miss', () => {
  it('starts a draw-triggered loop from one ordinary draw, and reports the draws', () => {
    const [loop] = loopsOf('Nadir Kraken', "Ashnod's Altar", 'Fecundity');
    expect(loop.outcomes).toEqual(expect.arrayContaining(['infinite-draw', 'infinite-counters', 'infinite-power', 'infinite-tokens']));
    expect(loop.requires).toContain('an initial card draw');
    expect(loopsOf('Nadir Kraken', 'Fecundity')).toEqual([]);
  });

  it('lets the player choose which creature a "remove a counter from a creature you control" cost comes from', () => {
    expect(outcomesOf('Ghave, Guru of Spores', 'Good-Fortune Unicorn', "Ashnod's Altar")).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-tokens', 'infinite-counters']));
    expect(loopsOf('Ghave, Guru of Spores', "Ashnod's Altar")).toEqual([]);
  });

  it('reads "put target creature card from a graveyard onto the battlefield" as a return from the graveyard', () => {
    expect(outcomesOf('Kenrith, the Returned King', 'Composite Golem', 'Training Grounds')).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-etb', 'infinite-death']));
    expect(loopsOf('Kenrith, the Returned King', 'Grizzly Bears', 'Training Grounds')).toEqual([]);
  });

  it('finds a card by name in the library only once it was put there (Verdant Succession)', () => {
    expect(outcomesOf('Verdant Succession', 'Worldspine Wurm', 'Phyrexian Altar')).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-tokens', 'infinite-etb']));
    expect(outcomesOf('Verdant Succession', 'Elvish Soultiller', "Ashnod's Altar")).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-death']));
    expect(loopsOf('Verdant Succession', 'Llanowar Elves', 'Phyrexian Altar')).toEqual([]);
  });

  it('gives another counter of a kind a permanent has, and enters a modular creature with its counters', () => {
    expect(outcomesOf('Arcbound Crusher', 'Animation Module', "Ashnod's Altar")).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-counters', 'infinite-tokens']));
    expect(loopsOf('Arcbound Crusher', 'Animation Module')).toEqual([]);
  });
});
