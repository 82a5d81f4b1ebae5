import { useEffect, useState } from 'react';
import type { AnalysisSummary } from '@melvin/shared/contracts';
import { ErrorNotice, errorMessage, StatusNote } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { Link } from '../router';

export function AnalysesList() {
  const api = useApi();
  const [analyses, setAnalyses] = useState<AnalysisSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.get<AnalysisSummary[]>('/api/loops/analyses', controller.signal).then(setAnalyses, (failure: unknown) => !controller.signal.aborted && setError(errorMessage(failure)));
    return () => controller.abort();
  }, [api]);

  return (
    <section aria-labelledby="analyses-heading" className="space-y-2">
      <h2 id="analyses-heading" className="text-lg font-semibold">
        Your analyses
      </h2>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {!analyses && !error && <StatusNote>Loading…</StatusNote>}
      {analyses?.length === 0 && <p className="text-sm text-slate-500">None yet.</p>}
      <ul className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
        {analyses?.map((analysis) => (
          <li key={analysis.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
            <Link href={`/loops/${analysis.id}`} className="font-medium text-indigo-700 underline">
              {analysis.title || (analysis.kind === 'deck' ? 'Deck' : 'Cards')}
            </Link>
            <span className="text-xs text-slate-600">
              {analysis.kind} · {analysis.status} · {analysis.loops} loop{analysis.loops === 1 ? '' : 's'} · <time dateTime={analysis.created_at}>{new Date(analysis.created_at).toLocaleString()}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
