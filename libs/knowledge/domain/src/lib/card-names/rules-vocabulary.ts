/** A card's rules text and type line, with the words of its own name, which its text repeats. */
export interface CardProse {
  nameWords: readonly string[];
  oracleText?: string;
  typeLine?: string;
}

/** A word on this many cards' text or type line is rules prose ("exile", "damage", "zombies"), not a name. */
const MIN_CARDS_FOR_PROSE = 10;

/**
 * Which of `words` many cards use in their rules text or type line, each card's own name aside
 * (Scryfall's text says "Lightning Bolt deals 3 damage"). Empty when the cards carry no text.
 */
export function rulesVocabulary(
  cards: readonly CardProse[],
  words: ReadonlySet<string>,
  minCards = MIN_CARDS_FOR_PROSE,
): Set<string> {
  // One record per word, so the million words of rules text cost one lookup each.
  const tally = new Map<string, { cards: number; lastCard: number }>();
  for (const word of words) tally.set(word, { cards: 0, lastCard: -1 });
  cards.forEach((card, index) => {
    for (const text of [card.oracleText, card.typeLine]) {
      for (const word of proseWords(text ?? '')) {
        const count = tally.get(word);
        if (!count || count.lastCard === index) continue;
        count.lastCard = index;
        if (!card.nameWords.includes(word)) count.cards++;
      }
    }
  });
  return new Set([...tally].filter(([, count]) => count.cards >= minCards).map(([word]) => word));
}

/**
 * The words of rules text, lower-cased. Rules text has no accents to fold; a possessive splits
 * into "commander" and "s", which is harmless since only whole name words are looked up.
 */
function proseWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
