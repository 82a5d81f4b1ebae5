import { loopsOf, outcomesOf } from '../../test-support/loops';


// Each mechanism: a combo from the Commander Spellbook sheet that must be found, and real cards close to it that must not loop.
describe('mechanisms behind combos the engine used to miss', () => {
  it('returns a dying creature to hand and recasts it (Enduring Renewal, a free creature, a sacrifice outlet)', () => {
    expect(outcomesOf('Enduring Renewal', 'Ornithopter', "Ashnod's Altar")).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-cast', 'infinite-death']));
    expect(loopsOf('Enduring Renewal', 'Grizzly Bears', "Ashnod's Altar")).toEqual([]);
  });

  it('counts the card itself in "whenever this creature or another artifact creature dies"', () => {
    expect(outcomesOf('Dross Scorpion', 'Myr Turbine', 'Phyrexian Altar')).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-tokens']));
    expect(loopsOf('Dross Scorpion', 'Myr Turbine')).toEqual([]);
  });

  it("reads a tribal lord's bonus and mana equal to a creature's power", () => {
    expect(outcomesOf('Imperious Perfect', 'Intruder Alarm', 'Viridian Joiner')).toEqual(expect.arrayContaining(['infinite-tokens', 'infinite-mana']));
    expect(loopsOf('Imperious Perfect', 'Intruder Alarm', 'Grizzly Bears')).toEqual([]);
  });

  it.each([['Grumgully, the Generous'], ['Rhythm of the Wild']])('keeps a persist creature coming back with %s adding a +1/+1 counter', (helper) => {
    expect(outcomesOf('Aerie Ouphes', helper, "Ashnod's Altar")).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-death']));
  });

  it('stops an undying creature that enters with an extra +1/+1 counter', () => {
    expect(loopsOf("Geralf's Messenger", 'Grumgully, the Generous', "Ashnod's Altar")).toEqual([]);
  });

  it('returns a creature without flying with a flying counter, so undying or Solemnity can take turns with it', () => {
    expect(outcomesOf('Luminous Broodmoth', "Geralf's Messenger", 'Viscera Seer')).toEqual(expect.arrayContaining(['infinite-death', 'infinite-lifeloss']));
    expect(outcomesOf('Solemnity', 'Mogg Fanatic', 'Luminous Broodmoth')).toContain('infinite-damage');
    expect(loopsOf('Luminous Broodmoth', 'Mogg Fanatic')).toEqual([]);
  });

  it('gives "those creatures" of a later line the group an earlier line pumped', () => {
    const [loop] = loopsOf('Boros Reckoner', 'Break of Day', 'Lifelink');
    expect(loop.outcomes).toContain('infinite-lifegain');
    expect(loop.requires).toContain('Lifelink attached to Boros Reckoner');
    expect(loopsOf('Boros Reckoner', 'Lifelink', 'Giant Growth')).toEqual([]);
  });

  it('takes infinite turns when nothing sees Wormfang Manta enter, and none when its turn skip applies', () => {
    expect(outcomesOf('Wormfang Manta', 'Hushbringer', "Conjurer's Closet")).toContain('infinite-turns');
    expect(loopsOf('Wormfang Manta', "Conjurer's Closet")).toEqual([]);
  });

  it('draws the extra-turn spell a copied Reclaim put on top of the library', () => {
    const [loop] = loopsOf('Isochron Scepter', 'Reclaim', 'Time Warp');
    expect(loop.outcomes).toContain('infinite-turns');
    expect(loop.requires).toContain('Reclaim imprinted on Isochron Scepter');
    expect(loopsOf('Isochron Scepter', 'Reclaim', 'Lightning Bolt')).toEqual([]);
  });

  it('mutates onto Kiki-Jiki, so the merged creature is nonlegendary and copies itself', () => {
    const loops = loopsOf('Kiki-Jiki, Mirror Breaker', 'Huntmaster Liger', 'Goblin Bombardment');
    expect(loops.flatMap((l) => l.outcomes)).toEqual(expect.arrayContaining(['infinite-damage', 'infinite-tokens']));
    expect(loops[0].requires).toContain('Huntmaster Liger mutated onto Kiki-Jiki, Mirror Breaker');
    expect(loopsOf('Kiki-Jiki, Mirror Breaker', 'Grizzly Bears', 'Goblin Bombardment')).toEqual([]);
  });

  it('pays a {C} cost with Wastes, and loops only when the cost is cut to what the Scions give back', () => {
    expect(outcomesOf('Training Grounds', 'Eldrazi Displacer', 'Drowner of Hope')).toEqual(expect.arrayContaining(['infinite-etb', 'infinite-mana']));
    expect(loopsOf('Eldrazi Displacer', 'Drowner of Hope')).toEqual([]);
  });

  it('brings back the creature a delayed "when it dies this turn" trigger watches', () => {
    expect(outcomesOf('Renegade Rallier', 'Saffi Eriksdotter', 'Phyrexian Altar')).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-etb']));
    expect(loopsOf('Saffi Eriksdotter', 'Phyrexian Altar', 'Grizzly Bears')).toEqual([]);
  });

  it('puts an Aura that enchants a land on a basic land, which an untap effect reaches', () => {
    const [loop] = loopsOf('Earthcraft', 'Squirrel Nest');
    expect(loop.outcomes).toEqual(expect.arrayContaining(['infinite-tokens', 'infinite-untap']));
    expect(loop.requires).toEqual(['Squirrel Nest attached to Forest']);
    expect(loopsOf('Earthcraft', 'Utopia Sprawl')).toEqual([]);
  });
});
