import { useState } from 'react';
import type { IngestionRunView, JobStatus, KnowledgeKindName } from '@melvin/shared/contracts';
import { KNOWLEDGE_KIND_LABELS, KNOWLEDGE_KIND_ORDER } from './knowledge-kinds';
import { useIngestionJob } from './use-ingestion-job';

/** The runs a finished ingest-knowledge job reports, if its result has that shape. */
function runsOf(job: JobStatus | null): IngestionRunView[] {
  const runs = (job?.result as { runs?: unknown } | undefined)?.runs;
  return Array.isArray(runs) ? (runs as IngestionRunView[]) : [];
}

/** "Ingest now": loads the newest source files of the chosen kinds, showing the job's progress. */
export function IngestNowPanel({ onFinished, pollIntervalMs }: { onFinished: () => void; pollIntervalMs?: number }) {
  const [kinds, setKinds] = useState<KnowledgeKindName[]>(KNOWLEDGE_KIND_ORDER);
  const { phase, job, error, start } = useIngestionJob(onFinished, pollIntervalMs);
  const busy = phase === 'starting' || phase === 'running';
  const progress = Math.round(job?.progress ?? 0);

  const toggle = (kind: KnowledgeKindName, on: boolean) =>
    setKinds((current) => KNOWLEDGE_KIND_ORDER.filter((candidate) => (candidate === kind ? on : current.includes(candidate))));

  return (
    <section aria-labelledby="ingest-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="ingest-heading" className="text-lg font-semibold">
        Ingest now
      </h2>
      <p className="text-sm text-slate-600">
        Loads the newest file of each chosen kind from the data directory. A source that has not changed is recorded as unchanged; a new
        one becomes the active release once it has loaded.
      </p>
      <fieldset className="flex flex-wrap gap-4 text-sm" disabled={busy}>
        <legend className="sr-only">Sources to ingest</legend>
        {KNOWLEDGE_KIND_ORDER.map((kind) => (
          <label key={kind} className="flex items-center gap-2">
            <input type="checkbox" name={kind} checked={kinds.includes(kind)} onChange={(event) => toggle(kind, event.target.checked)} />
            {KNOWLEDGE_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        onClick={() => start(kinds)}
        disabled={busy || kinds.length === 0}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:opacity-60"
      >
        Ingest now
      </button>

      {(busy || job) && (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-label="Ingestion progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            data-state={job?.state ?? 'waiting'}
            className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className={`h-full transition-[width] ${phase === 'failed' ? 'bg-red-600' : phase === 'completed' ? 'bg-emerald-600' : 'bg-slate-800'}`}
              style={{ width: `${progress}%` }}
            />
          </div>
          <p aria-live="polite" className="text-xs text-slate-600">
            {phase === 'starting' && 'Queuing the job…'}
            {phase === 'running' && `Job ${job?.id}: ${job?.state}, ${progress}%`}
            {phase === 'completed' &&
              `Job ${job?.id} completed${runsOf(job).length ? `: ${runsOf(job).map((run) => `${run.kind} ${run.status}`).join(', ')}` : ''}.`}
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      )}
    </section>
  );
}
