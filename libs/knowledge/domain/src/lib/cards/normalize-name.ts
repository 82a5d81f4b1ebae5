/** Letters that Unicode decomposition leaves whole; folded by hand so "Æther" meets "aether". */
const FOLDED_LETTERS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * The form in which card names are compared: lower case, diacritics stripped, apostrophes and
 * other punctuation dropped, whitespace collapsed. "Æther Vial" and "aether vial" meet here,
 * as do "Jace, the Mind Sculptor" and "jace the mind sculptor".
 * Underscores survive: the blanks in Un-card names ("_____", "_____ Goblin") are the name itself.
 */
export function normalizeCardName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[æœøßłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9_]+/g, ' ')
    .trim();
}
