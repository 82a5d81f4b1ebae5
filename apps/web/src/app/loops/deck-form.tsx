import { useState } from 'react';
import type { DeckAnalysisAccepted } from '@melvin/shared/contracts';
import { buttonStyles, ErrorNotice, inputStyles, labelStyles, useFormSubmit } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { navigate } from '../router';

/** A pasted decklist becomes a background analysis; its page shows progress, then the loops. */
export function DeckForm() {
  const api = useApi();
  const [decklist, setDecklist] = useState('');
  const [title, setTitle] = useState('');
  const [oneCardAway, setOneCardAway] = useState(true);
  const { busy, error, submit } = useFormSubmit(async () => {
    const started = await api.post<DeckAnalysisAccepted>('/api/loops/decks', { decklist, oneCardAway, ...(title.trim() ? { title: title.trim() } : {}) });
    navigate(`/loops/${started.id}`);
  });

  return (
    <section aria-labelledby="deck-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="deck-heading" className="text-lg font-semibold">
        Analyse a decklist
      </h2>
      <form onSubmit={submit} className="space-y-3">
        <div>
          <label htmlFor="deck-title" className={labelStyles}>
            Title (optional)
          </label>
          <input id="deck-title" className={`${inputStyles} mt-1`} maxLength={120} value={title} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <div>
          <label htmlFor="decklist" className={labelStyles}>
            Decklist
          </label>
          <textarea
            id="decklist"
            rows={10}
            maxLength={20_000}
            className={`${inputStyles} mt-1 font-mono`}
            placeholder={'1 Pestermite\n1 Splinter Twin\n…'}
            value={decklist}
            onChange={(event) => setDecklist(event.target.value)}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={oneCardAway} onChange={(event) => setOneCardAway(event.target.checked)} />
          Also suggest cards that would complete a loop
        </label>
        {error && <ErrorNotice>{error}</ErrorNotice>}
        <button type="submit" className={buttonStyles.primary} disabled={busy || !decklist.trim()}>
          Analyse deck
        </button>
      </form>
    </section>
  );
}
