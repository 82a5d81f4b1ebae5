import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { LoopCard } from '../lib/model/loop-card';

/** The Scryfall fields the mapper reads. */
export interface ScryfallCard {
  name: string;
  layout: string;
  oracle_text?: string;
  type_line?: string;
  mana_cost?: string;
  cmc?: number;
  keywords?: string[];
  color_identity?: string[];
  produced_mana?: string[];
  power?: string;
  toughness?: string;
  loyalty?: string;
  card_faces?: { name: string; oracle_text?: string; type_line?: string; mana_cost?: string; power?: string; toughness?: string }[];
}

const NON_GAME_LAYOUTS = new Set(['token', 'double_faced_token', 'emblem', 'art_series', 'planar', 'scheme', 'vanguard']);
const SUPERTYPES = new Set(['Legendary', 'Basic', 'Snow', 'World', 'Ongoing', 'Host']);

export function dataDir(): string {
  return path.resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data');
}

export function isGameCard(card: ScryfallCard): boolean {
  return !NON_GAME_LAYOUTS.has(card.layout);
}

/** Maps a raw Scryfall object to the engine's card shape. */
export function toLoopCard(card: ScryfallCard): LoopCard {
  const typeLine = card.type_line ?? card.card_faces?.map((f) => f.type_line ?? '').join(' // ') ?? '';
  const [left, right = ''] = typeLine.split(' // ')[0].split(' — ');
  const words = left.split(' ').filter(Boolean);
  const faces = (card.card_faces ?? []).map((face) => ({
    name: face.name,
    oracleText: face.oracle_text ?? '',
    typeLine: face.type_line ?? '',
    manaCost: face.mana_cost ?? '',
    power: face.power ?? null,
    toughness: face.toughness ?? null,
  }));
  return {
    name: card.name,
    oracleText: card.oracle_text ?? faces.map((f) => f.oracleText).join('\n//\n'),
    faces,
    typeLine,
    types: words.filter((w) => !SUPERTYPES.has(w)).map((w) => w.toLowerCase()),
    supertypes: words.filter((w) => SUPERTYPES.has(w)).map((w) => w.toLowerCase()),
    subtypes: right.split(' ').filter(Boolean).map((w) => w.toLowerCase()),
    manaCost: card.mana_cost ?? faces[0]?.manaCost ?? '',
    manaValue: card.cmc ?? 0,
    keywords: card.keywords ?? [],
    colorIdentity: card.color_identity ?? [],
    producedMana: card.produced_mana ?? [],
    power: card.power ?? faces[0]?.power ?? null,
    toughness: card.toughness ?? faces[0]?.toughness ?? null,
    loyalty: card.loyalty ?? null,
  };
}

let cache: ScryfallCard[] | null = null;

/** Every Scryfall object of the oracle file (read once per process). */
export function readOracleFile(): ScryfallCard[] {
  cache ??= JSON.parse(gunzipSync(readFileSync(path.join(dataDir(), 'scryfall/oracle-cards-20260306.json.gz'))).toString('utf8')) as ScryfallCard[];
  return cache;
}

/** Real cards by exact name; throws on a name the file does not have, so a typo fails loudly. */
export function loadCards(...names: string[]): LoopCard[] {
  const byName = new Map(readOracleFile().filter(isGameCard).map((c) => [c.name, c]));
  return names.map((name) => {
    const card = byName.get(name);
    if (!card) throw new Error(`No card named ${name} in the oracle file`);
    return toLoopCard(card);
  });
}

export function loadGameCards(): LoopCard[] {
  return readOracleFile().filter(isGameCard).map(toLoopCard);
}
