import type { CardRecord, CardRuling } from '@melvin/knowledge/domain';

/**
 * A card as Melvin shows it to API and CLI users: Scryfall's field names, which MTG tool users
 * already know, with only what is useful for rules questions.
 */
export interface CardView {
  name: string;
  oracle_id: string;
  layout: string;
  mana_cost: string;
  mana_value: number;
  type_line: string;
  oracle_text: string;
  power: string | null;
  toughness: string | null;
  loyalty: string | null;
  colors: string[];
  color_identity: string[];
  keywords: string[];
  legalities: Record<string, string>;
  produced_mana: string[];
  card_faces?: Array<{ name: string; mana_cost: string; type_line: string; oracle_text: string; power: string | null; toughness: string | null }>;
  non_game: boolean;
  scryfall_url: string;
  rulings?: Array<{ published_at: string; source: string; comment: string }>;
}

export function toCardView(card: CardRecord, rulings?: CardRuling[]): CardView {
  return {
    name: card.name,
    oracle_id: card.oracleId,
    layout: card.layout,
    mana_cost: card.manaCost,
    mana_value: card.manaValue,
    type_line: card.typeLine,
    oracle_text: card.oracleText,
    power: card.power,
    toughness: card.toughness,
    loyalty: card.loyalty,
    colors: card.colors,
    color_identity: card.colorIdentity,
    keywords: card.keywords,
    legalities: card.legalities,
    produced_mana: card.producedMana,
    ...(card.faces.length > 1
      ? {
          card_faces: card.faces.map((face) => ({
            name: face.name,
            mana_cost: face.manaCost,
            type_line: face.typeLine,
            oracle_text: face.oracleText,
            power: face.power,
            toughness: face.toughness,
          })),
        }
      : {}),
    non_game: card.nonGame,
    scryfall_url: `https://scryfall.com/search?q=${encodeURIComponent(`!"${card.name}"`)}`,
    ...(rulings ? { rulings: rulings.map((ruling) => ({ published_at: ruling.publishedAt, source: ruling.source, comment: ruling.comment })) } : {}),
  };
}
