import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { isGzip } from './gzip';

const gunzipBuffer = promisify(gunzip);

/**
 * The text of a .txt or .txt.gz file, decoded as UTF-8 with any byte-order mark removed. Line
 * ends are left as they are: the Comprehensive Rules ship with CR, LF or CRLF depending on edition.
 * Rejects when the bytes are not UTF-8, rather than filling the text with replacement characters.
 */
export async function readTextFile(path: string): Promise<string> {
  const stored = await readFile(path);
  const bytes = isGzip(stored) ? await gunzipBuffer(stored) : stored;
  try {
    // TextDecoder drops a leading BOM unless told otherwise.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${path} is not UTF-8 text`);
  }
}
