import type { Loop } from '../model/loop';
import { loadCards } from '../../test-support/oracle-cards';
import { findLoops } from './find-loops';

function loopsOf(...names: string[]): Loop[] {
  return findLoops(loadCards(...names), { budgetMs: 3000 }).loops;
}

/** The loops that use every named card, so a smaller loop inside the set does not count. */
function fullLoopsOf(...names: string[]): Loop[] {
  return loopsOf(...names).filter((loop) => names.every((name) => loop.cards.includes(name)));
}

function outcomesOf(...names: string[]): string[] {
  return [...new Set(fullLoopsOf(...names).flatMap((l) => l.outcomes))];
}

function manaColoursOf(...names: string[]): string[] {
  return [...new Set(fullLoopsOf(...names).filter((l) => l.outcomes.includes('infinite-mana')).flatMap((l) => l.manaColors))].sort();
}

describe('mana multipliers', () => {
  it.each([
    ['Grim Monolith', 'Nyxbloom Ancient'],
    ['Basalt Monolith', 'Nyxbloom Ancient'],
    ['Basalt Monolith', 'Mana Reflection'],
    // Twice three is six, more than the four the untap costs.
    ['Grim Monolith', 'Mana Reflection'],
  ])('%s + %s report infinite colourless mana', (rock, multiplier) => {
    expect(manaColoursOf(rock, multiplier)).toEqual(['C']);
  });

  it('Palinchron + Nyxbloom Ancient report infinite mana: seven untapped lands make three each', () => {
    expect(outcomesOf('Palinchron', 'Nyxbloom Ancient')).toContain('infinite-mana');
  });

  it.each([
    // Mana Flare adds mana only for lands, never for the Monolith.
    [['Grim Monolith', 'Mana Flare']],
    // The lands make three times as much, but nothing untaps them.
    [['Nyxbloom Ancient']],
    [['Basalt Monolith']],
  ])('%j report no loop', (names) => {
    expect(loopsOf(...names)).toEqual([]);
  });
});

describe('mana from counting', () => {
  it('Faeburrow Elder + Freed from the Real report infinite white and green mana', () => {
    expect(manaColoursOf('Faeburrow Elder', 'Freed from the Real')).toEqual(expect.arrayContaining(['W', 'G']));
  });

  it.each([["Pemmin's Aura"], ['Freed from the Real']])('Bloom Tender + %s report infinite green mana', (aura) => {
    expect(manaColoursOf('Bloom Tender', aura)).toContain('G');
  });

  it.each([['Staff of Domination'], ['Sword of the Paruns'], ['Umbral Mantle']])(
    'Magus of the Coffers + %s report infinite black mana: a mono-black deck has seven Swamps',
    (untapper) => {
      expect(manaColoursOf('Magus of the Coffers', untapper)).toEqual(['B']);
    },
  );

  it('Magus of the Coffers + Staff of Domination in a black-green deck report no loop: only three of the lands are Swamps', () => {
    expect(loopsOf('Magus of the Coffers', 'Staff of Domination', 'Llanowar Elves')).toEqual([]);
  });

  it('Bloom Tender + Umbral Mantle report no loop: one green mana never pays the three to untap', () => {
    expect(loopsOf('Bloom Tender', 'Umbral Mantle')).toEqual([]);
  });

  it('Krenko, Mob Boss + Thornbite Staff + Skirk Prospector report infinite red mana: X counts the Goblins', () => {
    expect(manaColoursOf('Krenko, Mob Boss', 'Thornbite Staff', 'Skirk Prospector')).toEqual(['R']);
  });

  it('Krenko, Mob Boss + Skirk Prospector report no loop: nothing untaps Krenko', () => {
    expect(loopsOf('Krenko, Mob Boss', 'Skirk Prospector')).toEqual([]);
  });

  it('Sliver Queen + Mana Echoes report infinite sliver tokens', () => {
    expect(outcomesOf('Sliver Queen', 'Mana Echoes')).toContain('infinite-tokens');
  });
});

describe('cost reduction of non-mana abilities', () => {
  it.each([['Basalt Monolith'], ['Grim Monolith']])('Zirda, the Dawnwaker + %s report infinite colourless mana', (rock) => {
    expect(manaColoursOf('Zirda, the Dawnwaker', rock)).toEqual(['C']);
  });

  it('Zirda, the Dawnwaker + Sol Ring + Voltaic Key report no loop: the Key still has to tap', () => {
    expect(loopsOf('Zirda, the Dawnwaker', 'Sol Ring', 'Voltaic Key')).toEqual([]);
  });
});

describe('other mana mechanisms', () => {
  it('Filigree Sages + Chromatic Orrery report infinite mana: Orrery mana pays the blue pip', () => {
    expect(outcomesOf('Filigree Sages', 'Chromatic Orrery')).toContain('infinite-mana');
  });

  it('Filigree Sages + Sol Ring report no loop', () => {
    expect(loopsOf('Filigree Sages', 'Sol Ring')).toEqual([]);
  });

  it('Rasputin Dreamweaver + Eldrazi Displacer report infinite colourless mana: a flicker brings back seven dream counters', () => {
    expect(manaColoursOf('Rasputin Dreamweaver', 'Eldrazi Displacer')).toEqual(['C']);
  });

  it("Spawnsire of Ulamog + Illusionist's Bracers report infinite Spawn that sacrifice for mana", () => {
    expect(outcomesOf('Spawnsire of Ulamog', "Illusionist's Bracers")).toEqual(expect.arrayContaining(['infinite-etb', 'infinite-sacrifice', 'infinite-copy']));
  });

  it('Intruder Alarm + Steward of Solidarity report infinite tokens: exerting costs nothing within a turn', () => {
    expect(outcomesOf('Intruder Alarm', 'Steward of Solidarity')).toContain('infinite-tokens');
  });

  it('Steward of Solidarity alone reports no loop', () => {
    expect(loopsOf('Steward of Solidarity')).toEqual([]);
  });

  it("Lion's Eye Diamond + Auriok Salvagers report infinite mana", () => {
    expect(outcomesOf("Lion's Eye Diamond", 'Auriok Salvagers')).toContain('infinite-mana');
  });

  it('Auriok Salvagers + Lotus Petal report no loop: one mana never pays the two to return it', () => {
    expect(loopsOf('Auriok Salvagers', 'Lotus Petal')).toEqual([]);
  });
});
