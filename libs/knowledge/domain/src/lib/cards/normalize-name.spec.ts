import { normalizeCardName } from './normalize-name';

describe('normalizeCardName', () => {
  it.each([
    ['Æther Vial', 'aether vial'],
    ['Lim-Dûl the Necromancer', 'lim dul the necromancer'],
    ['Déjà Vu', 'deja vu'],
    ['Jace, the Mind Sculptor', 'jace the mind sculptor'],
    ['Gaea’s Cradle', 'gaeas cradle'],
    ["Gaea's Cradle", 'gaeas cradle'],
    ['  Fire   //  Ice ', 'fire ice'],
    ['Søren Ørsted', 'soren orsted'],
    ['B.F.M. (Big Furry Monster)', 'b f m big furry monster'],
  ])('reads %j as %j', (name, expected) => {
    expect(normalizeCardName(name)).toBe(expected);
  });

  it('keeps the blanks of Un-card names, so "_____" is not an empty key and "_____ Goblin" is not "Goblin"', () => {
    expect(normalizeCardName('_____')).toBe('_____');
    expect(normalizeCardName('_____ Goblin')).not.toBe(normalizeCardName('Goblin'));
    expect(normalizeCardName('_____')).not.toBe(normalizeCardName('______'));
  });
});
