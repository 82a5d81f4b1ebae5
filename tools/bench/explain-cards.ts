// How the loop engine reads some cards and what it finds among them, for working on the engine.
// `npx tsx --tsconfig tsconfig.base.json tools/bench/explain-cards.ts "Basalt Monolith" "Rings of Brighthearth" [--abilities]`
import { findLoops, parseCardAbilities } from '@melvin/loop/domain';
import { loadCards } from '../../libs/loop/domain/src/test-support/oracle-cards';

const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const cards = loadCards(...names);
if (process.argv.includes('--abilities')) {
  for (const card of cards) {
    const parsed = parseCardAbilities(card);
    console.log(`== ${card.name}`);
    for (const ability of parsed.abilities) console.log(JSON.stringify(ability));
    for (const u of parsed.unparsed) console.log(`  UNPARSED: ${u.text}`);
  }
}
const analysis = findLoops(cards, { budgetMs: Number(process.env['BUDGET_MS'] ?? 2000) });
console.log(`${analysis.loops.length} loop(s), ${analysis.tookMs.toFixed(1)} ms${analysis.exhausted ? ' (budget hit)' : ''}`);
for (const loop of analysis.loops) {
  console.log(`- ${loop.cards.join(' + ')}: ${loop.outcomes.join(', ')}${loop.mandatory ? ' (mandatory)' : ''}; requires ${loop.requires.join('; ') || 'nothing'}`);
  for (const step of loop.steps) console.log(`    ${step.card}: ${step.effect}`);
}
