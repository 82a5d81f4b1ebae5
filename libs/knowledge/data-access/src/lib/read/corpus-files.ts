import { parseComprehensiveRules, toCardRecord, toCardRuling, MalformedRecordError, type CardRecord, type CardRuling } from '@melvin/knowledge/domain';
import { findSourceFiles } from '../ingestion/source-files';
import { readJsonArrayFile, readTextFile } from '../sources';
import type { LoadedCorpus } from '../store/knowledge-reader';
import { basename } from 'node:path';

/**
 * The corpus read straight from source files, without the store: for the CLI when nothing has been
 * ingested yet, and for benchmarks. Malformed records are skipped, as ingestion does.
 */
export async function loadCorpusFromFiles(dataDir: string): Promise<LoadedCorpus> {
  const files = await findSourceFiles(dataDir);
  const corpus: LoadedCorpus = { rules: { effectiveDate: '', rules: [], glossary: [] }, cards: [], rulings: [], releases: {} };
  if (files.rules) {
    corpus.rules = parseComprehensiveRules(await readTextFile(files.rules));
    corpus.releases.rules = fileRelease(files.rules, corpus.rules.effectiveDate);
  }
  if (files.cards) {
    corpus.cards = await readConverted<CardRecord>(files.cards, toCardRecord);
    corpus.releases.cards = fileRelease(files.cards, null);
  }
  if (files.rulings) {
    corpus.rulings = await readConverted<CardRuling>(files.rulings, toCardRuling);
    corpus.releases.rulings = fileRelease(files.rulings, null);
  }
  return corpus;
}

async function readConverted<T>(path: string, convert: (raw: unknown) => T): Promise<T[]> {
  const records: T[] = [];
  await readJsonArrayFile(path, (raw) => {
    try {
      records.push(convert(raw));
    } catch (error) {
      if (!(error instanceof MalformedRecordError)) throw error;
    }
  });
  return records;
}

function fileRelease(path: string, edition: string | null) {
  return { id: `file:${basename(path)}`, edition, sourceName: basename(path), activatedAt: null };
}
