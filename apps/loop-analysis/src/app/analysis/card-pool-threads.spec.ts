import { findLoopsInCardPool, type LoopCard } from '@melvin/loop/domain';
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

const loopsOf = (analysis: { loops: { cards: string[]; outcomes: string[] }[] }) => analysis.loops.map((loop) => ({ cards: [...loop.cards].sort(), outcomes: loop.outcomes }));

describe('deck searches on worker threads', () => {
  const threads = new CardPoolThreads(2);
  const options = { maxSize: 3, budgetMs: 20_000, perSetMs: 200 };

  // Starting the workers loads the engine from TypeScript sources, which takes a few seconds.
  beforeAll(() => threads.warmUp(), 60_000);
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

  it('answers decks sent at the same time, each with its own loops', async () => {
    const withoutPestermite = deck.filter((c) => c.name !== 'Pestermite');
    const [full, partial] = await Promise.all([threads.findLoops(deck, options), threads.findLoops(withoutPestermite, options)]);
    expect(full.loops.length).toBeGreaterThan(0);
    expect(partial.loops).toEqual([]);
  }, 60_000);
});
