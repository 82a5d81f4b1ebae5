import type { CardView } from '../knowledge-types';

function Face({ name, cost, type, text, stats }: { name: string; cost: string; type: string; text: string; stats: string | null }) {
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold">{name}</h3>
        {cost && (
          <span className="font-mono text-sm text-slate-700" aria-label={`Mana cost ${cost}`}>
            {cost}
          </span>
        )}
      </div>
      <p className="text-sm text-slate-700 italic">{type}</p>
      {text && <p className="text-sm whitespace-pre-wrap">{text}</p>}
      {stats && <p className="text-sm font-medium">{stats}</p>}
    </div>
  );
}

const statsOf = (power: string | null, toughness: string | null, loyalty?: string | null) =>
  power !== null && toughness !== null ? `${power}/${toughness}` : loyalty ? `Loyalty ${loyalty}` : null;

/** A card as text: name, cost, type line, Oracle text, and its rulings (one may be singled out). */
export function CardDetails({ card, highlightRuling }: { card: CardView; highlightRuling?: string }) {
  return (
    <article className="space-y-3" data-testid="card-details" aria-label={card.name}>
      {card.card_faces?.length ? (
        <>
          <h2 className="text-lg font-semibold">{card.name}</h2>
          {card.card_faces.map((face) => (
            <div key={face.name} className="rounded-md bg-slate-50 p-2 ring-1 ring-slate-200">
              <Face name={face.name} cost={face.mana_cost} type={face.type_line} text={face.oracle_text} stats={statsOf(face.power, face.toughness)} />
            </div>
          ))}
        </>
      ) : (
        <Face name={card.name} cost={card.mana_cost} type={card.type_line} text={card.oracle_text} stats={statsOf(card.power, card.toughness, card.loyalty)} />
      )}
      {card.rulings && card.rulings.length > 0 && (
        <section aria-label={`Rulings on ${card.name}`}>
          <h4 className="text-sm font-semibold">Rulings</h4>
          <ul className="mt-1 space-y-2">
            {card.rulings.map((ruling, index) => (
              <li key={index} className={`rounded p-2 text-sm ${ruling.published_at === highlightRuling ? 'bg-amber-50 ring-1 ring-amber-300' : 'bg-slate-50'}`}>
                <time dateTime={ruling.published_at} className="block text-xs text-slate-500">
                  {ruling.published_at}
                </time>
                {ruling.comment}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
