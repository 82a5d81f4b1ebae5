import { basename } from 'node:path';
import type { DataSource } from 'typeorm';
import type { IngestionRunView } from '@melvin/shared/contracts';
import { sha256OfFile } from '../sources';
import { IngestionRun } from '../store/ingestion-run.entity';
import type { KnowledgeKind } from '../store/knowledge-release.entity';
import { KnowledgeReader } from '../store/knowledge-reader';
import { KnowledgeReleases } from '../store/knowledge-releases';
import { SILENT_LOG, WarningList, type IngestionLog, type ProgressListener } from './ingestion-progress';
import { SOURCE_LOADERS } from './source-loaders';

export interface SourceToIngest {
  kind: KnowledgeKind;
  path: string;
}

export interface IngestOptions {
  /** Recorded on the run: "job:<id>", "schedule", "cli:<user>". */
  trigger: string;
  /** Progress of the current source in [0, 1]. */
  onProgress?: (source: SourceToIngest, fraction: number) => void;
}

/**
 * Loads source files into new knowledge releases. Every attempt is recorded as a run; an unchanged
 * file is a no-op, and a failure leaves the release that was serving in place.
 */
export class KnowledgeIngestion {
  private readonly releases: KnowledgeReleases;
  private readonly reader: KnowledgeReader;

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: IngestionLog = SILENT_LOG,
  ) {
    this.releases = new KnowledgeReleases(dataSource);
    this.reader = new KnowledgeReader(dataSource);
  }

  /** Rules first, so a failure in a later, bigger file does not hold back a new CR edition. */
  async ingestAll(sources: SourceToIngest[], options: IngestOptions): Promise<IngestionRunView[]> {
    const runs: IngestionRunView[] = [];
    for (const source of sources) runs.push(await this.ingest(source, options));
    return runs;
  }

  async ingest(source: SourceToIngest, options: IngestOptions): Promise<IngestionRunView> {
    const fileName = basename(source.path);
    const runs = this.dataSource.getRepository(IngestionRun);
    const run = await runs.save(
      runs.create({ kind: source.kind, status: 'running', sourceName: fileName, counts: {}, warnings: [], trigger: options.trigger.slice(0, 100) }),
    );
    const started = Date.now();
    const warnings = new WarningList(this.log, fileName);
    const onProgress: ProgressListener = (fraction) => options.onProgress?.(source, Math.min(1, Math.max(0, fraction)));
    let releaseId: string | null = null;
    try {
      const sha256 = await sha256OfFile(source.path);
      run.sourceSha256 = sha256;
      const serving = await this.releases.active(source.kind);
      if (serving?.sourceSha256 === sha256) {
        onProgress(1);
        return await this.finish(run, started, { status: 'unchanged', releaseId: serving.id, edition: serving.edition, counts: serving.counts });
      }
      const release = await this.releases.begin({ kind: source.kind, sourceName: fileName, sourceSha256: sha256, edition: null });
      releaseId = release.id;
      const outcome = await SOURCE_LOADERS[source.kind]({
        path: source.path,
        fileName,
        releaseId,
        releases: this.releases,
        reader: this.reader,
        warnings,
        onProgress,
      });
      await this.releases.activate(releaseId, outcome);
      this.log.info(`ingested ${fileName}`, { kind: source.kind, counts: outcome.counts, edition: outcome.edition });
      return await this.finish(run, started, {
        status: 'succeeded',
        releaseId,
        edition: outcome.edition,
        counts: outcome.counts,
        changes: outcome.changes ?? null,
        warnings: warnings.summary(),
      });
    } catch (error) {
      if (releaseId) await this.releases.fail(releaseId);
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn(`ingesting ${fileName} failed; the previous version keeps serving`, { kind: source.kind, error: message });
      return this.finish(run, started, { status: 'failed', releaseId, error: message, warnings: warnings.summary() });
    }
  }

  async history(options: { limit: number; kind?: KnowledgeKind }): Promise<IngestionRunView[]> {
    const runs = await this.dataSource.getRepository(IngestionRun).find({
      where: options.kind ? { kind: options.kind } : {},
      order: { startedAt: 'DESC' },
      take: options.limit,
    });
    return runs.map(toRunView);
  }

  private async finish(run: IngestionRun, started: number, outcome: Partial<IngestionRun>): Promise<IngestionRunView> {
    Object.assign(run, outcome, { finishedAt: new Date(), durationMs: Date.now() - started });
    return toRunView(await this.dataSource.getRepository(IngestionRun).save(run));
  }
}

export function toRunView(run: IngestionRun): IngestionRunView {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    sourceName: run.sourceName,
    edition: run.edition,
    counts: run.counts,
    warnings: run.warnings,
    error: run.error,
    changes: run.changes,
    trigger: run.trigger,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.durationMs,
  };
}
