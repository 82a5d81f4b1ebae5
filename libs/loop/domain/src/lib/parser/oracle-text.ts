import type { LoopCard } from '../model/loop-card';
import { KNOWN_KEYWORDS } from './keywords';

/** One printed face, reduced to what the parser reads. */
export interface FaceText {
  name: string;
  typeLine: string;
  /** Oracle lines as printed, reminder text removed, empty lines dropped. */
  lines: string[];
}

const SELF_WORDS =
  /\bthis (creature|artifact|enchantment|permanent|land|card|spell|equipment|aura|vehicle|planeswalker|token|saga|class|case|battle|siege)\b/g;

/** Every face with oracle text; one-faced cards give a single face. */
export function faceTexts(card: LoopCard): FaceText[] {
  const faces = card.faces.length > 0 ? card.faces : [{ name: card.name, oracleText: card.oracleText, typeLine: card.typeLine }];
  return faces
    .filter((face) => face.oracleText.trim().length > 0)
    .map((face) => (rememberShortName(face.name, face.typeLine || card.typeLine), face))
    .map((face) => ({
      name: face.name,
      typeLine: face.typeLine || card.typeLine,
      lines: stripReminderText(face.oracleText)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    }));
}

/** Short names by face name; a face name is unique, so its short name never changes. */
const SHORT_NAMES = new Map<string, string>();

/**
 * A legendary card without a comma in its name may call itself by its first name ("Rasputin" for
 * Rasputin Dreamweaver). Not when that word is also one of its types (Sliver Queen's "Sliver" means slivers).
 */
function rememberShortName(name: string, typeLine: string): void {
  const first = name.split(' ')[0];
  if (!/\blegendary\b/i.test(typeLine) || name.includes(',') || first === name || first.length < 4) return;
  if (new RegExp(`\\b${escapeRegExp(first)}\\b`, 'i').test(typeLine)) return;
  SHORT_NAMES.set(name.toLowerCase(), first.toLowerCase());
}

export function stripReminderText(text: string): string {
  return text.replace(/\s*\([^()]*\)/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Lower-cases a line and writes every way a card refers to itself as "~", so templates match
 * whether the card says its name, its short name, or "this creature".
 */
export function normaliseSelfReferences(line: string, faceName: string): string {
  let text = line.toLowerCase().replace(/[−–]/g, '-').replace(/’/g, "'");
  const names = [faceName, faceName.split(',')[0]]
    .map((name) => name.toLowerCase().trim())
    // A card named after a keyword ("Lifelink") means the keyword, not itself, when it grants it.
    .filter((name) => name.length > 2 && !KNOWN_KEYWORDS.has(name))
    .sort((a, b) => b.length - a.length);
  for (const name of names) text = text.replace(new RegExp(escapeRegExp(name), 'g'), '~');
  const short = SHORT_NAMES.get(faceName.toLowerCase());
  if (short) text = text.replace(new RegExp(`\\b${escapeRegExp(short)}\\b`, 'g'), '~');
  return text.replace(SELF_WORDS, '~');
}

/** Splits an ability into sentences, keeping quoted granted abilities whole. */
export function sentences(text: string): string[] {
  const result: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    current += ch;
    if (ch === '"' || ch === '“' || ch === '”') quoted = !quoted;
    if (ch === '.' && !quoted && (i + 1 === text.length || text[i + 1] === ' ')) {
      result.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) result.push(current.trim());
  return result;
}
