import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MalformedRecordError, parseComprehensiveRules, toCardRecord, toCardRuling, type ComprehensiveRules } from '@melvin/knowledge/domain';
import type { KnowledgeCorpus } from '../lib/knowledge-corpus';

/** The shared real data (jest runs from the workspace root). */
export function dataDir(): string {
  return path.resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data');
}

/** The newest Comprehensive Rules edition in the data directory. */
export function realRules(): ComprehensiveRules {
  return parseComprehensiveRules(readFileSync(newestFile('cr', /^MagicCompRules (\d{8})\.txt$/), 'utf8'));
}

/** Rules, every card and every ruling, as ingestion reads them (malformed records skipped). */
export function realCorpus(): KnowledgeCorpus {
  return {
    rules: realRules(),
    cards: readRecords(newestFile('scryfall', /^oracle-cards-(\d{8})\.json\.gz$/), toCardRecord),
    rulings: readRecords(newestFile('scryfall', /^rulings-(\d{8})\.json\.gz$/), toCardRuling),
  };
}

function newestFile(folder: string, pattern: RegExp): string {
  const [newest] = readdirSync(path.join(dataDir(), folder))
    .filter((name) => pattern.test(name))
    .sort()
    .reverse();
  if (!newest) throw new Error(`No ${pattern} in ${path.join(dataDir(), folder)}`);
  return path.join(dataDir(), folder, newest);
}

function readRecords<T>(file: string, toRecord: (raw: unknown) => T): T[] {
  const raw: unknown[] = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  return raw.flatMap((record) => {
    try {
      return [toRecord(record)];
    } catch (error) {
      if (error instanceof MalformedRecordError) return [];
      throw error;
    }
  });
}
