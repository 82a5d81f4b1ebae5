/** Layouts Scryfall gives to objects that never sit in a deck; the layout itself is the reason given. */
const NON_GAME_LAYOUTS = new Set(['token', 'double_faced_token', 'emblem', 'art_series', 'planar', 'scheme', 'vanguard']);

/**
 * The same objects recognised by their type line, for those printed under an ordinary layout
 * (Role tokens are "flip" cards, dungeons "normal" ones). "Card" is the type line of game aids:
 * Jumpstart theme cards, checklists, counters, substitute cards, advertisements.
 */
const NON_GAME_TYPES: Record<string, string> = {
  token: 'token',
  emblem: 'emblem',
  plane: 'planar',
  phenomenon: 'planar',
  scheme: 'scheme',
  vanguard: 'vanguard',
  dungeon: 'dungeon',
  card: 'game_aid',
};

export interface NonGameEvidence {
  layout: string;
  types: string[];
  setType: string | null;
  legalities: Record<string, string>;
}

/**
 * Why an object is not a game card, or null when it is one.
 * Being legal nowhere is not enough on its own: Un-set cards, Conspiracy draft cards and cards
 * too new to have legalities yet are still played, and their rules questions are real. It only
 * counts together with a memorabilia set (celebration cards, Hero cards, theme cards).
 */
export function nonGameReasonOf(card: NonGameEvidence): string | null {
  if (NON_GAME_LAYOUTS.has(card.layout)) return card.layout;
  if (card.setType === 'memorabilia' && isLegalNowhere(card.legalities)) return 'memorabilia';
  for (const type of card.types) {
    const byType = NON_GAME_TYPES[type.toLowerCase()];
    if (byType) return byType;
  }
  return null;
}

function isLegalNowhere(legalities: Record<string, string>): boolean {
  return Object.values(legalities).every((status) => status === 'not_legal');
}
