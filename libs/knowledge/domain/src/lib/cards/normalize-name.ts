/**
 * The form in which card names are compared: lower case, diacritics stripped, apostrophes and
 * other punctuation dropped, whitespace collapsed. "Æther Vial" and "aether vial" meet here,
 * as do "Jace, the Mind Sculptor" and "jace the mind sculptor".
 */
export function normalizeCardName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
