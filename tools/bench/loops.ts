// Loop-engine figures against the Commander Spellbook sheet: recall, false positives, parser coverage, timing.
// Prints, never fails: `npx tsx --tsconfig tsconfig.base.json tools/bench/loops.ts`
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { findLoops, findLoopsInCardPool, parsedAbilityShare, spreadSample, warmUpEngine, type CardPoolAnalysis, type LoopCard, type Outcome } from '@melvin/loop/domain';
import { CardPoolThreads } from '../../apps/loop-analysis/src/app/analysis/card-pool-threads';
import { dataDir, isGameCard, readOracleFile, toLoopCard } from '../../libs/loop/domain/src/test-support/oracle-cards';

interface Combo {
  id: string;
  cards: string[];
  prerequisites: string;
  results: string[];
  color_identity: string;
}

/**
 * Each combo's search is capped in states, so the figures are the same on a busy machine as on an idle
 * one; the time budget is only a safety net.
 */
const PER_COMBO = { maxStates: Number(process.env['BENCH_COMBO_STATES'] ?? 2000), budgetMs: 1000 };
const SAMPLE = Number(process.env['BENCH_FP_SAMPLE'] ?? 300);

/**
 * `--misses=N` prints N missed combos of each size (default 15, 2-card only); `--only=recall,fp,decks` runs some sections;
 * `--threads=N` sets the worker threads of the deck section (default: the machine's cores).
 */
function flag(name: string): string | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg?.slice(name.length + 3);
}
const MISSES = Number(flag('misses') ?? 15);
const SECTIONS = new Set((flag('only') ?? 'recall,fp,decks').split(','));
const DECK_OPTIONS = { maxSize: 3, budgetMs: 10000 };
const DECK_THREADS = Number(flag('threads') ?? availableParallelism());
/** As the loop-analysis service does after start (DECK_WARM_UP_MS, 2,400 sample cards). */
const WARM_UP = { ms: 2000, sample: 2400 };

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const normal = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
const percent = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;

/** The sheet's free-text results, mapped onto Melvin's outcome names. */
const RESULT_WORDS: [RegExp, Outcome][] = [
  [/mana/, 'infinite-mana'], [/damage|ping/, 'infinite-damage'], [/life ?gain|gain.*life|infinite life\b|lifelink/, 'infinite-lifegain'],
  [/drain|life ?loss|lose.*life/, 'infinite-lifeloss'], [/tokens?|golems|copies/, 'infinite-tokens'], [/etb|enter/, 'infinite-etb'],
  [/ltb|leave/, 'infinite-ltb'], [/death|dies|die\b/, 'infinite-death'], [/sac/, 'infinite-sacrifice'], [/draw/, 'infinite-draw'],
  [/mill/, 'infinite-mill'], [/storm|cast/, 'infinite-cast'], [/cop(y|ies)/, 'infinite-copy'], [/untap/, 'infinite-untap'],
  [/counters/, 'infinite-counters'], [/large|power|\+1\/\+1|huge/, 'infinite-power'], [/combat/, 'infinite-combat'], [/turn/, 'infinite-turns'],
];

function expectedOutcomes(results: string[]): Outcome[] {
  const outcomes = new Set<Outcome>();
  for (const result of results.map((r) => r.toLowerCase())) {
    if (!/infinit|infinte|infiite|unlimited|near-infinite|arbitrar/.test(result)) continue;
    for (const [pattern, outcome] of RESULT_WORDS) if (pattern.test(result)) outcomes.add(outcome);
  }
  return [...outcomes];
}

/** Sheets rows whose setup goes beyond "everything on the battlefield, some mana available". */
function needsSetup(prerequisites: string): boolean {
  const text = prerequisites.toLowerCase();
  return /in (?:your |the )?(?:hand|graveyard|grave|library|command zone)|in hand|from (?:your )?(?:hand|graveyard)|devotion|at least \d+ (?:other )?[a-z]+|\d+ (?:other )?(?:creatures|lands|elves|permanents|cards)|experience|life total|\d+ (?:or more )?life|naming|named|soulbond|poison|opponents? (?:has|have|control)|mana dorks|deal combat damage|attacked/.test(text);
}

async function main(): Promise<void> {
  const raw = readOracleFile().filter(isGameCard);
  const cards = raw.map(toLoopCard);
  const byName = new Map(cards.map((c) => [normal(c.name), c]));
  for (const card of cards) for (const face of card.faces) if (!byName.has(normal(face.name))) byName.set(normal(face.name), card);

  let started = performance.now();
  const share = parsedAbilityShare(cards);
  console.log(`Parsed-ability share over ${cards.length} gameplay cards: ${percent(share.parsed, share.total)} (${share.parsed}/${share.total}), ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const combos = JSON.parse(readFileSync(path.join(dataDir(), 'combos/commander-spellbook-sheet-2020-07-normalized.json'), 'utf8')) as Combo[];
  const unresolved = new Set<string>();
  const resolvedCombos = combos.flatMap((combo) => {
    const found = combo.cards.map((name) => byName.get(normal(name)));
    combo.cards.forEach((name, i) => !found[i] && unresolved.add(name));
    return found.every(Boolean) ? [{ combo, cards: found as LoopCard[] }] : [];
  });
  console.log(`\nCombo sheet: ${combos.length} combos, ${resolvedCombos.length} with every card resolved; unresolvable names (${unresolved.size}): ${[...unresolved].join('; ') || 'none'}`);

  const bySize = new Map<string, { hit: number; total: number }>();
  const byOutcome = new Map<string, { hit: number; total: number }>();
  const apart = { hit: 0, total: 0 };
  const times: number[] = [];
  let notInfinite = 0;
  const misses: string[] = [];
  const misses3: string[] = [];
  started = performance.now();
  for (const { combo, cards: comboCards } of SECTIONS.has('recall') ? resolvedCombos : []) {
    const expected = expectedOutcomes(combo.results);
    if (!expected.length) {
      notInfinite += 1;
      continue;
    }
    const analysis = findLoops(comboCards, PER_COMBO);
    times.push(analysis.tookMs);
    const found = new Set(analysis.loops.flatMap((l) => l.outcomes));
    const hit = analysis.loops.length > 0;
    if (needsSetup(combo.prerequisites)) {
      apart.total += 1;
      apart.hit += hit ? 1 : 0;
      continue;
    }
    const size = comboCards.length >= 4 ? '4+' : String(comboCards.length);
    const row = bySize.get(size) ?? { hit: 0, total: 0 };
    row.total += 1;
    row.hit += hit ? 1 : 0;
    bySize.set(size, row);
    if (!hit && comboCards.length <= 2 && misses.length < MISSES) misses.push(`${combo.cards.join(' + ')} → ${combo.results.join(', ')}`);
    if (!hit && comboCards.length === 3 && flag('misses') && misses3.length < MISSES) misses3.push(`${combo.cards.join(' + ')} → ${combo.results.join(', ')}`);
    for (const outcome of expected) {
      const o = byOutcome.get(outcome) ?? { hit: 0, total: 0 };
      o.total += 1;
      o.hit += found.has(outcome) ? 1 : 0;
      byOutcome.set(outcome, o);
    }
  }
  console.log(`Combos whose results name no infinite outcome (win the game, locks, one-shot mills): ${notInfinite}, not scored`);
  console.log(`Recall (a loop found) on combos set up as "permanents on the battlefield + mana", up to ${PER_COMBO.maxStates} states each:`);
  for (const size of ['2', '3', '4+']) {
    const row = bySize.get(size) ?? { hit: 0, total: 0 };
    console.log(`  ${size}-card: ${percent(row.hit, row.total)} (${row.hit}/${row.total})`);
  }
  console.log(`  needing other setup (cards in hand/graveyard/library, counters, more lands...), reported apart: ${percent(apart.hit, apart.total)} (${apart.hit}/${apart.total})`);
  console.log('Recall by expected outcome (that outcome reported):');
  for (const [outcome, row] of [...byOutcome].sort((a, b) => b[1].total - a[1].total)) console.log(`  ${outcome.padEnd(20)} ${percent(row.hit, row.total)} (${row.hit}/${row.total})`);
  console.log(`Examples of missed 2-card combos:\n  ${misses.join('\n  ')}`);
  if (misses3.length) console.log(`Examples of missed 3-card combos:\n  ${misses3.join('\n  ')}`);
  console.log(`Timing per combo: median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, total ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // False positives: random sets from the combo cards that are not inside any listed combo.
  const pool = [...new Map(resolvedCombos.flatMap((c) => c.cards).map((c) => [c.name, c])).values()];
  const listed = resolvedCombos.map((c) => new Set(c.cards.map((card) => card.name)));
  const random = seeded(20260417);
  for (const size of SECTIONS.has('fp') ? [2, 3] : []) {
    let positives = 0;
    let sampled = 0;
    const examples: string[] = [];
    while (sampled < SAMPLE) {
      const set = new Map<string, LoopCard>();
      while (set.size < size) {
        const card = pool[Math.floor(random() * pool.length)];
        set.set(card.name, card);
      }
      const names = [...set.keys()];
      if (listed.some((combo) => [...combo].every((n) => names.includes(n)))) continue;
      sampled += 1;
      const analysis = findLoops([...set.values()], PER_COMBO);
      if (analysis.loops.length) {
        positives += 1;
        if (examples.length < 6) {
          const loop = analysis.loops[0];
          examples.push(`${loop.cards.join(' + ')}: ${loop.outcomes.join(', ')} — ${loop.steps.map((s) => `${s.card}: ${s.effect}`).join(' → ')}`);
        }
      }
    }
    console.log(`\nFalse positives on ${sampled} random ${size}-card sets not in any combo: ${percent(positives, sampled)} (${positives})`);
    for (const e of examples) console.log(`  ${e}`);
  }

  // Whole decks: 100 cards of one colour identity, combo pieces plus random cards, fixed seed.
  const decks: { identity: string; cards: LoopCard[] }[] = [];
  const deckRandom = seeded(7);
  for (let d = 0; d < (SECTIONS.has('decks') ? 10 : 0); d += 1) {
    const anchor = resolvedCombos[Math.floor(deckRandom() * resolvedCombos.length)];
    const identity = new Set(anchor.combo.color_identity.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean));
    const fits = (c: LoopCard) => c.colorIdentity.every((col) => identity.has(col));
    const deck = new Map<string, LoopCard>(anchor.cards.map((c) => [c.name, c]));
    const pieces = pool.filter(fits);
    while (deck.size < 30 && pieces.length) {
      const piece = pieces[Math.floor(deckRandom() * pieces.length)];
      deck.set(piece.name, piece);
    }
    const others = cards.filter(fits);
    while (deck.size < 100) {
      const card = others[Math.floor(deckRandom() * others.length)];
      deck.set(card.name, card);
    }
    decks.push({ identity: [...identity].join('') || 'C', cards: [...deck.values()] });
  }
  if (!decks.length) return;
  // Timed after the same warm-up the service does at start, so first decks don't pay for compiling the engine.
  const sample = spreadSample(cards, WARM_UP.sample);
  warmUpEngine(sample, WARM_UP.ms);
  await benchDecks('in one thread (findLoopsInCardPool)', decks, async (deck) => findLoopsInCardPool(deck, DECK_OPTIONS));
  const threads = new CardPoolThreads(DECK_THREADS);
  try {
    await threads.warmUp(sample, WARM_UP.ms);
    await benchDecks(`on ${DECK_THREADS} worker threads (the loop-analysis service)`, decks, (deck) => threads.findLoops(deck, DECK_OPTIONS));
  } finally {
    await threads.close();
  }
}

/** Each run gets its own copies of the cards, so no run profits from parsing done by an earlier one. */
async function benchDecks(label: string, decks: { identity: string; cards: LoopCard[] }[], analyse: (deck: LoopCard[]) => Promise<CardPoolAnalysis>): Promise<void> {
  console.log(`\nWhole 100-card decks, ${label}:`);
  const times: number[] = [];
  const loops: number[] = [];
  for (const [d, deck] of decks.entries()) {
    const analysis = await analyse(structuredClone(deck.cards));
    times.push(analysis.tookMs);
    loops.push(analysis.loops.length);
    console.log(`  deck ${d + 1} (${deck.identity}): ${analysis.loops.length} loops, ${analysis.setsSearched} sets searched, ${analysis.tookMs.toFixed(0)} ms${analysis.exhausted ? ' (budget hit)' : ''}`);
  }
  const total = loops.reduce((sum, n) => sum + n, 0);
  console.log(`100-card deck, all loops of up to 3 cards: median ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, ${total} loops in all`);
}

void main();
