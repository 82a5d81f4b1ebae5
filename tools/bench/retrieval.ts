// Knowledge search: quality on real Stack Exchange rules questions, latency and build cost.
// Melvin's search is measured side by side with a plain BM25 over rule text (MiniSearch defaults)
// and, with --postgres <url>, with PostgreSQL full-text search over the same rules.
// Run: npx tsx --tsconfig tsconfig.base.json tools/bench/retrieval.ts [--data <dir>] [--postgres <url>]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { Client } from 'pg';
import {
  MalformedRecordError,
  parentRuleNumber,
  parseComprehensiveRules,
  toCardRecord,
  toCardRuling,
  type ComprehensiveRules,
} from '@melvin/knowledge/domain';
import { buildKnowledgeIndex, type KnowledgeCorpus } from '@melvin/knowledge/retrieval';

const TOP = 10;
const LATENCY_QUESTIONS = 500;
// PostgreSQL's OR and trigram queries take 0.2-0.8 s each: a sample keeps the run to minutes.
const POSTGRES_SAMPLE_EVERY = 4;
const POSTGRES_LATENCY_QUESTIONS = 100;

interface Question {
  id: number;
  text: string;
  cited: string[];
}

/** A system under test: the rule numbers it ranks for a question, best first. */
type RuleSearch = (question: string) => Promise<string[]> | string[];

interface Measured {
  name: string;
  strict: Quality;
  loose: Quality;
  p50: number;
  p95: number;
}

interface Quality {
  recall5: number;
  recall10: number;
  mrr: number;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

// ---- loading the data directory ------------------------------------------------------------

/** The file of a folder whose name carries the latest yyyymmdd date. */
function newest(dir: string, pattern: RegExp): string {
  const dated = readdirSync(dir)
    .map((name) => ({ name, date: pattern.exec(name)?.[1] }))
    .filter((file): file is { name: string; date: string } => Boolean(file.date))
    .sort((a, b) => b.date.localeCompare(a.date));
  if (!dated.length) throw new Error(`No file matching ${pattern} in ${dir}`);
  return join(dir, dated[0].name);
}

function readText(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Converts raw records, skipping the malformed ones as ingestion does. */
function convert<T>(raw: unknown[], toRecord: (record: unknown) => T): T[] {
  return raw.flatMap((record) => {
    try {
      return [toRecord(record)];
    } catch (error) {
      if (error instanceof MalformedRecordError) return [];
      throw error;
    }
  });
}

function loadCorpus(dataDir: string): { corpus: KnowledgeCorpus; files: string[] } {
  const files = [
    newest(join(dataDir, 'cr'), /^MagicCompRules (\d{8})\.txt$/),
    newest(join(dataDir, 'scryfall'), /^oracle-cards-(\d{8})\.json(?:\.gz)?$/),
    newest(join(dataDir, 'scryfall'), /^rulings-(\d{8})\.json(?:\.gz)?$/),
  ];
  const rules = parseComprehensiveRules(readText(files[0]));
  const cards = convert(JSON.parse(readText(files[1])), toCardRecord);
  const rulings = convert(JSON.parse(readText(files[2])), toCardRuling);
  return { corpus: { rules, cards, rulings }, files };
}

/** Questions whose accepted answer cites rules of this edition; citations the edition lacks are dropped. */
function loadQuestions(dataDir: string, rules: ComprehensiveRules): { questions: Question[]; all: string[]; dropped: number } {
  const known = new Set(rules.rules.map((rule) => rule.number));
  const records = readText(join(dataDir, 'qa', 'stackexchange-mtg-qa.jsonl.gz'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: number; title: string; question: string; cited_rules: string[] });
  let dropped = 0;
  const questions = records.flatMap((record) => {
    const cited = record.cited_rules.filter((number) => known.has(number));
    dropped += record.cited_rules.length - cited.length;
    return cited.length ? [{ id: record.id, text: `${record.title}\n${record.question}`, cited }] : [];
  });
  return { questions, all: records.map((record) => `${record.title}\n${record.question}`), dropped };
}

// ---- measuring ---------------------------------------------------------------------------

/** Same rule, or one directly above or below it (702.19 for a cited 702.19c, and the reverse). */
function related(retrieved: string, cited: string): boolean {
  return retrieved === cited || parentRuleNumber(retrieved) === cited || parentRuleNumber(cited) === retrieved;
}

function quality(runs: Array<{ ranked: string[]; cited: string[] }>, matches: (retrieved: string, cited: string) => boolean): Quality {
  const recallAt = (k: number) =>
    mean(runs.map(({ ranked, cited }) => cited.filter((c) => ranked.slice(0, k).some((r) => matches(r, c))).length / cited.length));
  const mrr = mean(
    runs.map(({ ranked, cited }) => {
      const first = ranked.slice(0, TOP).findIndex((r) => cited.some((c) => matches(r, c)));
      return first < 0 ? 0 : 1 / (first + 1);
    }),
  );
  return { recall5: recallAt(5), recall10: recallAt(10), mrr };
}

async function measure(name: string, search: RuleSearch, questions: Question[], latencyQuestions: string[]): Promise<Measured> {
  const runs = [];
  for (const question of questions) runs.push({ ranked: await search(question.text), cited: question.cited });
  const times: number[] = [];
  for (const question of latencyQuestions) {
    const started = performance.now();
    await search(question);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    strict: quality(runs, (r, c) => r === c),
    loose: quality(runs, related),
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
  };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

/** The collector, reachable without starting node with --expose-gc, so heap figures are after collection. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function heapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1e6;
}

// ---- the systems ----------------------------------------------------------------------------

/** The baseline: BM25 over the text of each rule, MiniSearch's default settings, no MTG knowledge. */
function plainBm25(rules: ComprehensiveRules): RuleSearch {
  const engine = new MiniSearch<{ number: string; text: string }>({ idField: 'number', fields: ['text'] });
  engine.addAll(rules.rules.map((rule) => ({ number: rule.number, text: rule.text })));
  return (question) => engine.search(question).slice(0, TOP).map((result) => String(result.id));
}

/** PostgreSQL full-text search over the same rule text, in a scratch table dropped afterwards. */
async function withPostgres(url: string, rules: ComprehensiveRules, use: (systems: Array<[string, RuleSearch]>) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const table = `melvin_bench_rules_${process.pid}_${Date.now()}`;
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query(
      `CREATE TABLE ${table} (number text PRIMARY KEY, body text NOT NULL,
         tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)`,
    );
    await client.query(`INSERT INTO ${table} (number, body) SELECT * FROM unnest($1::text[], $2::text[])`, [
      rules.rules.map((rule) => rule.number),
      rules.rules.map((rule) => rule.text),
    ]);
    await client.query(`CREATE INDEX ON ${table} USING gin (tsv)`);
    await client.query(`CREATE INDEX ON ${table} USING gin (body gin_trgm_ops)`);
    await client.query(`ANALYZE ${table}`);
    const numbers = async (sql: string, question: string) => (await client.query<{ number: string }>(sql, [question])).rows.map((row) => row.number);
    await use([
      // websearch_to_tsquery ANDs every word: the natural call, and a long question rarely matches whole.
      [
        'PostgreSQL FTS websearch (AND)',
        (q) =>
          numbers(
            `SELECT number FROM ${table}, websearch_to_tsquery('english', $1) query
             WHERE tsv @@ query ORDER BY ts_rank_cd(tsv, query) DESC LIMIT ${TOP}`,
            q,
          ),
      ],
      // The same words ORed, which is what a question needs.
      [
        'PostgreSQL FTS any word (OR)',
        (q) =>
          numbers(
            `SELECT number FROM ${table}, (SELECT replace(plainto_tsquery('english', $1)::text, ' & ', ' | ')::tsquery AS query) q
             WHERE tsv @@ q.query ORDER BY ts_rank_cd(tsv, q.query) DESC LIMIT ${TOP}`,
            q,
          ),
      ],
      ['PostgreSQL pg_trgm similarity', (q) => numbers(`SELECT number FROM ${table} ORDER BY similarity(body, $1) DESC LIMIT ${TOP}`, q)],
    ]);
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  }
}

// ---- report ---------------------------------------------------------------------------------

function printTable(rows: Measured[]): void {
  const percent = (value: number) => (value * 100).toFixed(1).padStart(6);
  const ms = (value: number) => value.toFixed(1).padStart(7);
  console.log(`\n${'system'.padEnd(34)}   R@5   R@10    MRR |  loose: R@5   R@10    MRR |  p50 ms  p95 ms`);
  for (const row of rows) {
    const { strict, loose } = row;
    console.log(
      `${row.name.padEnd(34)}${percent(strict.recall5)}${percent(strict.recall10)}${percent(strict.mrr)} |       ${percent(loose.recall5)}${percent(loose.recall10)}${percent(loose.mrr)} | ${ms(row.p50)} ${ms(row.p95)}`,
    );
  }
}

async function main(): Promise<void> {
  const dataDir = resolve(option('--data') ?? process.env['MELVIN_DATA_DIR'] ?? '../shared/data');
  const postgresUrl = option('--postgres');

  let started = performance.now();
  const { corpus, files } = loadCorpus(dataDir);
  const loadSeconds = (performance.now() - started) / 1000;
  const heapBefore = heapMb();
  started = performance.now();
  const index = buildKnowledgeIndex(corpus);
  const buildSeconds = (performance.now() - started) / 1000;
  const heapIndex = heapMb() - heapBefore;

  const { questions, all, dropped } = loadQuestions(dataDir, corpus.rules);
  const latencyQuestions = all.slice(0, LATENCY_QUESTIONS);
  const ruleNumbers = (hits: Array<{ kind: string; ref: string }>) => hits.filter((hit) => hit.kind === 'rule').map((hit) => hit.ref);

  console.log(`data: ${files.map((file) => file.slice(dataDir.length + 1)).join(', ')}`);
  console.log(`corpus loaded in ${loadSeconds.toFixed(1)} s: ${JSON.stringify(index.stats())}`);
  console.log(`index built in ${buildSeconds.toFixed(1)} s, heap ${heapIndex.toFixed(0)} MB for the index (${heapMb().toFixed(0)} MB in all)`);
  console.log(
    `questions: ${questions.length} citing rules of the ${corpus.rules.effectiveDate} edition (${dropped} citations not in it dropped); latency over ${latencyQuestions.length} questions`,
  );
  console.log('Melvin counts only its rule hits; "loose" also accepts the cited rule\'s parent or child.');

  const rows: Measured[] = [
    await measure('Melvin, rules only', (q) => ruleNumbers(index.search(q, { k: TOP, kinds: ['rule'] })), questions, latencyQuestions),
    await measure('Melvin, all kinds (rule hits of 10)', (q) => ruleNumbers(index.search(q, { k: TOP })), questions, latencyQuestions),
    await measure('BM25 baseline (MiniSearch defaults)', plainBm25(corpus.rules), questions, latencyQuestions),
  ];
  if (postgresUrl) {
    await withPostgres(postgresUrl, corpus.rules, async (systems) => {
      const sample = questions.filter((_, at) => at % POSTGRES_SAMPLE_EVERY === 0);
      for (const [name, search] of systems) rows.push(await measure(name, search, sample, latencyQuestions.slice(0, POSTGRES_LATENCY_QUESTIONS)));
    });
  }
  printTable(rows);
  printCardLookupLatency(index.cardNames, corpus.cards);
  if (postgresUrl) {
    console.log(`PostgreSQL rows: every ${POSTGRES_SAMPLE_EVERY}th question for quality, the first ${POSTGRES_LATENCY_QUESTIONS} for latency.`);
  }
}

/**
 * Fuzzy and autocomplete latency over queries made from real names the way people type them:
 * lower case, a word dropped, a letter missing, a prefix (targets: fuzzy p95 <= 5 ms).
 */
function printCardLookupLatency(names: ReturnType<typeof buildKnowledgeIndex>['cardNames'], cards: KnowledgeCorpus['cards']): void {
  const game = cards.filter((card) => !card.nonGame);
  const picked = game.filter((_, at) => at % Math.max(1, Math.floor(game.length / 500)) === 0).slice(0, 500);
  const variants = picked.flatMap((card) => {
    const words = card.name.toLowerCase().split(/\s+/);
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    return [words.join(' '), words.length > 1 ? words.slice(1).join(' ') : words[0], words.join(' ').replace(longest, longest.slice(0, -1)), card.name.slice(0, 4)];
  });
  const time = (lookup: (query: string) => unknown, queries: string[]) => {
    const times = queries.map((query) => {
      const started = performance.now();
      lookup(query);
      return performance.now() - started;
    });
    return times.sort((a, b) => a - b);
  };
  const fuzzy = time((query) => names.fuzzy(query), variants);
  const complete = time((query) => names.autocomplete(query, 20), picked.map((card) => card.name.slice(0, 3)));
  console.log(`card lookup over ${variants.length} fuzzy queries: p50 ${percentile(fuzzy, 0.5).toFixed(2)} ms, p95 ${percentile(fuzzy, 0.95).toFixed(2)} ms (target p95 <= 5 ms)`);
  console.log(`autocomplete over ${complete.length} prefixes: p50 ${percentile(complete, 0.5).toFixed(3)} ms, p95 ${percentile(complete, 0.95).toFixed(3)} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
