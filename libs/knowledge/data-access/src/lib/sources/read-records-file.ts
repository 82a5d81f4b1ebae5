import { MalformedRecordError, toCardRecord, toCardRuling, type CardRecord, type CardRuling } from '@melvin/knowledge/domain';
import { readJsonArrayFile, type ReadProgressOptions } from './read-json-array-file';

export interface MalformedRecord {
  /** Position of the record in the file's array, from 0. */
  index: number;
  /** What is wrong with it, naming the field ("oracle_id is missing"). */
  reason: string;
}

export interface RecordHandlers<T> extends ReadProgressOptions {
  /** Called with each usable record in file order; reading waits when it returns a promise. */
  onRecord(record: T, index: number, raw: unknown): void | Promise<void>;
  onMalformed?(problem: MalformedRecord): void;
}

export interface RecordCounts {
  read: number;
  accepted: number;
  malformed: number;
}

/** Reads a Scryfall card file (.json or .json.gz); one bad card is reported and skipped, never fatal. */
export function readCardsFile(path: string, handlers: RecordHandlers<CardRecord>): Promise<RecordCounts> {
  return readRecordsFile(path, toCardRecord, handlers);
}

/** Reads a Scryfall rulings file (.json or .json.gz); one bad ruling is reported and skipped, never fatal. */
export function readRulingsFile(path: string, handlers: RecordHandlers<CardRuling>): Promise<RecordCounts> {
  return readRecordsFile(path, toCardRuling, handlers);
}

async function readRecordsFile<T>(path: string, convert: (raw: unknown) => T, handlers: RecordHandlers<T>): Promise<RecordCounts> {
  const counts: RecordCounts = { read: 0, accepted: 0, malformed: 0 };
  await readJsonArrayFile(
    path,
    async (raw, index) => {
      counts.read += 1;
      let record: T;
      try {
        record = convert(raw);
      } catch (error) {
        if (!(error instanceof MalformedRecordError)) throw error;
        counts.malformed += 1;
        handlers.onMalformed?.({ index, reason: error.message });
        return;
      }
      counts.accepted += 1;
      await handlers.onRecord(record, index, raw);
    },
    { onProgress: handlers.onProgress },
  );
  return counts;
}
