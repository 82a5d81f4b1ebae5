import { Link, usePath } from '../router';
import { AnalysesList } from './analyses-list';
import { AnalysisPage } from './analysis-page';
import { DeckForm } from './deck-form';
import { LoopCardsForm } from './loop-cards-form';

/** Loops: analyse a few cards at once, or a whole decklist as a job; `/loops/:id` shows one analysis. */
export function LoopsPage() {
  const path = usePath();
  const id = /^\/loops\/([a-f0-9]{24})$/.exec(path)?.[1];
  if (id) {
    return (
      <div className="space-y-4">
        <Link href="/loops" className="text-sm text-indigo-700 underline">
          ← All loop analyses
        </Link>
        <AnalysisPage id={id} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Loops</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <LoopCardsForm />
        <DeckForm />
      </div>
      <AnalysesList />
    </div>
  );
}
