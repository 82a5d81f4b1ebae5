import { loopsOf, outcomesOf } from '../../test-support/loops';
import { loadCards } from '../../test-support/oracle-cards';
import { findLoops } from './find-loops';


describe('findLoops on classic combos', () => {
  it('finds infinite colourless mana with Basalt Monolith and Rings of Brighthearth', () => {
    const [loop] = loopsOf('Basalt Monolith', 'Rings of Brighthearth');
    expect(loop.outcomes).toContain('infinite-mana');
    expect(loop.manaColors).toEqual(['C']);
    expect(loop.cards.sort()).toEqual(['Basalt Monolith', 'Rings of Brighthearth']);
  });

  it.each([
    ['Pestermite', 'Splinter Twin'],
    ['Deceiver Exarch', 'Splinter Twin'],
    ['Pestermite', 'Kiki-Jiki, Mirror Breaker'],
    ['Deceiver Exarch', 'Kiki-Jiki, Mirror Breaker'],
  ])('finds infinite hasty tokens with %s and %s', (a, b) => {
    const outcomes = outcomesOf(a, b);
    expect(outcomes).toEqual(expect.arrayContaining(['infinite-tokens', 'infinite-etb', 'infinite-combat']));
  });

  it('says the Aura must be on the creature', () => {
    const [loop] = loopsOf('Pestermite', 'Splinter Twin');
    expect(loop.requires).toContain('Splinter Twin attached to Pestermite');
  });

  it('finds infinite mana, untaps and casts with Dramatic Reversal, Isochron Scepter and rocks making three', () => {
    const loops = loopsOf('Dramatic Reversal', 'Isochron Scepter', 'Sol Ring', 'Arcane Signet');
    const outcomes = loops.flatMap((l) => l.outcomes);
    expect(outcomes).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-untap', 'infinite-cast', 'infinite-copy']));
    expect(loops[0].requires).toContain('Dramatic Reversal imprinted on Isochron Scepter');
  });

  it.each([['Vito, Thorn of the Dusk Rose'], ['Sanguine Bond']])('finds a mandatory drain loop with Exquisite Blood and %s', (partner) => {
    const [loop] = loopsOf('Exquisite Blood', partner);
    expect(loop.outcomes).toEqual(expect.arrayContaining(['infinite-lifegain', 'infinite-lifeloss']));
    expect(loop.mandatory).toBe(true);
    expect(loop.requires).toContain('an initial life gain');
  });

  it('finds infinite damage, counters and life with Heliod, Sun-Crowned and Walking Ballista', () => {
    expect(outcomesOf('Heliod, Sun-Crowned', 'Walking Ballista')).toEqual(
      expect.arrayContaining(['infinite-damage', 'infinite-counters', 'infinite-lifegain']),
    );
  });

  it('finds infinite damage with Mikaeus, the Unhallowed and Triskelion', () => {
    expect(outcomesOf('Mikaeus, the Unhallowed', 'Triskelion')).toContain('infinite-damage');
  });

  it('finds infinite green mana with Devoted Druid and Vizier of Remedies', () => {
    const [loop] = loopsOf('Devoted Druid', 'Vizier of Remedies');
    expect(loop.outcomes).toEqual(expect.arrayContaining(['infinite-mana', 'infinite-untap']));
    expect(loop.manaColors).toEqual(['G']);
  });

  it.each([['Grim Monolith'], ['Basalt Monolith']])('finds infinite mana with %s and Power Artifact', (monolith) => {
    const [loop] = loopsOf(monolith, 'Power Artifact');
    expect(loop.outcomes).toContain('infinite-mana');
    expect(loop.requires).toContain(`Power Artifact attached to ${monolith}`);
  });

  it('finds infinite tokens with Saheeli Rai and Felidar Guardian', () => {
    expect(outcomesOf('Saheeli Rai', 'Felidar Guardian')).toEqual(expect.arrayContaining(['infinite-tokens', 'infinite-etb']));
  });
});

describe('findLoops on newer mechanisms', () => {
  it('follows "that permanent" back to the target an earlier effect chose', () => {
    expect(outcomesOf('Kiki-Jiki, Mirror Breaker', 'Zealous Conscripts')).toEqual(expect.arrayContaining(['infinite-tokens', 'infinite-untap']));
  });

  it('reads a target list joined by commas', () => {
    expect(outcomesOf('Mind Over Matter', 'Archivist')).toContain('infinite-draw');
  });

  it('reports a net-zero recursion loop by the events it repeats', () => {
    const loops = loopsOf('Sun Titan', 'Angelic Renewal', "Ashnod's Altar");
    const outcomes = loops.flatMap((l) => l.outcomes);
    expect(outcomes).toEqual(expect.arrayContaining(['infinite-etb', 'infinite-death', 'infinite-sacrifice']));
  });

  it('gives tokens the abilities quoted for them, and doubles them', () => {
    expect(outcomesOf('Spawnsire of Ulamog', 'Doubling Season')).toEqual(expect.arrayContaining(['infinite-etb', 'infinite-death']));
  });
});

describe('findLoops on near-misses', () => {
  it.each([
    [['Devoted Druid']],
    [['Basalt Monolith']],
    [['Splinter Twin', 'Llanowar Elves']],
    [['Kiki-Jiki, Mirror Breaker', 'Thalia, Guardian of Thraben']],
    [['Dramatic Reversal', 'Isochron Scepter', 'Mind Stone']],
    [['Heliod, Sun-Crowned', 'Grizzly Bears']],
    [['Devoted Druid', 'Solemnity']],
    [['Spawnsire of Ulamog']],
    [['Sun Titan', "Ashnod's Altar"]],
    [['Smothering Tithe', 'Archivist']],
    [['Saffi Eriksdotter']],
    [['Ghost Town']],
    [['Frenetic Sliver']],
    // Its trigger wants combat damage; the damage it deals in answer is not.
    [['Skirk Commando']],
    [['Balefire Dragon']],
    // Makes its mana only the third time its ability resolves each turn.
    [['Soulbright Flamekin']],
    // Answers only the second card drawn each turn.
    [['Irencrag Pyromancer', 'Curiosity']],
    // Makes its Cat only for the first life gained during each of your turns.
    [['Cat Collector', 'Soul Warden']],
  ])('reports no infinite outcome for %j', (names) => {
    expect(loopsOf(...names)).toEqual([]);
  });

  it('does not loop an untapper that works once each turn', () => {
    expect(loopsOf('Basalt Monolith', 'Voltaic Servant')).toEqual([]);
  });

  // Creatures that come back changed, late, or not at all: each looked like a free sacrifice loop once.
  it.each([
    ['Enduring Courage', 'comes back as an enchantment, no longer a creature'],
    ['Molten Firebird', 'comes back at the beginning of the next end step'],
    ['Ojer Axonil, Deepest Might // Temple of Power', 'comes back transformed, as a land'],
    ['Body Snatcher', 'is exiled, and returns another creature card'],
    ['Wormfang Drake', 'returns the card it exiled, not itself'],
    ['Ashcloud Phoenix', 'comes back face down'],
    ['Wave of Rats', 'comes back only if it dealt combat damage this turn'],
    ['Narfi, Betrayer King', 'needs snow mana to come back'],
    ['Unstoppable Slasher', 'comes back with stun counters, and only without counters'],
    ['Phytotitan', 'comes back at its owner\'s next upkeep'],
    ['Petrified Field', 'returns to hand, and a land is played only once a turn'],
  ])('finds no loop with %s and a sacrifice outlet: it %s', (creature) => {
    expect(loopsOf(creature, "Ashnod's Altar")).toEqual([]);
  });
});

describe('loop reports', () => {
  it('keep only the cards a loop uses', () => {
    const loops = loopsOf('Pestermite', 'Kiki-Jiki, Mirror Breaker', 'Grizzly Bears');
    expect(loops.length).toBeGreaterThan(0);
    for (const loop of loops) expect(loop.cards).not.toContain('Grizzly Bears');
  });

  it('quote the exact oracle text of each step', () => {
    const cards = loadCards('Devoted Druid', 'Vizier of Remedies');
    const [loop] = findLoops(cards).loops;
    const texts = cards.map((c) => c.oracleText);
    expect(loop.steps.length).toBeGreaterThan(1);
    for (const step of loop.steps) expect(texts.some((t) => t.includes(step.ability))).toBe(true);
    expect(loop.steps.map((s) => s.ability)).toEqual(expect.arrayContaining(['{T}: Add {G}.', 'Put a -1/-1 counter on this creature: Untap this creature.']));
    expect(loop.netPerIteration['mana G']).toBe(1);
  });

  it('report text it cannot read, per card', () => {
    const analysis = findLoops(loadCards('Heliod, Sun-Crowned'));
    expect(analysis.unparsed).toEqual(expect.arrayContaining([expect.objectContaining({ card: 'Heliod, Sun-Crowned' })]));
  });
});

describe('search limits', () => {
  it('a cap in states gives up, saying so, and the same cards with room find their loop', () => {
    const cards = loadCards('Pestermite', 'Kiki-Jiki, Mirror Breaker');
    const cut = findLoops(cards, { budgetMs: 60_000, maxStates: 1 });
    expect(cut.exhausted).toBe(true);
    expect(cut.loops).toEqual([]);
    const roomy = findLoops(cards, { budgetMs: 60_000, maxStates: 2000 });
    expect(roomy.exhausted).toBe(false);
    expect(roomy.loops.flatMap((l) => l.outcomes)).toContain('infinite-tokens');
  });
});
