import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { ScryfallRequestError } from '../scryfall-errors';
import type { BulkDataEntry } from '../scryfall-types';
import { unreachable } from '../http/network-failure';
import type { ScryfallTransport } from '../http/scryfall-transport';

export interface DownloadProgress {
  receivedBytes: number;
  /** Null when neither Scryfall's entry nor the server says how big the file is. */
  totalBytes: number | null;
}

export type ProgressListener = (progress: DownloadProgress) => void;

/** Scryfall's own dated name (e.g. `oracle-cards-20240429210234.json`), which Melvin's source catalogue recognises. */
export function bulkFileName(entry: BulkDataEntry): string {
  const name = decodeURIComponent(basename(new URL(entry.download_uri).pathname));
  return /^[\w.-]+$/.test(name) && !name.startsWith('.') ? name : `${entry.type}.json`;
}

/** fetch decodes gzip, so a Content-Length only counts the bytes written when nothing was encoded. */
function expectedSize(response: Response, entry: BulkDataEntry): number | null {
  const length = Number(response.headers.get('content-length'));
  if (!response.headers.get('content-encoding') && Number.isFinite(length) && length > 0) return length;
  return entry.size ?? null;
}

/**
 * Streams a bulk file into `destDir`. Bytes go to a hidden `.part` file first and are renamed into place
 * only when complete, so a reader never finds half a file under the real name. `idleTimeoutMs` bounds
 * the silence between chunks, not the whole download, which can take minutes.
 */
export async function downloadBulkFile(
  transport: ScryfallTransport,
  entry: BulkDataEntry,
  destDir: string,
  idleTimeoutMs: number,
  onProgress?: ProgressListener,
): Promise<string> {
  const finalPath = join(destDir, bulkFileName(entry));
  const partPath = join(destDir, `.${basename(finalPath)}.${randomUUID()}.part`);
  await mkdir(destDir, { recursive: true });

  const idle = new AbortController();
  const idleTimer = setTimeout(() => idle.abort(), idleTimeoutMs);
  try {
    const response = await transport.open(new URL(entry.download_uri), idle.signal);
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ScryfallRequestError({ status: response.status, details: `the ${entry.type} bulk file could not be downloaded` });
    }
    const totalBytes = expectedSize(response, entry);
    let receivedBytes = 0;

    // Failures while reading come from the network; failures while writing stay disk errors.
    async function* chunks() {
      try {
        for await (const chunk of response.body as unknown as NodeReadableStream<Uint8Array>) {
          idleTimer.refresh();
          receivedBytes += chunk.byteLength;
          onProgress?.({ receivedBytes, totalBytes });
          yield chunk;
        }
      } catch (error) {
        throw unreachable(error, idleTimeoutMs);
      }
    }

    await pipeline(chunks, createWriteStream(partPath));
    await rename(partPath, finalPath);
    return finalPath;
  } catch (error) {
    await rm(partPath, { force: true });
    throw error;
  } finally {
    clearTimeout(idleTimer);
  }
}
