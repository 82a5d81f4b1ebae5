import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import type { HitKind, KnowledgeBase, SearchResultView } from '@melvin/knowledge/data-access';
import { SEARCH_HIT_KINDS } from '@melvin/shared/contracts';
import { userPath } from './knowledge-session';
import { openKnowledgeBase } from './open-knowledge';

interface SearchOptions {
  k: number;
  kinds?: HitKind[];
  queriesFile?: string;
  json?: boolean;
}

function parseK(value: string): number {
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 100) throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return k;
}

function parseKinds(value: string): HitKind[] {
  const kinds = value.split(',').map((kind) => kind.trim()).filter(Boolean);
  const unknown = kinds.filter((kind) => !(SEARCH_HIT_KINDS as readonly string[]).includes(kind));
  if (unknown.length || !kinds.length) throw new InvalidArgumentError(`must be a comma-separated subset of ${SEARCH_HIT_KINDS.join(',')}`);
  return kinds as HitKind[];
}

function printReadable(query: string, results: SearchResultView[]): void {
  console.log(`# ${query}`);
  for (const [rank, result] of results.entries()) {
    const text = result.text.replace(/\s+/g, ' ');
    console.log(`${String(rank + 1).padStart(2)}. [${result.kind}] ${result.ref} (${result.score})\n    ${text.length > 160 ? `${text.slice(0, 157)}...` : text}`);
  }
}

/** One `{"query": ...}` per line in, one result line out, in order; a bad line gets an error line and the rest go on. */
async function searchQueriesFile(base: KnowledgeBase, path: string, options: SearchOptions): Promise<void> {
  const lines = createInterface({ input: createReadStream(userPath(path)), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    let query: unknown;
    try {
      query = (JSON.parse(line) as { query?: unknown }).query;
    } catch {
      query = undefined;
    }
    if (typeof query !== 'string' || !query.trim()) {
      process.stderr.write(`melvin: line ${lineNumber}: expected {"query": "..."}; skipped\n`);
      console.log(JSON.stringify({ query: null, error: `line ${lineNumber}: expected {"query": "..."}`, results: [] }));
      continue;
    }
    const view = base.searchView(query, { k: options.k, kinds: options.kinds });
    if (options.json) console.log(JSON.stringify(view));
    else printReadable(view.query, view.results);
  }
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('search the rules, glossary, cards and rulings for a question (or for each line of --queries-file)')
    .argument('[question]', 'a free-text rules question; [[Card Name]] pulls in that card')
    .option('--k <n>', 'results per query', parseK, 10)
    .option('--kinds <list>', `comma-separated subset of ${SEARCH_HIT_KINDS.join(',')}`, parseKinds)
    .option('--queries-file <file>', 'JSON lines, one {"query": "..."} per line')
    .option('--json', 'print JSON: {"query", "results": [{kind, ref, oracle_id?, text, score}]}')
    .action(async (question: string | undefined, options: SearchOptions) => {
      if (!question === !options.queriesFile) throw new Error('give either a question or --queries-file, not both');
      const base = await openKnowledgeBase();
      if (options.queriesFile) return searchQueriesFile(base, options.queriesFile, options);
      const view = base.searchView(question as string, { k: options.k, kinds: options.kinds });
      if (options.json) console.log(JSON.stringify(view, null, 2));
      else printReadable(view.query, view.results);
    });
}
