import type { Job } from 'bullmq';
import {
  findSourceFiles,
  resolveInDataDir,
  type KnowledgeIngestion,
  type KnowledgeKind,
  type SourceToIngest,
} from '@melvin/knowledge/data-access';
import { KNOWLEDGE_KINDS, type IngestKnowledgePayload, type IngestKnowledgeResult } from '@melvin/shared/contracts';

/** Share of the job's progress bar each kind takes, roughly by how long it takes to load. */
const PROGRESS_WEIGHT: Record<KnowledgeKind, number> = { rules: 5, cards: 75, rulings: 20 };

/** Which files a job loads: the ones it names (inside the data directory), else the newest of each kind there. */
export async function sourcesForJob(dataDir: string, payload: IngestKnowledgePayload): Promise<SourceToIngest[]> {
  const found = await findSourceFiles(dataDir);
  const kinds = payload.kinds ?? [...KNOWLEDGE_KINDS];
  const sources: SourceToIngest[] = [];
  for (const kind of kinds) {
    const named = payload.sources?.[kind];
    const path = named ? resolveInDataDir(dataDir, named) : found[kind];
    if (path) sources.push({ kind, path });
  }
  if (!sources.length) throw new Error(`no source files for ${kinds.join(', ')} in the data directory ${dataDir}`);
  return sources;
}

export async function runKnowledgeJob(
  job: Job,
  ingestion: KnowledgeIngestion,
  sources: SourceToIngest[],
  trigger: string,
): Promise<IngestKnowledgeResult> {
  const total = sources.reduce((sum, source) => sum + PROGRESS_WEIGHT[source.kind], 0);
  const finished = new Set<SourceToIngest>();
  let done = 0;
  let lastReported = -1;
  const runs = await ingestion.ingestAll(sources, {
    trigger,
    onProgress: (source, fraction) => {
      const current = finished.has(source) ? 0 : PROGRESS_WEIGHT[source.kind] * fraction;
      const percent = Math.floor(((done + current) / total) * 100);
      if (fraction >= 1 && !finished.has(source)) {
        finished.add(source);
        done += PROGRESS_WEIGHT[source.kind];
      }
      if (percent > lastReported) {
        lastReported = percent;
        void job.updateProgress(Math.min(100, percent));
      }
    },
  });
  await job.updateProgress(100);
  return { runs };
}
