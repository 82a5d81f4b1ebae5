import { useState, type FormEvent } from 'react';
import { ApiRequestError, buttonStyles, ErrorNotice, errorMessage, HighlightedText, inputStyles, labelStyles, StatusNote } from '@melvin/web/ui';
import { useApi } from '../api-context';
import type { CardSearchPage } from '../knowledge-types';
import { CardDetails } from './card-details';

const PAGE = 20;

interface QueryProblem {
  message: string;
  query: string;
  position: number;
  token: string;
}

/** Where a malformed query went wrong, from an INVALID_QUERY error; null for any other error. */
export function queryProblemOf(error: unknown, query: string): QueryProblem | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'INVALID_QUERY') return null;
  const details = (error.details ?? {}) as { position?: unknown; token?: unknown };
  const position = typeof details.position === 'number' ? details.position : -1;
  return { message: error.message, query, position, token: typeof details.token === 'string' ? details.token : '' };
}

/** The query with the token that broke it marked. */
export function QueryProblemView({ problem }: { problem: QueryProblem }) {
  const length = Math.max(problem.token.length, 1);
  const ranges = problem.position >= 0 ? [{ start: problem.position, end: problem.position + length }] : [];
  return (
    <ErrorNotice title="The query has a problem.">
      <p>{problem.message}</p>
      <p className="mt-1 rounded bg-white px-2 py-1 font-mono text-slate-900" data-testid="query-problem">
        <HighlightedText text={problem.query} highlights={ranges} />
        {/* A problem at the very end (e.g. a missing value) gets a visible marker. */}
        {problem.position >= problem.query.length && <mark className="bg-amber-200"> </mark>}
      </p>
    </ErrorNotice>
  );
}

export function CardSearchPanel() {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<CardSearchPage | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [searched, setSearched] = useState('');
  const [busy, setBusy] = useState(false);

  const search = async (text: string, from: number) => {
    setBusy(true);
    setError(null);
    try {
      setPage(await api.get<CardSearchPage>(`/api/cards/search?${new URLSearchParams({ q: text, limit: String(PAGE), offset: String(from) })}`));
      setOffset(from);
    } catch (failure) {
      setError(failure);
      setPage(null);
    } finally {
      setSearched(text);
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void search(query.trim(), 0);
  };

  const problem = queryProblemOf(error, searched);
  return (
    <section aria-labelledby="search-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="search-heading" className="text-lg font-semibold">
        Search cards
      </h2>
      <form onSubmit={submit} className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor="card-query" className={labelStyles}>
            Query
          </label>
          <input id="card-query" className={`${inputStyles} mt-1 font-mono`} value={query} onChange={(event) => setQuery(event.target.value)} placeholder='e.g. t:creature o:"untap target"' aria-describedby="card-query-hint" />
          <p id="card-query-hint" className="mt-1 text-xs text-slate-500">
            Scryfall-style: t: type, o: text, c: colour, mv: mana value…
          </p>
        </div>
        <button type="submit" className={buttonStyles.primary} disabled={busy || !query.trim()}>
          Search
        </button>
      </form>
      {busy && <StatusNote>Searching…</StatusNote>}
      {problem ? <QueryProblemView problem={problem} /> : error ? <ErrorNotice>{errorMessage(error)}</ErrorNotice> : null}
      {page && (
        <div className="space-y-3">
          <p role="status" className="text-sm text-slate-600">
            {page.total === 0 ? 'No cards match.' : `${offset + 1}–${offset + page.cards.length} of ${page.total} cards`}
          </p>
          <ul className="space-y-3" data-testid="card-search-results">
            {page.cards.map((card) => (
              <li key={card.oracle_id ?? card.name} className="rounded-md p-2 ring-1 ring-slate-200">
                <CardDetails card={card} />
              </li>
            ))}
          </ul>
          <div className="flex gap-2">
            <button type="button" className={buttonStyles.secondary} disabled={busy || offset === 0} onClick={() => void search(searched, Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <button type="button" className={buttonStyles.secondary} disabled={busy || offset + PAGE >= page.total} onClick={() => void search(searched, offset + PAGE)}>
              Next
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
