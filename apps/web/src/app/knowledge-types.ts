/** Shapes of the knowledge endpoints as the gateway relays them (Scryfall's field names for cards). */
export interface CardView {
  name: string;
  oracle_id: string;
  mana_cost: string;
  mana_value: number;
  type_line: string;
  oracle_text: string;
  power: string | null;
  toughness: string | null;
  loyalty: string | null;
  card_faces?: Array<{ name: string; mana_cost: string; type_line: string; oracle_text: string; power: string | null; toughness: string | null }>;
  scryfall_url?: string;
  rulings?: Array<{ published_at: string; source: string; comment: string }>;
}

export interface CardLookup {
  query: string;
  card: CardView | null;
  candidates: Array<{ name: string }>;
}

export interface CardSearchPage {
  query: string;
  total: number;
  cards: CardView[];
}

export interface RuleText {
  number: string;
  text: string;
  examples: string[];
}

export interface RuleEntry {
  rule: RuleText;
  subrules: RuleText[];
  cites: RuleText[];
}
