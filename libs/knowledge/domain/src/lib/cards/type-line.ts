export interface ParsedTypeLine {
  supertypes: string[];
  types: string[];
  subtypes: string[];
}

/**
 * Supertypes of CR 205.4a, plus the Un-set "Host" and the challenge-deck "Elite", which print
 * in the same place. Every other word left of the dash is read as a card type, so odd type
 * lines ("Summon Legend", "Hero Artifact") still land somewhere searchable.
 */
const SUPERTYPES = new Set(['basic', 'legendary', 'ongoing', 'snow', 'world', 'host', 'elite']);

/** Plane subtypes name a whole place ("Plane — Bolas's Meditation Realm"), so they are never split (CR 205.3n). */
const WHOLE_SUBTYPE_TYPES = new Set(['plane']);

/**
 * Splits a type line such as "Legendary Creature — Human Wizard" into its parts. A multi-faced
 * type line ("Creature — Human // Enchantment — Aura") gives the union of its faces, in order of
 * first appearance.
 */
export function parseTypeLine(typeLine: string): ParsedTypeLine {
  const parsed: ParsedTypeLine = { supertypes: [], types: [], subtypes: [] };
  for (const face of typeLine.split(/\s+\/\/\s+/)) {
    const [left = '', ...right] = face.split(/\s+[—–-]\s+/);
    const words = left.split(/\s+/).filter(Boolean);
    const types = words.filter((word) => !SUPERTYPES.has(word.toLowerCase()));
    addAll(parsed.supertypes, words.filter((word) => SUPERTYPES.has(word.toLowerCase())));
    addAll(parsed.types, types);
    const subtypeText = right.join(' ').trim();
    if (!subtypeText) continue;
    const keepWhole = types.some((type) => WHOLE_SUBTYPE_TYPES.has(type.toLowerCase()));
    addAll(parsed.subtypes, keepWhole ? [subtypeText] : subtypeText.split(/\s+/));
  }
  return parsed;
}

function addAll(target: string[], values: string[]): void {
  for (const value of values) if (!target.includes(value)) target.push(value);
}
