import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { classifySourceFile } from '@melvin/knowledge/domain';
import type { ScanSourcesResult, SourceFile } from '@melvin/shared/contracts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Inventories the data directory: every file Melvin knows how to ingest, with its size and
 * checksum (so a later ingestion can skip unchanged sources), plus the files it does not read.
 */
export async function scanSources(dataDir: string, onProgress: (percent: number) => Promise<void>): Promise<ScanSourcesResult> {
  const paths = await listFiles(dataDir);
  const files: SourceFile[] = [];
  const unrecognised: string[] = [];
  for (const [index, path] of paths.entries()) {
    const relativePath = relative(dataDir, path);
    const kind = classifySourceFile(relativePath);
    if (kind) {
      const [info, sha256] = await Promise.all([stat(path), sha256Of(path)]);
      files.push({ path: relativePath, kind, bytes: info.size, sha256 });
    } else {
      unrecognised.push(relativePath);
    }
    await onProgress(Math.round(((index + 1) / paths.length) * 100));
  }
  return { dataDir, files, unrecognised };
}
