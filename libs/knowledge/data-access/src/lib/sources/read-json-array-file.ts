import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { parser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { isGzipFile } from './gzip';
import { SourceFileError } from './source-file-error';

export interface ReadProgressOptions {
  /** Called as the file is read from disk; bytesRead reaches totalBytes (the size on disk) at the end. */
  onProgress?(bytesRead: number, totalBytes: number): void;
}

/**
 * Calls onItem with each element of the JSON array in a .json or .json.gz file, one at a time,
 * without holding the file in memory. When onItem returns a promise, reading waits for it.
 * Rejects with a SourceFileError when the file is not a JSON array, is truncated or corrupt;
 * an error thrown by onItem is passed on as it is.
 */
export async function readJsonArrayFile(
  path: string,
  onItem: (value: unknown, index: number) => void | Promise<void>,
  options: ReadProgressOptions = {},
): Promise<void> {
  const { size: totalBytes } = await stat(path);
  const decompress = (await isGzipFile(path)) ? createGunzip() : new PassThrough();
  const file = createReadStream(path);
  let itemsRead = 0;
  let reported = -1;
  // bytesRead of the file stream moves a chunk at a time, so this reports a few hundred times per file.
  const reportProgress = () => {
    if (file.bytesRead === reported) return;
    reported = file.bytesRead;
    options.onProgress?.(reported, totalBytes);
  };
  // An error of the caller's onItem is kept aside: the pipeline would report it as an abort of the file.
  const caller: { failure: { error: unknown } | null } = { failure: null };

  try {
    await pipeline(
      file,
      decompress,
      // Whole values only: no item needs its strings streamed piece by piece, and the tokens cost time.
      parser({ streamValues: false }),
      streamArray(),
      async (items: AsyncIterable<{ key: number; value: unknown }>) => {
        for await (const { key, value } of items) {
          reportProgress();
          try {
            await onItem(value, key);
          } catch (error) {
            caller.failure = { error };
            break;
          }
          itemsRead += 1;
        }
      },
    );
  } catch (error) {
    if (caller.failure) throw caller.failure.error;
    const problem = totalBytes === 0 ? 'is empty' : describeFailure(error);
    throw new SourceFileError(path, problem, { itemsRead, bytesRead: file.bytesRead, totalBytes });
  }
  if (caller.failure) throw caller.failure.error;
  reportProgress();
}

/** Says what went wrong in terms of the file, not of the stream library. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(message)) return 'the gzip data ends early: the file is truncated';
  if (typeof code === 'string' && code.startsWith('Z_')) return `the gzip data is corrupt (${message})`;
  if (/Top-level object should be an array/.test(message)) return 'is not a JSON array';
  if (/^Parser has expected/.test(message)) return `the JSON ends early: the file is truncated (${message.replace(/^Parser has /, '')})`;
  if (/^Parser cannot parse input/.test(message)) return `is not valid JSON (${message.replace(/^Parser cannot parse input: /, '')})`;
  return message;
}
