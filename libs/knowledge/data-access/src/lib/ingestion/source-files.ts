import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { classifySourceFile, type SourceKind } from '@melvin/knowledge/domain';
import type { KnowledgeKind } from '../store/knowledge-release.entity';
import { dateInFileName } from './ingestion-progress';

const KIND_OF_SOURCE: Partial<Record<SourceKind, KnowledgeKind>> = {
  'comprehensive-rules': 'rules',
  'scryfall-oracle-cards': 'cards',
  'scryfall-rulings': 'rulings',
};

interface Candidate {
  path: string;
  date: string;
  bytes: number;
}

/**
 * The file to ingest for each kind found under `dataDir`: the newest by the date in its name, and
 * among equals the biggest (a full bulk file over an excerpt of it).
 */
export async function findSourceFiles(dataDir: string): Promise<Partial<Record<KnowledgeKind, string>>> {
  const best: Partial<Record<KnowledgeKind, Candidate>> = {};
  for (const path of await listFiles(resolve(dataDir))) {
    const kind = KIND_OF_SOURCE[classifySourceFile(path) ?? 'rules-qa'];
    if (!kind) continue;
    const candidate = { path, date: dateInFileName(path) ?? '', bytes: (await stat(path)).size };
    const current = best[kind];
    if (!current || candidate.date > current.date || (candidate.date === current.date && candidate.bytes > current.bytes)) {
      best[kind] = candidate;
    }
  }
  return Object.fromEntries(Object.entries(best).map(([kind, candidate]) => [kind, candidate.path]));
}

/** A path from a request, resolved inside `dataDir`; anything that would leave it is refused. */
export function resolveInDataDir(dataDir: string, path: string): string {
  const root = resolve(dataDir);
  const target = resolve(root, path);
  const inside = relative(root, target);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) {
    throw new Error(`${path} is not a file inside the data directory`);
  }
  return join(root, inside);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}
