/** Colour letters in Scryfall's order. */
export const COLOUR_LETTERS = ['W', 'U', 'B', 'R', 'G'] as const;

/** Names players use for colour sets: single colours, guilds, shards, wedges, colleges, four-colour nicknames. */
const NAMED_SETS: Readonly<Record<string, string>> = {
  white: 'W', blue: 'U', black: 'B', red: 'R', green: 'G',
  azorius: 'WU', dimir: 'UB', rakdos: 'BR', gruul: 'RG', selesnya: 'GW',
  orzhov: 'WB', izzet: 'UR', golgari: 'BG', boros: 'RW', simic: 'GU',
  bant: 'GWU', esper: 'WUB', grixis: 'UBR', jund: 'BRG', naya: 'RGW',
  abzan: 'WBG', jeskai: 'URW', sultai: 'BGU', mardu: 'RWB', temur: 'GUR',
  silverquill: 'WB', prismari: 'UR', witherbloom: 'BG', lorehold: 'RW', quandrix: 'GU',
  artifice: 'WUBR', chaos: 'UBRG', aggression: 'BRGW', altruism: 'RGWU', growth: 'GWUB',
};

const COLOURLESS = new Set(['c', 'colorless', 'colourless']);
const MULTICOLOUR = new Set(['m', 'multicolor', 'multicolour']);

/**
 * Reads a colour value: a name from the table, letters such as "rg" or "wubrg", colourless
 * (the empty set) or multicolour. Null when it is none of these.
 */
export function parseColourValue(text: string): string[] | 'multicolour' | null {
  const lower = text.toLowerCase();
  if (COLOURLESS.has(lower)) return [];
  if (MULTICOLOUR.has(lower)) return 'multicolour';
  const letters = NAMED_SETS[lower] ?? lower.toUpperCase();
  if (![...letters].every((letter) => (COLOUR_LETTERS as readonly string[]).includes(letter))) return null;
  return COLOUR_LETTERS.filter((letter) => letters.includes(letter));
}
