/** One face of a split, adventure or double-faced card. */
export interface LoopCardFace {
  name: string;
  oracleText: string;
  typeLine: string;
  manaCost: string;
  power: string | null;
  toughness: string | null;
}

/**
 * The part of a card record the loop engine reads. Any card record with these fields fits,
 * so the knowledge context's CardRecord can be passed as it is.
 */
export interface LoopCard {
  name: string;
  oracleText: string;
  faces: LoopCardFace[];
  typeLine: string;
  types: string[];
  subtypes: string[];
  supertypes: string[];
  manaCost: string;
  manaValue: number;
  keywords: string[];
  colorIdentity: string[];
  producedMana: string[];
  power: string | null;
  toughness: string | null;
  /** Starting loyalty of planeswalkers; optional so lighter card shapes still fit. */
  loyalty?: string | null;
}
