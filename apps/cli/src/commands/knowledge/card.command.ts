import type { Command } from 'commander';
import type { CardLookup } from '@melvin/knowledge/data-access';
import { openKnowledgeBase } from './open-knowledge';

function printReadable(lookup: CardLookup): void {
  const card = lookup.card;
  if (!card) {
    console.log(lookup.candidates.length ? `No single card matches "${lookup.query}". Did you mean:\n${lookup.candidates.map((c) => `  ${c.name}`).join('\n')}` : `No card matches "${lookup.query}".`);
    return;
  }
  console.log(`${card.name}  ${card.mana_cost}\n${card.type_line}\n${card.oracle_text}`);
  if (card.power !== null) console.log(`${card.power}/${card.toughness}`);
  for (const ruling of card.rulings ?? []) console.log(`- ${ruling.published_at}: ${ruling.comment}`);
}

export function registerCardCommand(program: Command): void {
  program
    .command('card')
    .description('look a card up by exact or fuzzy name ("did you mean" when ambiguous)')
    .argument('<name>', 'a card name, or fuzzy text such as "jace mind sculptor"')
    .option('--exact', 'exact name only (case, punctuation and accents still ignored)')
    .option('--json', 'print JSON: {"query", "card": {...} | null, "candidates": [{"name"}]}')
    .action(async (name: string, options: { exact?: boolean; json?: boolean }) => {
      const lookup = (await openKnowledgeBase()).lookupCard(name, options.exact ? 'exact' : 'fuzzy');
      if (options.json) console.log(JSON.stringify(lookup, null, 2));
      else printReadable(lookup);
    });
}
