import type { DecklistProblem } from '@melvin/shared/contracts';

/** Where a card sits in a list; only the playing sections take part in loop analysis. */
export type DeckSection = 'commander' | 'companion' | 'main' | 'sideboard' | 'maybe';

export interface DeckEntry {
  quantity: number;
  name: string;
  section: DeckSection;
  /** 1-based line number in the pasted text, for error messages. */
  line: number;
}

// Problems travel to clients inside an analysis, so their type is a shared contract.
export type { DecklistProblem };

export interface ParsedDecklist {
  entries: DeckEntry[];
  problems: DecklistProblem[];
}

export const PLAYING_SECTIONS: readonly DeckSection[] = ['commander', 'companion', 'main'];

/** Header words used by Arena, MTGO, Moxfield, Archidekt and plain text exports. */
const SECTION_HEADERS: Array<[RegExp, DeckSection]> = [
  [/^commanders?$/, 'commander'],
  [/^companions?$/, 'companion'],
  [/^(deck|main ?deck|main ?board|main|mainboard)$/, 'main'],
  [/^(sideboard|side ?board|sb)$/, 'sideboard'],
  [/^(maybe ?board|maybe|considering|tokens?)$/, 'maybe'],
];

/** Category headers some sites put between cards ("Creatures (12)", "// Lands", "Ramp:"): they change nothing. */
const CATEGORY_HEADER = /^\/\/|\(\d+\)$|:$/;

/** "4 Name", "4x Name", "SB: 2 Name", with Arena's "(SET) 123" and Moxfield's "*F*" / "[SET]" tails. */
const CARD_LINE = /^(?<sb>SB:\s*)?(?:(?<quantity>\d{1,3})\s*[xX]?\s+)?(?<name>.+?)(?:\s+\([A-Za-z0-9]{2,6}\)(?:\s+[\w★-]+)?)?(?:\s+\[[^\]]+\])?(?:\s+\*[A-Za-z]+\*)*\s*$/;

function sectionHeader(line: string): DeckSection | null {
  const word = line.replace(/^\/\/\s*/, '').replace(/\s*\(\d+\)\s*$/, '').replace(/:$/, '').trim().toLowerCase();
  for (const [pattern, section] of SECTION_HEADERS) if (pattern.test(word)) return section;
  return null;
}

/**
 * Reads a pasted decklist. Unknown lines are reported with their line number rather than
 * silently dropped; a list with no section header is all main deck.
 */
export function parseDecklist(text: string): ParsedDecklist {
  const entries: DeckEntry[] = [];
  const problems: DecklistProblem[] = [];
  let section: DeckSection = 'main';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const lineNumber = index + 1;
    if (!line || line.startsWith('#')) return;
    const header = sectionHeader(line);
    if (header) {
      section = header;
      return;
    }
    if (/^(about|name)\b/i.test(line) && !/^\d/.test(line)) return;
    if (!/^\d/.test(line) && CATEGORY_HEADER.test(line)) return;
    const match = CARD_LINE.exec(line);
    const name = match?.groups?.['name']?.trim();
    if (!match || !name) {
      problems.push({ line: lineNumber, text: raw, reason: 'not a card line ("1 Card Name")' });
      return;
    }
    const hasQuantity = Boolean(match.groups?.['quantity']);
    const quantity = hasQuantity ? Number(match.groups?.['quantity']) : 1;
    if (quantity < 1) {
      problems.push({ line: lineNumber, text: raw, reason: 'quantity must be at least 1' });
      return;
    }
    entries.push({ quantity, name, section: match.groups?.['sb'] ? 'sideboard' : section, line: lineNumber });
  });
  return { entries, problems };
}

/** Distinct card names of the sections that are played, in first-seen order. */
export function playingCardNames(decklist: ParsedDecklist): string[] {
  const names = new Map<string, string>();
  for (const entry of decklist.entries) {
    if (!PLAYING_SECTIONS.includes(entry.section)) continue;
    const key = entry.name.toLowerCase();
    if (!names.has(key)) names.set(key, entry.name);
  }
  return [...names.values()];
}
