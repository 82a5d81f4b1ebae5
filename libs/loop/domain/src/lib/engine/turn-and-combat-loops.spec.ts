import { loadCards } from '../../test-support/oracle-cards';
import { findLoops } from './find-loops';

function analyse(...names: string[]) {
  return findLoops(loadCards(...names), { budgetMs: 3000 });
}

function outcomesOf(...names: string[]): string[] {
  return [...new Set(analyse(...names).loops.flatMap((l) => l.outcomes))];
}

describe('loops across extra turns', () => {
  it('takes infinite turns with Panoptic Mirror holding Time Walk, needing the first upkeep', () => {
    const [loop] = analyse('Panoptic Mirror', 'Time Walk').loops;
    expect(loop.outcomes).toContain('infinite-turns');
    expect(loop.requires).toEqual(expect.arrayContaining(['Time Walk imprinted on Panoptic Mirror', 'your next turn']));
  });

  it('loops a clone copying a creature that returns the extra-turn spell each upkeep', () => {
    const [loop] = analyse('Progenitor Mimic', 'Izzet Chronarch', 'Capture of Jingzhou').loops;
    expect(loop.outcomes).toContain('infinite-turns');
    expect(loop.cards.sort()).toEqual(['Capture of Jingzhou', 'Izzet Chronarch', 'Progenitor Mimic']);
    expect(loop.requires).toContain('Progenitor Mimic entered as a copy of Izzet Chronarch');
  });

  it.each([
    ['Followed Footsteps', 'Eternal Witness', 'Time Warp'],
    ['Thopter Assembly', 'Time Sieve'],
  ])('takes infinite turns with %s and %s', (...names) => {
    expect(outcomesOf(...names)).toContain('infinite-turns');
  });

  it.each([
    ['Izzet Chronarch', 'Time Warp'],
    ['Panoptic Mirror', 'Lightning Bolt'],
    ['Followed Footsteps', 'Izzet Chronarch', 'Lightning Bolt'],
    ['Medomai the Ageless', 'Putrid Goblin'],
  ])('finds no extra-turn loop with %s and %s', (...names) => {
    expect(outcomesOf(...names)).not.toContain('infinite-turns');
  });
});

describe('loops across additional combats', () => {
  it.each([
    ['Hellkite Charger', 'Bear Umbra'],
    ['Aurelia, the Warleader', 'Helm of the Host'],
    ['Savage Ventmaw', 'Aggravated Assault'],
  ])('finds infinite combats with %s and %s', (...names) => {
    expect(outcomesOf(...names)).toEqual(expect.arrayContaining(['infinite-combat', 'infinite-damage']));
  });

  it('lets a legendary attacker trigger "for the first time each turn" once: Aurelia alone loops nothing', () => {
    expect(analyse('Aurelia, the Warleader').loops).toEqual([]);
  });

  it('needs the lands untapped to pay for every combat: Hellkite Charger alone loops nothing', () => {
    expect(analyse('Hellkite Charger').loops).toEqual([]);
  });
});

describe('recursion through the graveyard', () => {
  it('returns an Aura with the creature it brought back: Sun Titan, Shade\'s Form and a sacrifice outlet', () => {
    const outcomes = outcomesOf('Sun Titan', "Shade's Form", 'Phyrexian Altar');
    expect(outcomes).toEqual(expect.arrayContaining(['infinite-death', 'infinite-etb', 'infinite-mana']));
  });

  it('reads "creatures you control can\'t have -1/-1 counters put on them": Melira keeps a persist creature coming back', () => {
    expect(outcomesOf('Melira, Sylvok Outcast', 'Safehold Elite', 'Phyrexian Altar')).toContain('infinite-death');
    expect(analyse('Safehold Elite', 'Phyrexian Altar').loops).toEqual([]);
  });
});

describe('finite stocks', () => {
  it('does not call removing a creature\'s few -1/-1 counters for mana a loop', () => {
    expect(analyse('Morselhoarder').loops).toEqual([]);
  });
});
