import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Command } from 'commander';
import type { AnswerOutcome } from '@melvin/conversation/data-access';
import { findRuleNumbers } from '@melvin/knowledge/domain';
import { loadConfig } from '@melvin/shared/config';
import { answerEnvSchema, knowledgeReadEnvSchema } from '../../config/env.schema';
import { userPath } from '../knowledge/knowledge-session';
import { openKnowledgeBase } from '../knowledge/open-knowledge';
import { localPipeline } from './local-answering';

interface QaRecord {
  id: number;
  title: string;
  question: string;
  cited_rules: string[];
}

async function readQa(path: string): Promise<QaRecord[]> {
  const records: QaRecord[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) records.push(JSON.parse(line) as QaRecord);
  return records;
}

/** A fixed, spread-out sample: the same questions every run, whatever the machine. */
function fixedSample(records: QaRecord[], size: number): QaRecord[] {
  const citing = records.filter((record) => record.cited_rules.length).sort((a, b) => a.id - b.id);
  const step = Math.max(1, Math.floor(citing.length / size));
  return citing.filter((_, index) => index % step === 0).slice(0, size);
}

/** A cited rule counts as found when the answer cites it, or a rule above or below it (702.19 for 702.19b). */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}`) || b.startsWith(`${a}`);
}

function recallOf(cited: string[], found: string[]): number {
  const wanted = [...new Set(cited.map((rule) => findRuleNumbers(`rule ${rule}`)[0]).filter(Boolean))] as string[];
  if (!wanted.length) return 0;
  return wanted.filter((rule) => found.some((candidate) => related(candidate, rule))).length / wanted.length;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('answer a fixed sample of real rules questions and print recall of the cited rules, citation validity and latency')
    .option('--n <count>', 'questions in the sample', '150')
    .action(async (options: { n: string }) => {
      const env = loadConfig('melvin cli', answerEnvSchema);
      const { DATA_DIR } = loadConfig('melvin cli', knowledgeReadEnvSchema);
      const sample = fixedSample(await readQa(join(userPath(DATA_DIR), 'qa/stackexchange-mtg-qa.jsonl.gz')), Number(options.n));
      const base = await openKnowledgeBase();
      const modes = [{ name: 'extractive', pipeline: localPipeline(base, { ...env, OLLAMA_URL: undefined }) }];
      if (env.OLLAMA_URL) modes.push({ name: `generated (${env.OLLAMA_MODEL})`, pipeline: localPipeline(base, env) });
      console.log(`${sample.length} real questions citing CR rules (from ${DATA_DIR}/qa), fixed sample`);
      for (const mode of modes) {
        const outcomes: AnswerOutcome[] = [];
        const answerRecall: number[] = [];
        const retrievalRecall: number[] = [];
        for (const record of sample) {
          const outcome = await mode.pipeline.answer({ question: `${record.title}\n${record.question}`, history: [], onEvent: () => undefined });
          outcomes.push(outcome);
          answerRecall.push(recallOf(record.cited_rules, outcome.citations.filter((c) => c.kind === 'rule').map((c) => c.target)));
          retrievalRecall.push(recallOf(record.cited_rules, outcome.retrieval.filter((r) => r.kind === 'rule').map((r) => r.ref)));
        }
        const totals = outcomes.map((outcome) => outcome.timings.totalMs ?? 0);
        const retrievals = outcomes.map((outcome) => outcome.timings.retrievalMs ?? 0);
        const byMode = outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome.mode]: (counts[outcome.mode] ?? 0) + 1 }), {});
        console.log(`\n${mode.name}`);
        console.log(`  answers by mode:            ${JSON.stringify(byMode)}`);
        console.log(`  cited-rule recall (answer): ${(mean(answerRecall) * 100).toFixed(1)}%`);
        console.log(`  cited-rule recall (sources retrieved): ${(mean(retrievalRecall) * 100).toFixed(1)}%`);
        console.log(`  citation validity:          ${(mean(outcomes.map((outcome) => outcome.citationValidity)) * 100).toFixed(1)}%`);
        console.log(`  latency to sources p50/p95: ${percentile(retrievals, 50)} / ${percentile(retrievals, 95)} ms`);
        console.log(`  latency whole answer p50/p95: ${percentile(totals, 50)} / ${percentile(totals, 95)} ms`);
      }
    });
}
