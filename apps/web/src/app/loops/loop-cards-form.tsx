import { useState, type FormEvent } from 'react';
import type { AnalysisView, UnknownCardView } from '@melvin/shared/contracts';
import { ApiRequestError, AutocompleteInput, buttonStyles, ErrorNotice, errorMessage, StatusNote } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { useCardNameSuggestions } from '../cards/card-names';
import { LoopReportView } from './loop-report-view';

const MAX_CARDS = 10;

/** Up to ten card names → every loop among them, at once. */
export function LoopCardsForm() {
  const api = useApi();
  const suggest = useCardNameSuggestions();
  const [names, setNames] = useState<string[]>(['', '']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unknown, setUnknown] = useState<UnknownCardView[]>([]);
  const [analysis, setAnalysis] = useState<AnalysisView | null>(null);

  const setName = (index: number, value: string) => setNames((current) => current.map((name, at) => (at === index ? value : name)));
  const cards = names.map((name) => name.trim()).filter(Boolean);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setUnknown([]);
    try {
      setAnalysis(await api.post<AnalysisView>('/api/loops/analyses', { cards }));
    } catch (failure) {
      const details = failure instanceof ApiRequestError && failure.code === 'UNKNOWN_CARDS' ? (failure.details as { unknown_cards?: UnknownCardView[] }) : undefined;
      if (details?.unknown_cards?.length) setUnknown(details.unknown_cards);
      else setError(errorMessage(failure));
      setAnalysis(null);
    } finally {
      setBusy(false);
    }
  };

  const replace = (wrong: string, right: string) => {
    setNames((current) => current.map((name) => (name.trim() === wrong ? right : name)));
    setUnknown((current) => current.filter((card) => card.name !== wrong));
  };

  return (
    <section aria-labelledby="loop-cards-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="loop-cards-heading" className="text-lg font-semibold">
        Find loops among cards
      </h2>
      <form onSubmit={submit} className="space-y-2">
        {names.map((name, index) => (
          <div key={index} className="flex items-end gap-2">
            <div className="flex-1">
              <AutocompleteInput label={`Card ${index + 1}`} value={name} onChange={(value) => setName(index, value)} suggest={suggest} />
            </div>
            {names.length > 1 && (
              <button type="button" className={buttonStyles.ghost} aria-label={`Remove card ${index + 1}`} onClick={() => setNames((current) => current.filter((_, at) => at !== index))}>
                Remove
              </button>
            )}
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonStyles.secondary} disabled={names.length >= MAX_CARDS} onClick={() => setNames((current) => [...current, ''])}>
            Add a card
          </button>
          <button type="submit" className={buttonStyles.primary} disabled={busy || cards.length === 0}>
            Find loops
          </button>
        </div>
        <p className="text-xs text-slate-500">Up to {MAX_CARDS} cards; for a whole deck, paste the decklist instead.</p>
      </form>
      {busy && <StatusNote>Analysing…</StatusNote>}
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {unknown.length > 0 && (
        <ErrorNotice title="Melvin does not know some of these cards.">
          <ul className="space-y-1" data-testid="unknown-cards">
            {unknown.map((card) => (
              <li key={card.name}>
                “{card.name}”
                {card.candidates.length ? (
                  <>
                    {' '}
                    — did you mean{' '}
                    {card.candidates.slice(0, 5).map((candidate) => (
                      <button key={candidate} type="button" className="mx-0.5 underline" onClick={() => replace(card.name, candidate)}>
                        {candidate}
                      </button>
                    ))}
                    ?
                  </>
                ) : (
                  ' — no similar card found.'
                )}
              </li>
            ))}
          </ul>
        </ErrorNotice>
      )}
      {analysis?.report && <LoopReportView report={analysis.report} analysisId={analysis.id} />}
    </section>
  );
}
