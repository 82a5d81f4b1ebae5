/** A Scryfall oracle card reduced to what Melvin searches and reasons over. The raw object is kept beside it. */
export interface CardRecord {
  oracleId: string;
  name: string;
  /** Lower-cased, diacritics and punctuation removed, single spaces: the key for exact lookup. */
  normalizedName: string;
  /** Normalised names of each face of split/adventure/double-faced cards (empty for one-faced cards). */
  faceNames: string[];
  layout: string;
  manaCost: string;
  manaValue: number;
  typeLine: string;
  supertypes: string[];
  types: string[];
  subtypes: string[];
  /** Oracle text of the card; faces joined with "\n//\n". */
  oracleText: string;
  faces: CardFace[];
  power: string | null;
  toughness: string | null;
  loyalty: string | null;
  /** A battle's printed defense; optional so records stored before it was added still read. */
  defense?: string | null;
  /** Colour letters W U B R G. */
  colors: string[];
  colorIdentity: string[];
  keywords: string[];
  /** Format → "legal" | "not_legal" | "restricted" | "banned". */
  legalities: Record<string, string>;
  producedMana: string[];
  releasedAt: string | null;
  /** True for tokens, emblems, art series, schemes, planes and other objects that are not game cards in a deck. */
  nonGame: boolean;
  /** Why nonGame is set ("token", "art_series", ...); null for game cards. */
  nonGameReason: string | null;
}

export interface CardFace {
  name: string;
  manaCost: string;
  typeLine: string;
  oracleText: string;
  power: string | null;
  toughness: string | null;
  loyalty: string | null;
  defense?: string | null;
}

export interface CardRuling {
  oracleId: string;
  source: string;
  publishedAt: string;
  comment: string;
}
