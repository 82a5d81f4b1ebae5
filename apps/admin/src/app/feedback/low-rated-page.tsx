import { useState } from 'react';
import type { LowRatedAnswer, StoredCitation } from '@melvin/shared/contracts';
import { formatTimestamp } from '../layout/format';
import { PageSection } from '../layout/page-section';
import { useApiResource } from '../session/use-api-resource';
import { LOW_RATED_PAGE_SIZE, lowRatedUrl, toPage } from './low-rated-pages';

function Citation({ citation }: { citation: StoredCitation }) {
  const text = citation.label ?? `${citation.kind} ${citation.target}`;
  // Only links Melvin made itself (http/https) are followed; anything else stays text.
  return citation.url && /^https?:\/\//.test(citation.url) ? (
    <a href={citation.url} target="_blank" rel="noopener noreferrer" className="underline">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}

function LowRatedItem({ answer }: { answer: LowRatedAnswer }) {
  return (
    <article data-testid="low-rated-answer" className="space-y-3 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-slate-500">
        <span>
          Rated down <time dateTime={answer.ratedAt}>{formatTimestamp(answer.ratedAt)}</time>
        </span>
        {answer.mode && <span className="rounded bg-slate-100 px-1.5 py-0.5">{answer.mode}</span>}
      </header>
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Question</h3>
        <p className="whitespace-pre-wrap">{answer.question ?? <em className="text-slate-500">(question not found)</em>}</p>
      </div>
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Answer</h3>
        <p className="whitespace-pre-wrap">{answer.answer}</p>
      </div>
      {answer.comment && (
        <blockquote className="border-l-4 border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          <span className="sr-only">Comment: </span>
          {answer.comment}
        </blockquote>
      )}
      {answer.citations.length > 0 && (
        <div>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Citations</h3>
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {answer.citations.map((citation, index) => (
              <li key={index}>
                <Citation citation={citation} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {answer.retrieval.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Retrieved sources ({answer.retrieval.length})
          </summary>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-xs">
            {answer.retrieval.map((entry) => (
              <li key={entry.id}>
                {entry.kind} <span className="font-mono">{entry.ref}</span> <span className="text-slate-500">score {entry.score.toFixed(3)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

/** Answers users rated down, newest rating first, to find where Melvin goes wrong. */
export function LowRatedPage({ pageSize = LOW_RATED_PAGE_SIZE }: { pageSize?: number }) {
  // Cursors of the pages seen so far, so "Newer" can go back without the API paging forwards.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const before = cursors[cursors.length - 1];
  const resource = useApiResource<LowRatedAnswer[]>(lowRatedUrl(before, pageSize));
  const page = resource.data ? toPage(resource.data, pageSize) : null;

  return (
    <PageSection title="Poorly rated answers" resource={resource} onRefresh={resource.reload}>
      {page && page.answers.length === 0 && <p className="text-sm text-slate-600">No answer has been rated down{before ? ' before these' : ''}.</p>}
      {page && page.answers.length > 0 && (
        <div className="space-y-3">
          {page.answers.map((answer) => (
            <LowRatedItem key={answer.messageId} answer={answer} />
          ))}
        </div>
      )}
      <nav aria-label="Pages of poorly rated answers" className="flex items-center gap-3 text-sm">
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors((current) => current.slice(0, -1))}
          className="rounded-md px-2 py-1 ring-1 ring-slate-300 disabled:opacity-50"
        >
          Newer
        </button>
        <span className="text-slate-500">Page {cursors.length}</span>
        <button
          type="button"
          disabled={!page?.older}
          onClick={() => page?.older && setCursors((current) => [...current, page.older])}
          className="rounded-md px-2 py-1 ring-1 ring-slate-300 disabled:opacity-50"
        >
          Older
        </button>
      </nav>
    </PageSection>
  );
}
