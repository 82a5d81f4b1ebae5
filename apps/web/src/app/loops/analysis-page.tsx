import { useEffect, useState } from 'react';
import type { AnalysisView } from '@melvin/shared/contracts';
import { ErrorNotice, errorMessage, StatusNote } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { LoopReportView } from './loop-report-view';

const POLL_MS = 1_000;

/** One analysis; while a deck job runs it is polled and its progress shown. */
export function AnalysisPage({ id }: { id: string }) {
  const api = useApi();
  const [analysis, setAnalysis] = useState<AnalysisView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const poll = async () => {
      try {
        const next = await api.get<AnalysisView>(`/api/loops/analyses/${id}`, controller.signal);
        setAnalysis(next);
        setError(null);
        if (next.status === 'queued' || next.status === 'running') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (failure) {
        if (controller.signal.aborted) return;
        setError(errorMessage(failure));
        timer = setTimeout(() => void poll(), POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, id]);

  if (!analysis) return error ? <ErrorNotice>{error}</ErrorNotice> : <StatusNote>Loading the analysis…</StatusNote>;
  const running = analysis.status === 'queued' || analysis.status === 'running';
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{analysis.title || 'Loop analysis'}</h1>
      {running && (
        <div className="space-y-1">
          <p className="text-sm text-slate-700">{analysis.status === 'queued' ? 'Waiting to start…' : 'Analysing the deck…'}</p>
          <div role="progressbar" aria-label="Analysis progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={analysis.progress} className="h-2 w-full overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-indigo-600 transition-all" style={{ width: `${Math.min(100, Math.max(0, analysis.progress))}%` }} />
          </div>
        </div>
      )}
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {analysis.status === 'failed' && <ErrorNotice title="The analysis failed.">{analysis.error ?? 'No reason was given.'}</ErrorNotice>}
      {analysis.decklist_problems && analysis.decklist_problems.length > 0 && (
        <details className="rounded bg-amber-50 p-2 text-sm ring-1 ring-amber-200">
          <summary>{analysis.decklist_problems.length} decklist line(s) were skipped</summary>
          <ul className="mt-1 list-disc pl-5">
            {analysis.decklist_problems.map((problem) => (
              <li key={problem.line}>
                Line {problem.line} “{problem.text}”: {problem.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {analysis.report && <LoopReportView report={analysis.report} analysisId={analysis.id} />}
    </div>
  );
}
