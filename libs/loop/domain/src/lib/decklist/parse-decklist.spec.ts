import { parseDecklist, playingCardNames } from './parse-decklist';

describe('parseDecklist', () => {
  it('reads plain "1 Name" lines as the main deck', () => {
    const deck = parseDecklist('1 Sol Ring\n1 Basalt Monolith\n10 Island\n');
    expect(deck.entries).toEqual([
      { quantity: 1, name: 'Sol Ring', section: 'main', line: 1 },
      { quantity: 1, name: 'Basalt Monolith', section: 'main', line: 2 },
      { quantity: 10, name: 'Island', section: 'main', line: 3 },
    ]);
    expect(deck.problems).toEqual([]);
  });

  it('understands Arena exports with set codes, collector numbers and sections', () => {
    const arena = 'Commander\n1 Kinnan, Bonder Prodigy (IKO) 192\n\nDeck\n1 Basalt Monolith (2XM) 232\n4 Fire // Ice (MH2) 290\n\nSideboard\n1 Pithing Needle (SOI) 257\n';
    const deck = parseDecklist(arena);
    expect(deck.entries.map((entry) => [entry.name, entry.section, entry.quantity])).toEqual([
      ['Kinnan, Bonder Prodigy', 'commander', 1],
      ['Basalt Monolith', 'main', 1],
      ['Fire // Ice', 'main', 4],
      ['Pithing Needle', 'sideboard', 1],
    ]);
    expect(playingCardNames(deck)).toEqual(['Kinnan, Bonder Prodigy', 'Basalt Monolith', 'Fire // Ice']);
  });

  it('understands Moxfield and MTGO variants: 1x, foil marks, [SET], SB: prefix, category headers', () => {
    const text = '// Creatures\n1x Pestermite *F*\n1 Splinter Twin [ROE]\nCreatures (2)\n2x Llanowar Elves\nSB: 1 Negate\nMaybeboard\n1 Lightning Bolt\n';
    const deck = parseDecklist(text);
    expect(deck.entries.map((entry) => `${entry.quantity} ${entry.name} ${entry.section}`)).toEqual([
      '1 Pestermite main',
      '1 Splinter Twin main',
      '2 Llanowar Elves main',
      '1 Negate sideboard',
      '1 Lightning Bolt maybe',
    ]);
    expect(playingCardNames(deck)).toEqual(['Pestermite', 'Splinter Twin', 'Llanowar Elves']);
  });

  it('handles CRLF and bare CR line ends and a byte-order mark', () => {
    const deck = parseDecklist('\uFEFF1 Sol Ring\r\n1 Mana Crypt\r1 Mox Diamond');
    expect(deck.entries.map((entry) => entry.name)).toEqual(['Sol Ring', 'Mana Crypt', 'Mox Diamond']);
  });

  it('reports lines it cannot read with their line numbers instead of dropping them silently', () => {
    const deck = parseDecklist('1 Sol Ring\n0 Mana Crypt\n');
    expect(deck.entries).toHaveLength(1);
    expect(deck.problems).toEqual([{ line: 2, text: '0 Mana Crypt', reason: 'quantity must be at least 1' }]);
  });
});
