import { findLoopsInCardPool, findOneCardAway, type LoopCard, type OneCardAway } from '@melvin/loop/domain';
import { CardPoolThreads } from './card-pool-threads';

function card(name: string, oracleText: string, types: string[], extra: Partial<LoopCard> = {}): LoopCard {
  return {
    name, oracleText, types, faces: [], typeLine: types.join(' '), subtypes: [], supertypes: [], manaCost: '', manaValue: 2,
    keywords: [], colorIdentity: [], producedMana: [], power: null, toughness: null, ...extra,
  };
}

const deck = [
  card('Kiki-Jiki, Mirror Breaker', "Haste\n{T}: Create a token that's a copy of target nonlegendary creature you control, except it has haste. Sacrifice it at the beginning of the next end step.", ['creature'], {
    supertypes: ['legendary'], keywords: ['Haste'], power: '2', toughness: '2', manaCost: '{2}{R}{R}{R}', manaValue: 5,
  }),
  card('Pestermite', 'Flash\nFlying\nWhen Pestermite enters, you may tap or untap target permanent.', ['creature'], { keywords: ['Flash', 'Flying'], power: '2', toughness: '1', manaCost: '{2}{U}', manaValue: 3 }),
  card('Llanowar Elves', '{T}: Add {G}.', ['creature'], { power: '1', toughness: '1', manaCost: '{G}', manaValue: 1, producedMana: ['G'] }),
  card('Sol Ring', '{T}: Add {C}{C}.', ['artifact'], { manaCost: '{1}', manaValue: 1, producedMana: ['C'] }),
  card('Grizzly Bears', '', ['creature'], { power: '2', toughness: '2', manaCost: '{1}{G}' }),
  card('Lightning Bolt', 'Lightning Bolt deals 3 damage to any target.', ['instant'], { manaCost: '{R}', manaValue: 1 }),
];

// The deck lacks Pestermite: the pool has it and two other cards that go infinite with Kiki-Jiki, cards
// with sets to search but no loop, and filler that never trades with the deck.
const oneAwayDeck = [
  ...deck.filter((c) => c.name !== 'Pestermite'),
  card("Ashnod's Altar", 'Sacrifice a creature: Add {C}{C}.', ['artifact'], { manaCost: '{3}', manaValue: 3 }),
];
const candidatePool = [
  ...deck.filter((c) => c.name === 'Pestermite'),
  card('Zealous Conscripts', 'Haste\nWhen Zealous Conscripts enters, gain control of target permanent until end of turn. Untap that permanent. It gains haste until end of turn.', ['creature'], {
    keywords: ['Haste'], power: '3', toughness: '3', manaCost: '{4}{R}', manaValue: 5,
  }),
  card('Deceiver Exarch', 'Flash\nWhen Deceiver Exarch enters, choose one —\n• Untap target permanent you control.\n• Tap target permanent an opponent controls.', ['creature'], {
    keywords: ['Flash'], power: '1', toughness: '4', manaCost: '{2}{U}', manaValue: 3,
  }),
  card('Reassembling Skeleton', '{1}{B}: Return Reassembling Skeleton from your graveyard to the battlefield tapped.', ['creature'], { power: '1', toughness: '1', manaCost: '{1}{B}' }),
  card('Nim Deathmantle', 'Equipped creature gets +2/+2, has intimidate, and is a black Zombie.\nWhenever a nontoken creature is put into your graveyard from the battlefield, you may pay {4}. If you do, return that card to the battlefield and attach Nim Deathmantle to it.\nEquip {4}', ['artifact'], {
    subtypes: ['equipment'], manaCost: '{2}',
  }),
  card('Serra Angel', 'Flying\nVigilance', ['creature'], { keywords: ['Flying', 'Vigilance'], power: '4', toughness: '4', manaCost: '{3}{W}{W}', manaValue: 5 }),
  card('Shock', 'Shock deals 2 damage to any target.', ['instant'], { manaCost: '{R}', manaValue: 1 }),
  card('Elvish Mystic', '{T}: Add {G}.', ['creature'], { power: '1', toughness: '1', manaCost: '{G}', manaValue: 1, producedMana: ['G'] }),
];

const suggestionsOf = (suggestions: OneCardAway[]) => suggestions.map((s) => ({ card: s.card, with: s.with, outcomes: s.loop.outcomes }));

const loopsOf = (analysis: { loops: { cards: string[]; outcomes: string[] }[] }) => analysis.loops.map((loop) => ({ cards: [...loop.cards].sort(), outcomes: loop.outcomes }));

describe('deck searches on worker threads', () => {
  const threads = new CardPoolThreads(2);
  const options = { maxSize: 3, budgetMs: 20_000, perSetMs: 200 };

  // Starting the workers loads the engine from TypeScript sources; the warm-up then runs it over the deck's cards.
  beforeAll(() => threads.warmUp(deck, 200), 60_000);
  afterAll(() => threads.close());

  it('finds the same loops as a search in one thread', async () => {
    const analysis = await threads.findLoops(deck, options);
    expect(loopsOf(analysis)).toContainEqual(expect.objectContaining({ cards: ['Kiki-Jiki, Mirror Breaker', 'Pestermite'] }));
    expect(loopsOf(analysis)).toEqual(loopsOf(findLoopsInCardPool(deck, options)));
    expect(analysis.exhausted).toBe(false);
  }, 60_000);

  it('reports its progress through the deck, up to the whole of it', async () => {
    const progress: number[] = [];
    await threads.findLoops(deck, options, (share) => progress.push(share));
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  }, 60_000);

  it('suggests the same cards one away from a loop as a search in one thread', async () => {
    const oneAwayOptions = { limit: 10, budgetMs: 20_000, perSetMs: 200 };
    const suggestions = suggestionsOf(await threads.findOneCardAway(oneAwayDeck, candidatePool, oneAwayOptions));
    expect(suggestions.map((s) => s.card).sort()).toEqual(['Deceiver Exarch', 'Pestermite', 'Zealous Conscripts']);
    expect(suggestions).toContainEqual(expect.objectContaining({ card: 'Pestermite', with: ['Kiki-Jiki, Mirror Breaker'] }));
    expect(suggestions).toEqual(suggestionsOf(findOneCardAway(oneAwayDeck, candidatePool, oneAwayOptions)));
  }, 60_000);

  it('answers decks sent at the same time, each with its own loops', async () => {
    const withoutPestermite = deck.filter((c) => c.name !== 'Pestermite');
    const [full, partial] = await Promise.all([threads.findLoops(deck, options), threads.findLoops(withoutPestermite, options)]);
    expect(full.loops.length).toBeGreaterThan(0);
    expect(partial.loops).toEqual([]);
  }, 60_000);
});

describe('a worker that stops during a search', () => {
  const threads = new CardPoolThreads(2);
  afterAll(() => threads.close());

  it('fails that search instead of hanging, and the next one runs on fresh workers', async () => {
    const options = { budgetMs: 20_000, perSetMs: 200 };
    // The workers stop at the first answer, while the pool's other sets are still in flight or to come.
    let stopping: Promise<void> | undefined;
    const failed = threads.findOneCardAway(oneAwayDeck, candidatePool, options, () => (stopping ??= threads.close()));
    await expect(failed).rejects.toThrow(/worker stopped/);
    await stopping;
    const suggestions = await threads.findOneCardAway(oneAwayDeck, candidatePool, options);
    expect(suggestions.map((s) => s.card)).toContain('Pestermite');
  }, 60_000);
});
