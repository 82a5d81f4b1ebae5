import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { findSourceFiles, KnowledgeIngestion, type SourceToIngest } from '@melvin/knowledge/data-access';
import type { IngestionRunView } from '@melvin/shared/contracts';
import { userPath, withKnowledgeStore } from './knowledge-session';
import { ProgressDisplay } from './progress-display';

interface IngestOptions {
  cr?: string;
  oracle?: string;
  rulings?: string;
  json?: boolean;
}

function describeRun(run: IngestionRunView): string {
  const counts = Object.entries(run.counts).map(([name, value]) => `${name} ${value}`).join(', ');
  const detail = run.status === 'failed' ? run.error : counts;
  const edition = run.edition ? ` (${run.edition})` : '';
  return `${run.kind.padEnd(8)} ${run.status.padEnd(10)} ${run.sourceName}${edition} — ${detail} — ${run.durationMs} ms`;
}

/** `melvin ingest`: the same loaders the ingestion worker runs, started from a shell. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('load the CR, Scryfall oracle cards and rulings into the knowledge store (newest files in DATA_DIR when none are given)')
    .option('--cr <file>', 'Comprehensive Rules text file (.txt or .txt.gz)')
    .option('--oracle <file>', "Scryfall oracle-cards bulk file (.json or .json.gz)")
    .option('--rulings <file>', 'Scryfall rulings bulk file (.json or .json.gz)')
    .option('--json', 'print the run records as JSON')
    .action((options: IngestOptions) =>
      withKnowledgeStore(async ({ dataSource, dataDir }) => {
        const named: SourceToIngest[] = [
          ...(options.cr ? [{ kind: 'rules' as const, path: userPath(options.cr) }] : []),
          ...(options.oracle ? [{ kind: 'cards' as const, path: userPath(options.oracle) }] : []),
          ...(options.rulings ? [{ kind: 'rulings' as const, path: userPath(options.rulings) }] : []),
        ];
        const sources = named.length ? named : await defaultSources(dataDir);
        const display = new ProgressDisplay();
        const runs = await new KnowledgeIngestion(dataSource, {
          info: () => undefined,
          warn: (message) => process.stderr.write(`warning: ${message}\n`),
        })
          .ingestAll(sources, { trigger: `cli:${userInfo().username}`, onProgress: (source, fraction) => display.update(source, fraction) })
          .finally(() => display.stop());
        if (options.json) console.log(JSON.stringify({ runs }, null, 2));
        else for (const run of runs) console.log(describeRun(run));
        if (runs.some((run) => run.status === 'failed')) process.exitCode = 1;
      }),
    );
}

async function defaultSources(dataDir: string): Promise<SourceToIngest[]> {
  const found = await findSourceFiles(dataDir);
  const sources = (['rules', 'cards', 'rulings'] as const).flatMap((kind) => (found[kind] ? [{ kind, path: found[kind] }] : []));
  if (!sources.length) throw new Error(`no CR, oracle-cards or rulings files found in ${dataDir} (set DATA_DIR or pass --cr/--oracle/--rulings)`);
  return sources;
}
