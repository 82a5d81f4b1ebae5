import { CardLookupPanel } from './card-lookup-panel';
import { CardSearchPanel } from './card-search-panel';

/** Cards: look one up by name, or search the card pool with Scryfall-style syntax. */
export function CardsPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Cards</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <CardLookupPanel />
        <CardSearchPanel />
      </div>
    </div>
  );
}
