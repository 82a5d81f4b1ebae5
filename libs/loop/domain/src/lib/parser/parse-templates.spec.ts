import type { Ability } from '../model/ability';
import { loadCards } from '../../test-support/oracle-cards';
import { parseCardAbilities } from './parse-card';

function abilities(name: string): Ability[] {
  return parseCardAbilities(loadCards(name)[0]).abilities;
}

function unparsed(name: string): string[] {
  return parseCardAbilities(loadCards(name)[0]).unparsed.map((u) => u.text);
}

describe('templates read for loops the engine used to miss', () => {
  it('reads "this creature or another creature you control dies" as any creature you control, itself included', () => {
    const trigger = abilities('Zulaport Cutthroat').find((a) => a.kind === 'triggered');
    expect(trigger).toMatchObject({ trigger: { event: 'dies', subject: { controller: 'you', types: ['creature'] } } });
    expect(trigger?.kind === 'triggered' && trigger.trigger.subject?.another).toBeFalsy();
  });

  it('reads "return it to your hand" after a death', () => {
    expect(abilities('Enduring Renewal')).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'triggered', effects: [{ kind: 'bounce', target: { kind: 'eventObject' } }] }),
    ]));
  });

  it.each([
    ['Imperious Perfect', { kind: 'anthem', to: { kind: 'all', filter: { another: true, controller: 'you', subtypes: ['elf'] } } }],
    ['Gemhide Sliver', { kind: 'grant', to: { kind: 'all', filter: { subtypes: ['sliver'] } } }],
    ['Grumgully, the Generous', { kind: 'othersEnterWithCounters', counter: '+1/+1', count: 1, filter: { another: true, controller: 'you', excludedSubtypes: ['human'], types: ['creature'] } }],
    ['Torpor Orb', { kind: 'suppressTriggers', events: ['enters'], filter: { types: ['creature'] } }],
    ['Hushbringer', { kind: 'suppressTriggers', events: ['enters', 'dies'] }],
  ])('reads the static of %s', (name, effect) => {
    expect(abilities(name)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'static', effect: expect.objectContaining(effect) })]));
  });

  it("reads mana equal to the creature's own power", () => {
    expect(abilities('Viridian Joiner')).toEqual([expect.objectContaining({ effects: [expect.objectContaining({ kind: 'addMana', amount: { powerOf: 'self' } })] })]);
  });

  it('reads "without flying" as a keyword the creature lacks, and a flying counter on the returned card', () => {
    const trigger = abilities('Luminous Broodmoth').find((a) => a.kind === 'triggered');
    expect(trigger).toMatchObject({
      trigger: { subject: { types: ['creature'], withoutKeywords: ['flying'] } },
      effects: [{ kind: 'reanimate', counters: { counter: 'flying', count: 1 } }],
    });
    expect(trigger?.kind === 'triggered' && trigger.trigger.subject?.subtypes).toBeFalsy();
  });

  it('reads "creatures you control" as a group, and "those creatures" on a later line as the same group', () => {
    const group = { kind: 'all', filter: { controller: 'you', types: ['creature'] } };
    expect(abilities('Break of Day')).toEqual([
      expect.objectContaining({ effects: [expect.objectContaining({ kind: 'pump', target: group })] }),
      expect.objectContaining({ effects: [{ kind: 'grantKeyword', keyword: 'indestructible', target: group }] }),
    ]);
  });

  it.each([
    ['Reclaim', { kind: 'putOnLibrary' }],
    ['Noxious Revival', { kind: 'putOnLibrary' }],
    ['Adarkar Valkyrie', { kind: 'returnWhenDies', target: expect.objectContaining({ kind: 'chosen' }) }],
    ['Saffi Eriksdotter', { kind: 'returnWhenDies' }],
    ['Wormfang Manta', { kind: 'skipTurn' }],
  ])('reads the effect of %s', (name, effect) => {
    const effects = abilities(name).flatMap((a) => ('effects' in a ? a.effects : []));
    expect(effects).toContainEqual(expect.objectContaining(effect));
    expect(unparsed(name)).toEqual([]);
  });

  it('keeps "players have no maximum hand size" out of the lord templates', () => {
    expect(abilities('Reliquary Tower').some((a) => a.kind === 'static' && (a.effect.kind === 'grant' || a.effect.kind === 'anthem'))).toBe(false);
  });
});
