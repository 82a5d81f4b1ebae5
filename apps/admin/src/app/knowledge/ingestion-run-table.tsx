import type { IngestionRunView } from '@melvin/shared/contracts';
import { formatDuration, formatTimestamp } from '../layout/format';
import { describeCounts, editionChanges, summariseChanges, type EditionChanges } from './ingestion-runs';

const STATUS_STYLES: Record<IngestionRunView['status'], string> = {
  running: 'bg-sky-50 text-sky-800 ring-sky-200',
  succeeded: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  unchanged: 'bg-slate-100 text-slate-700 ring-slate-200',
  failed: 'bg-red-50 text-red-800 ring-red-200',
};

function RuleList({ title, rules, total }: { title: string; rules: string[]; total: number }) {
  if (!total) return null;
  return (
    <div>
      <p className="font-medium">
        {title} ({total}
        {rules.length < total ? `, first ${rules.length} listed` : ''})
      </p>
      <p className="font-mono break-words">{rules.join(', ')}</p>
    </div>
  );
}

function ChangesDetails({ changes }: { changes: EditionChanges }) {
  return (
    <details data-testid="run-changes">
      <summary className="cursor-pointer">{summariseChanges(changes)}</summary>
      <div className="mt-1 space-y-1">
        <RuleList title="Added" rules={changes.addedRules} total={changes.added} />
        <RuleList title="Removed" rules={changes.removedRules} total={changes.removed} />
        <RuleList title="Changed" rules={changes.changedRules} total={changes.changed} />
      </div>
    </details>
  );
}

function RunRow({ run }: { run: IngestionRunView }) {
  const changes = editionChanges(run.changes);
  return (
    <tr data-testid="ingestion-run" data-kind={run.kind} data-status={run.status} className="align-top">
      <td className="px-3 py-2 whitespace-nowrap">
        <time dateTime={run.startedAt}>{formatTimestamp(run.startedAt)}</time>
        <p className="text-xs text-slate-500">{run.trigger}</p>
      </td>
      <td className="px-3 py-2">{run.kind}</td>
      <td className="px-3 py-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLES[run.status] ?? STATUS_STYLES.unchanged}`}>{run.status}</span>
      </td>
      <td className="px-3 py-2 break-all">{run.sourceName}</td>
      <td className="px-3 py-2 whitespace-nowrap">{run.edition ?? '—'}</td>
      <td className="px-3 py-2">{describeCounts(run.counts)}</td>
      <td className="px-3 py-2 whitespace-nowrap">{formatDuration(run.durationMs)}</td>
      <td className="space-y-1 px-3 py-2 text-xs">
        {run.error && <p className="text-red-800">{run.error}</p>}
        {run.warnings.length > 0 && (
          <details data-testid="run-warnings">
            <summary className="cursor-pointer text-amber-800">
              {run.warnings.length} warning{run.warnings.length === 1 ? '' : 's'}
            </summary>
            <ul className="mt-1 list-disc space-y-0.5 pl-4">
              {run.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </details>
        )}
        {changes && <ChangesDetails changes={changes} />}
      </td>
    </tr>
  );
}

/** The history of ingestion runs, newest first, one row per kind loaded. */
export function IngestionRunTable({ runs }: { runs: IngestionRunView[] }) {
  if (!runs.length) return <p className="text-sm text-slate-600">No ingestion has run yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            {['Started', 'Kind', 'Status', 'Source', 'Edition', 'Counts', 'Duration', 'Notes'].map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 font-semibold">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <RunRow key={run.id} run={run} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
