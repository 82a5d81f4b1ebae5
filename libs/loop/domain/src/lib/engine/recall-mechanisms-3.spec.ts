import { loopsOf, outcomesOf } from '../../test-support/loops';
import { loadCards } from '../../test-support/oracle-cards';
import { parseCardAbilities } from '../parser/parse-card';

// Each mechanism: a combo from the Commander Spellbook sheet that must be found with the outcome a player would
// name, and real cards close to it that must not loop.
describe('mechanisms behind combos the engine used to miss, third round', () => {
  it('gives an Aura\'s "as long as another Aura is attached" grant only to a host with a second Aura', () => {
    const [loop] = loopsOf('Boros Reckoner', 'Indestructibility', 'Face of Divinity');
    expect(loop.outcomes).toContain('infinite-lifegain');
    expect(loop.requires).toContain('an initial damage to Boros Reckoner');
    expect(loopsOf('Boros Reckoner', 'Eldrazi Monument', 'Face of Divinity')).toEqual([]);
  });

  it('pairs a soulbond creature with another creature, and shares its abilities while the pair lasts', () => {
    const [loop] = loopsOf('Boros Reckoner', 'Nearheath Pilgrim', 'Eldrazi Monument');
    expect(loop.outcomes).toContain('infinite-lifegain');
    expect(loop.requires).toContain('Nearheath Pilgrim paired with Boros Reckoner');
    expect(outcomesOf('Deadeye Navigator', 'Peregrine Drake')).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-etb', 'infinite-ltb']));
    expect(loopsOf('Boros Reckoner', 'Nearheath Pilgrim')).toEqual([]);
    expect(loopsOf('Deadeye Navigator', 'Llanowar Elves')).toEqual([]);
  });

  it('reads colour words in filters, and a static that sets the colour of every creature', () => {
    expect(outcomesOf('Teysa, Orzhov Scion', 'Darkest Hour', 'Viscera Seer', 'Llanowar Elves')).toEqual(expect.arrayContaining(['infinite-tokens', 'infinite-death', 'infinite-sacrifice']));
    expect(loopsOf('Teysa, Orzhov Scion', 'Viscera Seer', 'Llanowar Elves')).toEqual([]);
    const [steamKin] = loadCards('Runaway Steam-Kin');
    const castTrigger = parseCardAbilities(steamKin).abilities.find((a) => a.kind === 'triggered');
    expect(castTrigger?.kind === 'triggered' && castTrigger.trigger.spellColours).toEqual(['R']);
  });

  it('makes a colourless creature the colour an effect names until end of turn, so a colour filter accepts it', () => {
    expect(outcomesOf('Pili-Pala', 'Grand Architect')).toContain('infinite-mana');
    expect(loopsOf('Grand Architect', 'Llanowar Elves')).toEqual([]);
  });
});
