import { CardNameIndex, type CardRecord } from '@melvin/knowledge/domain';
import { relevant } from '../pool/card-pool';

export interface UnknownCard {
  name: string;
  candidates: string[];
}

export interface ResolvedCards {
  cards: CardRecord[];
  unknown: UnknownCard[];
}

/** The game cards loop analysis can reason about, with name resolution that never guesses. */
export class CardPool {
  private readonly names: CardNameIndex<CardRecord>;
  readonly cards: CardRecord[];

  constructor(cards: CardRecord[]) {
    this.cards = cards.filter((card) => !card.nonGame);
    this.names = new CardNameIndex(this.cards);
  }

  get size(): number {
    return this.cards.length;
  }

  /** Exact names first, then an unambiguous fuzzy match; anything else is unknown, with suggestions. */
  resolve(names: string[]): ResolvedCards {
    const cards: CardRecord[] = [];
    const unknown: UnknownCard[] = [];
    for (const name of names) {
      const card = this.names.exact(name) ?? this.names.fuzzy(name).card;
      if (card) {
        if (!cards.includes(card)) cards.push(card);
      } else {
        unknown.push({ name, candidates: this.names.fuzzy(name).candidates.slice(0, 5).map((candidate) => candidate.name) });
      }
    }
    return { cards, unknown };
  }

  /**
   * Reads every card's abilities and signature ahead of the first deck, a slice at a time so the event
   * loop stays free: otherwise the first "one card away" would read the whole pool in one go.
   */
  async prepare(sliceSize = 500): Promise<void> {
    for (let start = 0; start < this.cards.length; start += sliceSize) {
      relevant(this.cards.slice(start, start + sliceSize));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Commander-legal cards whose colour identity fits inside `identity`: the pool for "one card away". */
  commanderCandidates(identity: string[]): CardRecord[] {
    const allowed = new Set(identity);
    return this.cards.filter((card) => card.legalities['commander'] === 'legal' && card.colorIdentity.every((colour) => allowed.has(colour)));
  }
}
