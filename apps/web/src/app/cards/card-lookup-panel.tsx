import { useState, type FormEvent } from 'react';
import { AutocompleteInput, buttonStyles, ErrorNotice, errorMessage, StatusNote } from '@melvin/web/ui';
import { useApi } from '../api-context';
import type { CardLookup } from '../knowledge-types';
import { CardDetails } from './card-details';
import { useCardNameSuggestions } from './card-names';

/** Look a card up by (roughly) its name; near misses come back as "did you mean" choices. */
export function CardLookupPanel() {
  const api = useApi();
  const suggest = useCardNameSuggestions();
  const [name, setName] = useState('');
  const [result, setResult] = useState<CardLookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (text: string, mode: 'fuzzy' | 'exact' = 'fuzzy') => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.get<CardLookup>(`/api/cards/named?${new URLSearchParams({ [mode]: text.trim() })}`));
    } catch (failure) {
      setError(errorMessage(failure));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void lookUp(name);
  };

  return (
    <section aria-labelledby="lookup-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="lookup-heading" className="text-lg font-semibold">
        Look up a card
      </h2>
      <form onSubmit={submit} className="flex items-end gap-2">
        <div className="flex-1">
          <AutocompleteInput label="Card name" name="card-name" value={name} onChange={setName} suggest={suggest} onPick={(picked) => void lookUp(picked, 'exact')} placeholder="e.g. Pestermite" />
        </div>
        <button type="submit" className={buttonStyles.primary} disabled={busy || !name.trim()}>
          Look up
        </button>
      </form>
      {busy && <StatusNote>Looking up…</StatusNote>}
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {result && !busy && (
        <div data-testid="lookup-result">
          {result.card ? (
            <CardDetails card={result.card} />
          ) : result.candidates.length ? (
            <div>
              <p className="text-sm">No card is called “{result.query}”. Did you mean:</p>
              <ul className="mt-2 flex flex-wrap gap-2" aria-label="Did you mean">
                {result.candidates.map((candidate) => (
                  <li key={candidate.name}>
                    <button
                      type="button"
                      className={buttonStyles.secondary}
                      onClick={() => {
                        setName(candidate.name);
                        void lookUp(candidate.name, 'exact');
                      }}
                    >
                      {candidate.name}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-slate-600">No card matches “{result.query}”.</p>
          )}
        </div>
      )}
    </section>
  );
}
