import { useEffect, useId, useState } from 'react';
import type { ConversationSearchHit } from '@melvin/shared/contracts';
import { errorMessage, HighlightedText, inputStyles, useDebouncedValue } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { Link } from '../router';
import { conversationsApi } from './conversations-api';

/** Full-text search over one's own conversations, archived ones included. */
export function ConversationSearch() {
  const api = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const [hits, setHits] = useState<ConversationSearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!query) {
      setHits(null);
      setError(null);
      return;
    }
    const controller = new AbortController();
    conversationsApi(api)
      .search(query, controller.signal)
      .then(
        (found) => {
          setHits(found);
          setError(null);
        },
        (failure: unknown) => !controller.signal.aborted && setError(errorMessage(failure)),
      );
    return () => controller.abort();
  }, [api, query]);

  return (
    <div role="search">
      <label htmlFor={id} className="sr-only">
        Search your conversations
      </label>
      <input id={id} type="search" className={inputStyles} placeholder="Search conversations" value={text} onChange={(event) => setText(event.target.value)} />
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
      {hits && (
        <div className="mt-2 rounded-md bg-white p-2 ring-1 ring-slate-200">
          <p role="status" className="text-xs text-slate-500">
            {hits.length ? `${hits.length} match${hits.length === 1 ? '' : 'es'}` : 'No matches'}
          </p>
          <ul className="mt-1 flex flex-col gap-2" data-testid="search-results">
            {hits.map((hit) => (
              <li key={hit.conversation.id}>
                <Link href={`/c/${hit.conversation.id}`} className="block rounded p-1 hover:bg-slate-50">
                  <span className="block text-sm font-medium">
                    {hit.conversation.title}
                    {hit.conversation.archived && <span className="ml-1 text-xs text-slate-500">(archived)</span>}
                  </span>
                  <HighlightedText className="block text-xs text-slate-600" text={hit.snippet.text} highlights={hit.snippet.highlights} />
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
