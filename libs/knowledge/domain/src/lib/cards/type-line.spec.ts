import { parseTypeLine } from './type-line';

describe('parseTypeLine', () => {
  it.each([
    ['Legendary Creature — Human Wizard', ['Legendary'], ['Creature'], ['Human', 'Wizard']],
    ['Basic Snow Land — Forest', ['Basic', 'Snow'], ['Land'], ['Forest']],
    ['Kindred Instant — Elemental', [], ['Kindred', 'Instant'], ['Elemental']],
    ['Artifact Creature — Golem', [], ['Artifact', 'Creature'], ['Golem']],
    ['Instant', [], ['Instant'], []],
    ['Legendary Enchantment Artifact', ['Legendary'], ['Enchantment', 'Artifact'], []],
    ['Plane — Bolas’s Meditation Realm', [], ['Plane'], ['Bolas’s Meditation Realm']],
    ['Host Creature — Cat', ['Host'], ['Creature'], ['Cat']],
  ])('reads %j', (typeLine, supertypes, types, subtypes) => {
    expect(parseTypeLine(typeLine)).toEqual({ supertypes, types, subtypes });
  });

  it('gives the union of the faces of a multi-faced card, each part once', () => {
    expect(parseTypeLine('Creature — Goblin Warrior // Legendary Creature — Goblin Shaman')).toEqual({
      supertypes: ['Legendary'],
      types: ['Creature'],
      subtypes: ['Goblin', 'Warrior', 'Shaman'],
    });
    expect(parseTypeLine('Artifact // Sorcery — Adventure')).toEqual({
      supertypes: [],
      types: ['Artifact', 'Sorcery'],
      subtypes: ['Adventure'],
    });
  });

  it('reads a plain hyphen as the dash, as older text exports write it', () => {
    expect(parseTypeLine('Creature - Elf Druid').subtypes).toEqual(['Elf', 'Druid']);
  });
});
