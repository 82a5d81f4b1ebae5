import { open } from 'node:fs/promises';

/** Every gzip stream starts with these two bytes (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b];

/** Gzip is recognised by content, not by name: Scryfall serves gzip under plain ".json" names too. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

export async function isGzipFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(2), 0, 2, 0);
    return isGzip(buffer.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}
