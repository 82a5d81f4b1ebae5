import type { Ability } from '../model/ability';
import { loadCards, loadGameCards } from '../../test-support/oracle-cards';
import { parseCardAbilities } from './parse-card';

function abilities(name: string): Ability[] {
  return parseCardAbilities(loadCards(name)[0]).abilities;
}

describe('parseCardAbilities on real oracle text', () => {
  it('keeps quoted token abilities on the tokens, not on the ability that makes them', () => {
    const [, make] = abilities('Spawnsire of Ulamog');
    expect(make).toMatchObject({ kind: 'activated', effects: [{ kind: 'createToken', grantedText: expect.stringMatching(/^sacrifice ~: add \{c\}\.$/) }] });
  });

  it('reads "enters or attacks" as an entering trigger and ignores mana value limits on a target', () => {
    const trigger = abilities('Sun Titan').find((a) => a.kind === 'triggered');
    expect(trigger).toMatchObject({ trigger: { event: 'enters', subject: { self: true } }, effects: [{ kind: 'reanimate', target: { kind: 'chosen', filter: {} } }] });
  });

  it('reads "untap that permanent" as the permanent chosen before', () => {
    const trigger = abilities('Zealous Conscripts').find((a) => a.kind === 'triggered');
    expect(trigger?.kind === 'triggered' && trigger.effects.find((e) => e.kind === 'untap')).toEqual({ kind: 'untap', target: { kind: 'earlierTarget' } });
  });

  it('reads a draw trigger on opponents as not firing on your draws', () => {
    const trigger = abilities('Smothering Tithe').find((a) => a.kind === 'triggered');
    expect(trigger).toMatchObject({ trigger: { event: 'draw', player: 'opponent' } });
  });

  it('reads mana abilities, self-untaps and "doesn\'t untap"', () => {
    const read = abilities('Basalt Monolith');
    expect(read).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'static', effect: { kind: 'doesntUntap' } }),
      expect.objectContaining({ kind: 'activated', isManaAbility: true, costs: [{ kind: 'tap' }] }),
      expect.objectContaining({ kind: 'activated', text: '{3}: Untap this artifact.', effects: [{ kind: 'untap', target: { kind: 'self' } }] }),
    ]));
  });

  it('reads an ability an Aura grants, quoted by the line that grants it', () => {
    const grant = abilities('Splinter Twin').find((a) => a.kind === 'static' && a.effect.kind === 'grant');
    expect(grant?.kind === 'static' && grant.effect.kind === 'grant' && grant.effect.abilities[0]).toMatchObject({
      kind: 'activated', costs: [{ kind: 'tap' }], effects: [{ kind: 'createToken', haste: true, copyOf: { kind: 'self' } }],
    });
  });

  it('reads modal triggers as one mode each', () => {
    const [, trigger] = abilities('Deceiver Exarch');
    expect(trigger).toMatchObject({ kind: 'triggered', trigger: { event: 'enters', subject: { self: true } } });
    expect(trigger.kind === 'triggered' && trigger.modes?.length).toBe(2);
  });

  it('reads optional payments and copy effects', () => {
    expect(abilities('Rings of Brighthearth')[0]).toMatchObject({
      trigger: { event: 'activate', condition: { kind: 'notManaAbility' } },
      optionalCost: [{ kind: 'mana', mana: { generic: 2 } }],
      effects: [{ kind: 'copyAbility' }],
    });
  });

  it('reads counters as costs, "enters with" counters, and counter replacement', () => {
    expect(abilities('Walking Ballista')).toEqual(expect.arrayContaining([
      expect.objectContaining({ effect: { kind: 'entersWithCounters', counter: '+1/+1', count: 'X' } }),
      expect.objectContaining({ costs: [{ kind: 'removeCounters', counter: '+1/+1', count: 1, filter: { self: true } }] }),
    ]));
    expect(abilities('Vizier of Remedies')[0]).toMatchObject({ effect: { kind: 'reduceCounters', counter: '-1/-1', by: 1 } });
    expect(abilities('Solemnity')).toEqual(expect.arrayContaining([expect.objectContaining({ effect: expect.objectContaining({ kind: 'preventCounters' }) })]));
  });

  it('reads cost reductions with their floor', () => {
    expect(abilities('Power Artifact')).toEqual(expect.arrayContaining([
      expect.objectContaining({ effect: { kind: 'costReduction', appliesTo: 'activated', filter: { kind: 'attached' }, amount: 2, floor: 1 } }),
    ]));
  });

  it('reads both faces of an adventure card', () => {
    const parsed = parseCardAbilities(loadCards('Bonecrusher Giant // Stomp')[0]);
    const read = parsed.abilities;
    expect(parsed.unparsed.map((u) => u.text)).toContain(
      "Whenever this creature becomes the target of a spell, this creature deals 2 damage to that spell's controller.",
    );
    expect(read).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'spell', face: 'Stomp', effects: [expect.objectContaining({ kind: 'damage', to: 'any' })] })]));
  });

  it('keeps the text it cannot read', () => {
    const parsed = parseCardAbilities(loadCards('Heliod, Sun-Crowned')[0]);
    expect(parsed.unparsed.map((u) => u.text)).toContain('As long as your devotion to white is less than five, Heliod isn\'t a creature.');
  });

  it('reads most abilities of a slice of the real card pool', () => {
    const cards = loadGameCards().slice(0, 2000);
    const read = cards.flatMap((c) => parseCardAbilities(c).abilities).filter((a) => a.kind !== 'keyword');
    const complete = read.filter((a) => a.unread.length === 0).length;
    expect(complete / read.length).toBeGreaterThan(0.7);
  });
});
