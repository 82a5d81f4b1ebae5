import {
  diffEditions,
  MalformedRecordError,
  parseComprehensiveRules,
  toCardRecord,
  toCardRuling,
  type CardRecord,
  type CardRuling,
} from '@melvin/knowledge/domain';
import { readJsonArrayFile, readTextFile } from '../sources';
import type { KnowledgeKind } from '../store/knowledge-release.entity';
import type { KnowledgeReader } from '../store/knowledge-reader';
import type { KnowledgeReleases } from '../store/knowledge-releases';
import { dateInFileName, type ProgressListener, type WarningList } from './ingestion-progress';

export interface LoadContext {
  path: string;
  fileName: string;
  releaseId: string;
  releases: KnowledgeReleases;
  reader: KnowledgeReader;
  warnings: WarningList;
  onProgress: ProgressListener;
}

export interface LoadOutcome {
  counts: Record<string, number>;
  edition: string | null;
  changes?: Record<string, unknown>;
}

/** Rows are written in batches this size: big enough to be fast, small enough to stay far from 1 GB. */
const BATCH_SIZE = 500;
/** How many rule numbers of each change list a run record keeps. */
const LISTED_CHANGES = 200;

async function loadRules(context: LoadContext): Promise<LoadOutcome> {
  const document = parseComprehensiveRules(await readTextFile(context.path));
  if (!document.rules.length) throw new Error(`${context.fileName} holds no numbered rules: is it the Comprehensive Rules text file?`);
  context.onProgress(0.5);
  await context.releases.insertRules(context.releaseId, document);
  const previous = await context.releases.active('rules');
  let changes: Record<string, unknown> | undefined;
  if (previous) {
    const diff = diffEditions(await context.reader.loadRules(previous), document);
    changes = {
      from: diff.from,
      to: diff.to,
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      addedRules: diff.added.slice(0, LISTED_CHANGES),
      removedRules: diff.removed.slice(0, LISTED_CHANGES),
      changedRules: diff.changed.slice(0, LISTED_CHANGES),
    };
  }
  context.onProgress(1);
  return { counts: { rules: document.rules.length, glossary: document.glossary.length }, edition: document.effectiveDate || null, changes };
}

/** Reads a JSON array file, converting each item; a record that cannot be converted is skipped and counted. */
async function loadRecords<T>(
  context: LoadContext,
  convert: (raw: unknown) => T,
  keyOf: (record: T) => string | null,
  write: (batch: Array<{ record: T; raw: unknown; index: number }>) => Promise<void>,
): Promise<Record<string, number>> {
  let batch: Array<{ record: T; raw: unknown; index: number }> = [];
  const seen = new Set<string>();
  let accepted = 0;
  let read = 0;
  const flush = async () => {
    if (batch.length) await write(batch);
    batch = [];
  };
  await readJsonArrayFile(
    context.path,
    async (raw, index) => {
      read += 1;
      let record: T;
      try {
        record = convert(raw);
      } catch (error) {
        if (!(error instanceof MalformedRecordError)) throw error;
        context.warnings.add(`record ${index}: ${error.message}`, index);
        return;
      }
      const key = keyOf(record);
      if (key !== null) {
        if (seen.has(key)) {
          context.warnings.add(`record ${index}: duplicate of an earlier record (${key})`, index);
          return;
        }
        seen.add(key);
      }
      accepted += 1;
      batch.push({ record, raw, index });
      if (batch.length >= BATCH_SIZE) await flush();
    },
    { onProgress: (bytesRead, totalBytes) => context.onProgress(totalBytes ? bytesRead / totalBytes : 0) },
  );
  await flush();
  return { read, accepted, malformed: context.warnings.total };
}

async function loadCards(context: LoadContext): Promise<LoadOutcome> {
  const counts = await loadRecords<CardRecord>(
    context,
    toCardRecord,
    (card) => card.oracleId,
    (batch) => context.releases.insertCards(context.releaseId, batch),
  );
  if (!counts['accepted']) throw new Error(`${context.fileName} holds no usable card objects`);
  return { counts, edition: dateInFileName(context.fileName) };
}

async function loadRulings(context: LoadContext): Promise<LoadOutcome> {
  let position = 0;
  const counts = await loadRecords<CardRuling>(
    context,
    toCardRuling,
    () => null,
    (batch) => context.releases.insertRulings(context.releaseId, batch.map(({ record }) => ({ ruling: record, position: position++ }))),
  );
  if (!counts['accepted']) throw new Error(`${context.fileName} holds no usable rulings`);
  return { counts, edition: dateInFileName(context.fileName) };
}

export const SOURCE_LOADERS: Record<KnowledgeKind, (context: LoadContext) => Promise<LoadOutcome>> = {
  rules: loadRules,
  cards: loadCards,
  rulings: loadRulings,
};
