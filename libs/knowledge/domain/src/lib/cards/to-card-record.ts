import type { CardFace, CardRecord } from '../model';
import { MalformedRecordError } from './malformed-record-error';
import { manaValueOf } from './mana-cost';
import { nonGameReasonOf } from './non-game';
import { normalizeCardName } from './normalize-name';
import { readScryfallCard, type ScryfallCard, type ScryfallFace } from './scryfall-objects';
import { parseTypeLine } from './type-line';

/** Colours always listed in the order players read them, whatever order the source used. */
const COLOR_ORDER = ['W', 'U', 'B', 'R', 'G', 'C'];

/**
 * Reduces one Scryfall card object to Melvin's CardRecord.
 * Throws MalformedRecordError, naming the field, when the object is not a usable card.
 */
export function toCardRecord(raw: unknown): CardRecord {
  const card = withOracleId(readScryfallCard(raw));
  const faces = (card.card_faces ?? []).map(toCardFace);
  const front = faces[0];
  const manaCost = card.mana_cost ?? joinPrinted(faces.map((face) => face.manaCost), ' // ');
  const typeLine = card.type_line ?? joinPrinted(faces.map((face) => face.typeLine), ' // ');
  const { supertypes, types, subtypes } = parseTypeLine(typeLine);
  const colors = inColorOrder(card.colors ?? (card.card_faces ?? []).flatMap((face) => face.colors ?? []));
  const legalities = card.legalities ?? {};
  const layout = card.layout ?? 'normal';
  const nonGameReason = nonGameReasonOf({ layout, types, setType: card.set_type ?? null, legalities });
  return {
    oracleId: card.oracle_id,
    name: card.name,
    normalizedName: normalizeCardName(card.name),
    faceNames: faces.map((face) => normalizeCardName(face.name)),
    layout,
    manaCost,
    manaValue: card.cmc ?? manaValueOf(manaCost),
    typeLine,
    supertypes,
    types,
    subtypes,
    oracleText: faces.length ? faces.map((face) => face.oracleText).join('\n//\n') : (card.oracle_text ?? ''),
    faces,
    power: card.power ?? front?.power ?? null,
    toughness: card.toughness ?? front?.toughness ?? null,
    loyalty: card.loyalty ?? front?.loyalty ?? null,
    defense: card.defense ?? front?.defense ?? null,
    colors,
    colorIdentity: card.color_identity ? inColorOrder(card.color_identity) : colors,
    keywords: card.keywords ?? [],
    legalities,
    producedMana: inColorOrder(card.produced_mana ?? []),
    releasedAt: card.released_at ?? null,
    nonGame: nonGameReason !== null,
    nonGameReason,
  };
}

/**
 * A reversible card has no oracle id of its own: it is one card printed on both sides, and each
 * face carries the id. Melvin records it as its front face, the card a player would look up.
 */
function withOracleId(card: ScryfallCard): ScryfallCard & { oracle_id: string } {
  if (card.oracle_id) return { ...card, oracle_id: card.oracle_id };
  const front = card.card_faces?.[0];
  if (!front?.oracle_id) throw new MalformedRecordError('oracle_id', 'is missing (on the card and on its faces)');
  return { ...card, ...definedFields(front), oracle_id: front.oracle_id, card_faces: null };
}

function definedFields(face: ScryfallFace): Partial<ScryfallFace> {
  return Object.fromEntries(Object.entries(face).filter(([, value]) => value !== undefined && value !== null));
}

function toCardFace(face: ScryfallFace): CardFace {
  return {
    name: face.name,
    manaCost: face.mana_cost ?? '',
    typeLine: face.type_line ?? '',
    oracleText: face.oracle_text ?? '',
    power: face.power ?? null,
    toughness: face.toughness ?? null,
    loyalty: face.loyalty ?? null,
    defense: face.defense ?? null,
  };
}

/** Joins what the faces print, skipping blank ones: a transformed back face has no mana cost. */
function joinPrinted(parts: string[], separator: string): string {
  return parts.filter(Boolean).join(separator);
}

function inColorOrder(letters: string[]): string[] {
  const rank = (letter: string) => (COLOR_ORDER.includes(letter) ? COLOR_ORDER.indexOf(letter) : COLOR_ORDER.length);
  return [...new Set(letters)].sort((a, b) => rank(a) - rank(b));
}
