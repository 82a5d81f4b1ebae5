import { useState } from 'react';
import type { LoopReport, LoopView } from '@melvin/shared/contracts';
import { buttonStyles, downloadFile, errorMessage } from '@melvin/web/ui';
import { useApi } from '../api-context';

const exports = [
  { format: 'json', label: 'JSON', extension: 'json' },
  { format: 'mermaid', label: 'Mermaid', extension: 'mmd' },
  { format: 'dot', label: 'DOT', extension: 'dot' },
] as const;

function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-600/30 ring-inset">{outcome}</span>;
}

function LoopItem({ loop, index }: { loop: LoopView; index: number }) {
  const net = Object.entries(loop.net_per_iteration);
  return (
    <li className="space-y-2 rounded-lg bg-white p-3 ring-1 ring-slate-200" data-testid="loop">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">
          Loop {index + 1}: {loop.cards.join(' + ')}
        </h3>
        {loop.mandatory && <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-600/30 ring-inset">Mandatory: it cannot be stopped</span>}
      </div>
      <div className="flex flex-wrap gap-1" aria-label="Outcomes">
        {loop.outcomes.map((outcome) => (
          <OutcomeBadge key={outcome} outcome={outcome} />
        ))}
      </div>
      {loop.requires.length > 0 && (
        <div className="text-sm">
          <span className="font-medium">Requires:</span>
          <ul className="list-disc pl-5">
            {loop.requires.map((requirement) => (
              <li key={requirement}>{requirement}</li>
            ))}
          </ul>
        </div>
      )}
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        {loop.steps.map((step, at) => (
          <li key={at}>
            <span className="font-medium">{step.card}</span>: <q className="text-slate-700 italic">{step.ability}</q> → {step.effect}
          </li>
        ))}
      </ol>
      {net.length > 0 && (
        <p className="text-sm">
          <span className="font-medium">Net per iteration:</span>{' '}
          {net.map(([what, amount]) => `${typeof amount === 'number' && amount > 0 ? '+' : ''}${amount} ${what}`).join(', ')}
        </p>
      )}
    </li>
  );
}

/** The loops an analysis found, with what it could not consider and suggestions one card away. */
export function LoopReportView({ report, analysisId }: { report: LoopReport; analysisId: string }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3" data-testid="loop-report">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span role="status" className="font-medium">
          {report.loops.length ? `${report.loops.length} loop${report.loops.length === 1 ? '' : 's'} found` : 'No loops found'}
        </span>
        <span className="text-slate-500">among {report.cards.length} cards</span>
        <span className="ml-auto flex gap-1">
          {exports.map(({ format, label, extension }) => (
            <button
              key={format}
              type="button"
              className={buttonStyles.secondary}
              aria-label={`Export as ${label}`}
              onClick={() =>
                downloadFile(api, `/api/loops/analyses/${analysisId}/export?format=${format}`, `melvin-loops-${analysisId}.${extension}`).catch((failure: unknown) => setError(errorMessage(failure)))
              }
            >
              {label}
            </button>
          ))}
        </span>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {report.exhausted && <p className="text-sm text-amber-900">The search hit its time limit: there may be more loops.</p>}
      <ol className="space-y-3">
        {report.loops.map((loop, index) => (
          <LoopItem key={index} loop={loop} index={index} />
        ))}
      </ol>
      {report.one_card_away.length > 0 && (
        <section aria-labelledby={`one-away-${analysisId}`} className="space-y-1">
          <h3 id={`one-away-${analysisId}`} className="font-semibold">
            One card away
          </h3>
          <ul className="space-y-1 text-sm">
            {report.one_card_away.map((suggestion) => (
              <li key={`${suggestion.card}-${suggestion.with.join()}`} className="flex flex-wrap items-center gap-1">
                Add <span className="font-medium">{suggestion.card}</span> to {suggestion.with.join(' + ')}:
                {suggestion.outcomes.map((outcome) => (
                  <OutcomeBadge key={outcome} outcome={outcome} />
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.unknown_cards.length > 0 && (
        <p className="text-sm text-slate-600">
          Not recognised: {report.unknown_cards.map((card) => card.name).join(', ')}
        </p>
      )}
      {report.unparsed.length > 0 && (
        <details className="text-sm text-slate-600">
          <summary>Text the engine could not model ({report.unparsed.length})</summary>
          <ul className="list-disc pl-5">
            {report.unparsed.map((entry, index) => (
              <li key={index}>
                <span className="font-medium">{entry.card}</span>: {entry.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
