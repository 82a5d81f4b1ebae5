import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { normalizeCardName, parseComprehensiveRules, type ComprehensiveRules } from '@melvin/knowledge/domain';
import type { RetrievedSource } from '../index';

/**
 * Retrieval hits built from the real data in /work/shared/data, so the answering specs run on
 * the text Melvin actually serves rather than on made-up snippets. Specs only: reads files.
 */
export const DATA_DIR = path.resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data');

interface ScryfallCard {
  name: string;
  oracle_id: string;
  mana_cost?: string;
  type_line: string;
  oracle_text?: string;
  card_faces?: Array<{ name: string; mana_cost?: string; type_line: string; oracle_text?: string }>;
}
interface ScryfallRuling {
  oracle_id: string;
  published_at: string;
  comment: string;
}
export interface StackExchangeQuestion {
  id: number;
  url: string;
  title: string;
  question: string;
}

const cache = new Map<string, unknown>();
function once<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}
function readGzipped(relative: string): string {
  return gunzipSync(readFileSync(path.join(DATA_DIR, relative))).toString('utf8');
}

export function comprehensiveRules(): ComprehensiveRules {
  return once('cr', () => parseComprehensiveRules(readFileSync(path.join(DATA_DIR, 'cr/MagicCompRules 20260417.txt'), 'utf8')));
}

/** The small combo-pieces file serves single cards; the full one is only read to find names. */
function comboPieces(): ScryfallCard[] {
  return once('combo-pieces', () => JSON.parse(readGzipped('scryfall/oracle-cards-combo-pieces.json.gz')) as ScryfallCard[]);
}
function allCards(): ScryfallCard[] {
  return once('cards', () => JSON.parse(readGzipped('scryfall/oracle-cards-20260306.json.gz')) as ScryfallCard[]);
}

function rulings(): ScryfallRuling[] {
  return once('rulings', () => JSON.parse(readGzipped('scryfall/rulings-20220425.json.gz')) as ScryfallRuling[]);
}

export function stackExchangeQuestions(): StackExchangeQuestion[] {
  return once('qa', () =>
    readGzipped('qa/stackexchange-mtg-qa.jsonl.gz')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as StackExchangeQuestion),
  );
}

export function ruleSource(number: string, score: number): RetrievedSource {
  const rule = comprehensiveRules().rules.find((r) => r.number === number);
  if (!rule) throw new Error(`no rule ${number} in the test edition`);
  return { id: `rule:${number}`, kind: 'rule', ref: number, text: rule.text, score };
}

export function glossarySource(term: string, score: number): RetrievedSource {
  const entry = comprehensiveRules().glossary.find((g) => g.term === term);
  if (!entry) throw new Error(`no glossary entry ${term}`);
  return { id: `glossary:${term}`, kind: 'glossary', ref: term, text: entry.text, score };
}

function card(name: string): ScryfallCard {
  const found = comboPieces().find((c) => c.name === name);
  if (!found) throw new Error(`no card ${name}`);
  return found;
}

/** A card hit as retrieval would return it: name and cost, type line, then the Oracle text. */
export function cardSource(name: string, score: number): RetrievedSource {
  const c = card(name);
  const faces = c.card_faces ?? [c];
  const text = faces.map((f) => [`${f.name} ${f.mana_cost ?? ''}`.trim(), f.type_line, f.oracle_text ?? ''].join('\n')).join('\n//\n');
  return { id: `card:${c.oracle_id}`, kind: 'card', ref: c.name, oracleId: c.oracle_id, text, score };
}

/** All rulings on a card, best first from `score` down. */
export function rulingSources(name: string, score: number): RetrievedSource[] {
  const c = card(name);
  return rulings()
    .filter((r) => r.oracle_id === c.oracle_id)
    .map((r, i) => ({
      id: `ruling:${c.oracle_id}#${i}`,
      kind: 'ruling',
      ref: c.name,
      oracleId: c.oracle_id,
      publishedAt: r.published_at,
      text: r.comment,
      score: score - i * 0.01,
    }));
}

/**
 * Card names the way a chat service could spot them in plain text: capitalised runs of words
 * that are a card's name or face name. A one-word name only counts inside a sentence, where its
 * capital marks it as a name: "What" and "Python" are cards too.
 */
export function cardNameFinder(): (text: string) => string[] {
  const names = once('names', () => new Set(allCards().flatMap((c) => [c.name, ...c.name.split(' // ')]).map(normalizeCardName)));
  return (text) => {
    const raw = text.split(/\s+/);
    const tokens = raw.map((t) => t.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''));
    const found: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!/^\p{Lu}/u.test(tokens[i])) continue;
      const opensSentence = i === 0 || /[.!?:]$/.test(raw[i - 1]);
      for (let n = Math.min(6, tokens.length - i); n >= 1; n--) {
        const words = tokens.slice(i, i + n).join(' ');
        if (names.has(normalizeCardName(words)) && (n > 1 || (!opensSentence && words.length >= 4))) {
          found.push(words);
          i += n - 1;
          break;
        }
      }
    }
    return found;
  };
}
