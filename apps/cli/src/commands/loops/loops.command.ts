import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyseCardSet, analyseDeck, type LoopReport } from '@melvin/loop/domain';
import { userPath } from '../knowledge/knowledge-session';
import { openCardPool } from './open-card-pool';

interface LoopsOptions {
  card: string[];
  deck?: string;
  oracle?: string;
  oneCardAway: boolean;
  budgetMs: string;
  json?: boolean;
}

function printReadable(report: LoopReport): void {
  console.log(`Cards: ${report.cards.join(', ')}`);
  for (const unknown of report.unknown_cards) console.log(`Unknown: ${unknown.name}${unknown.candidates.length ? ` (did you mean ${unknown.candidates.join(', ')}?)` : ''}`);
  if (!report.loops.length) console.log('No loop found.');
  report.loops.forEach((loop, index) => {
    console.log(`\nLoop ${index + 1}: ${loop.cards.join(' + ')} → ${loop.outcomes.join(', ')}${loop.mandatory ? ' (mandatory)' : ''}`);
    if (loop.requires.length) console.log(`  needs: ${loop.requires.join('; ')}`);
    loop.steps.forEach((step, stepIndex) => console.log(`  ${stepIndex + 1}. ${step.card}: ${step.effect}\n     “${step.ability}”`));
    console.log(`  per iteration: ${JSON.stringify(loop.net_per_iteration)}`);
  });
  for (const suggestion of report.one_card_away) console.log(`One card away: ${suggestion.card} with ${suggestion.with.join(' + ')} → ${suggestion.outcomes.join(', ')}`);
  if (report.unparsed.length) console.log(`\n${report.unparsed.length} piece(s) of card text were not modelled (see --json).`);
}

export function registerLoopsCommand(program: Command): void {
  program
    .command('loops')
    .description('find infinite loops among cards (--card, repeatable) or in a decklist (--deck)')
    .option('--card <name>', 'a card name (repeat for each card, up to ten)', (name: string, names: string[]) => [...names, name], [])
    .option('--deck <file>', 'a decklist file ("1 Card Name" lines; Arena, MTGO and Moxfield exports work)')
    .option('--oracle <file>', 'read cards from this Scryfall oracle-cards file instead of the knowledge store')
    .option('--no-one-card-away', 'skip suggestions of cards that would complete a loop (decks only)')
    .option('--budget-ms <ms>', 'time budget of the search', '20000')
    .option('--json', 'print the report as JSON')
    .action(async (options: LoopsOptions) => {
      if (!options.card.length === !options.deck) throw new Error('give either --card (one or more) or --deck, not both');
      if (options.card.length > 10) throw new Error('at most ten --card at once; analyse larger sets with --deck');
      const budgetMs = Number(options.budgetMs);
      if (!Number.isFinite(budgetMs) || budgetMs <= 0) throw new Error('--budget-ms must be a positive number');
      const pool = await openCardPool(options.oracle);
      // Unknown names are part of the answer (with suggestions), not a crash.
      const report = options.deck
        ? analyseDeck(pool, await readFile(userPath(options.deck), 'utf8'), { oneCardAway: options.oneCardAway, budgetMs }).report
        : analyseCardSet(pool, options.card, Math.min(budgetMs, 5_000), { analyseKnown: true });
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else printReadable(report);
    });
}
