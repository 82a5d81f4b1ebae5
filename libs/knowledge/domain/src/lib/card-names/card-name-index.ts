import { normalizeCardName } from '../cards/normalize-name';
import { NameCompletion } from './name-completion';
import { compareMatchQuality, matchNameWords, type NameMatchQuality } from './name-match-quality';
import { NamePhrases } from './name-phrases';
import { NameVocabulary } from './name-vocabulary';
import { rulesVocabulary } from './rules-vocabulary';
import { wordsOfText } from './text-words';

/** What the index needs of a card; a CardRecord fits. */
export interface NamedCard {
  oracleId: string;
  name: string;
  /** Names of the faces of a split, adventure or double-faced card, as printed or normalised. */
  faceNames?: readonly string[];
  /** Tokens, emblems, art cards...: found by their exact name, never preferred over a game card. */
  nonGame?: boolean;
  /** Rules text and type line, when known, teach which words are prose rather than names. */
  oracleText?: string;
  typeLine?: string;
}

/** A fuzzy lookup either names one card, or lists the cards it could mean ("did you mean"). */
export interface FuzzyMatch<C> {
  card: C | null;
  candidates: C[];
}

export interface CardMention {
  oracleId: string;
  name: string;
  /** The text as the user wrote it (inside the brackets, for a bracketed name). */
  matched: string;
  how: 'bracket-exact' | 'bracket-fuzzy' | 'text';
  start: number;
  end: number;
}

/** A [[bracketed]] name that did not settle on one card; `candidates` is empty when nothing is close. */
export interface AmbiguousMention<C> {
  matched: string;
  start: number;
  end: number;
  candidates: C[];
}

export interface CardMentions<C> {
  mentions: CardMention[];
  ambiguous: AmbiguousMention<C>[];
}

interface NameEntry<C> {
  card: C;
  key: string;
  words: string[];
  /** Words of each face, for multi-faced cards. */
  faces: string[][];
  game: boolean;
}

interface ScoredEntry extends NameMatchQuality {
  id: number;
  /** The name starts with the query's first word: listed earlier among equals ("jace" → "Jace, ..."). */
  leads: boolean;
}

const MAX_CANDIDATES = 10;
const BRACKETED = /\[\[([^[\]]+)\]\]/g;

/**
 * Card names compared as `normalizeCardName` does, except that a printed blank ("_____ Goblin")
 * stays a word of its own, so the Un-card does not take the name of the Goblin token.
 */
function nameKey(name: string): string {
  return normalizeCardName(name.replace(/_+/g, ' blank '));
}

/** Letters a word may have wrong and still be recognised: none in short words, where a slip makes another word. */
function allowedTypos(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * Finds cards by name the way players write them: exactly, with typos and missing words, as they
 * type, and inside a question.
 */
export class CardNameIndex<C extends NamedCard = NamedCard> {
  private readonly entries: NameEntry<C>[];
  /** Full names and face names → entry ids, preferred first. */
  private readonly byKey = new Map<string, number[]>();
  /** The same keys with spaces removed, for "lightningbolt" or "fire ball". */
  private readonly byJoinedKey = new Map<string, number[]>();
  private readonly vocabulary: NameVocabulary;
  private readonly completion: NameCompletion;
  private readonly phrases: NamePhrases;

  constructor(cards: readonly C[]) {
    const faceKeysOf = (card: C) => [...new Set((card.faceNames ?? []).map(nameKey))].filter(Boolean);
    this.entries = cards.map((card) => {
      const key = nameKey(card.name);
      const faces = faceKeysOf(card).filter((face) => face !== key);
      return { card, key, words: key.split(' '), faces: faces.map((face) => face.split(' ')), game: !card.nonGame };
    });
    const phrases: { words: string[]; id: number }[] = [];
    this.entries.forEach((entry, id) => {
      for (const words of [entry.words, ...entry.faces]) {
        const key = words.join(' ');
        addTo(this.byKey, key, id);
        addTo(this.byJoinedKey, key.replace(/ /g, ''), id);
      }
      if (!entry.game) return;
      phrases.push({ words: entry.words, id });
      // A face of one word ("Fire", "What", "Vorinclex") is too weak a sign to take from prose.
      for (const face of entry.faces) if (face.length > 1) phrases.push({ words: face, id });
    });
    for (const [key, ids] of this.byKey) ids.sort((a, b) => this.compareForName(key, a, b));
    for (const ids of this.byJoinedKey.values()) ids.sort((a, b) => this.comparePreference(a, b));

    this.vocabulary = new NameVocabulary(this.entries.map((entry) => entry.words));
    const gameIds = this.entries.flatMap((entry, id) => (entry.game ? [id] : []));
    this.completion = new NameCompletion(
      gameIds.map((id) => this.entries[id].key),
      gameIds,
    );
    const prose = this.entries
      .filter((entry) => entry.game)
      .map(({ card, words }) => ({ nameWords: words, oracleText: card.oracleText, typeLine: card.typeLine }));
    const nameWords = new Set(phrases.flatMap((phrase) => phrase.words));
    this.phrases = new NamePhrases(phrases, rulesVocabulary(prose, nameWords));
  }

  /** The card with this full or face name, ignoring case, accents and punctuation. */
  exact(name: string): C | null {
    const ids = this.byKey.get(nameKey(name));
    return ids ? this.entries[ids[0]].card : null;
  }

  /**
   * A card from a partial or misspelt name. Answers only when one card fits strictly better than
   * every other; otherwise lists the closest few and lets the user choose.
   */
  fuzzy(query: string): FuzzyMatch<C> {
    const key = nameKey(query);
    if (!key) return { card: null, candidates: [] };
    const named = this.byKey.get(key) ?? this.byJoinedKey.get(key.replace(/ /g, ''));
    if (named) return { card: this.entries[named[0]].card, candidates: [] };

    const words = key.split(' ');
    // Typos are only considered when the words as written fit no name, so a real word is never "corrected".
    let scored = this.scoreNames(words, false);
    if (scored.length === 0) scored = this.scoreNames(words, true);
    if (scored.length === 0) return { card: null, candidates: [] };

    scored.sort((a, b) => this.compareScored(a, b));
    // Tokens and art cards only compete when no game card fits at all.
    const contenders = this.entries[scored[0].id].game ? scored.filter((s) => this.entries[s.id].game) : scored;
    if (contenders.length === 1 || compareMatchQuality(contenders[0], contenders[1]) < 0) {
      return { card: this.entries[contenders[0].id].card, candidates: [] };
    }
    return { card: null, candidates: contenders.slice(0, MAX_CANDIDATES).map((s) => this.entries[s.id].card) };
  }

  /** Game cards whose name starts with the text, then those with a later word starting with it. */
  autocomplete(text: string, limit = 20): C[] {
    const typed = nameKey(text);
    if (!typed || limit <= 0) return [];
    // A trailing space means the word is finished: "bolt " should not offer "Boltwing".
    const prefix = /\s$/.test(text) ? `${typed} ` : typed;
    return this.completion.complete(prefix, limit).map((id) => this.entries[id].card);
  }

  /**
   * Card names in a question: [[bracketed]] ones (exact, else fuzzy) and names written out in full
   * as whole words. Bracketed names that fit several cards, or none, are reported as ambiguous.
   */
  findMentions(text: string): CardMentions<C> {
    const mentions: CardMention[] = [];
    const ambiguous: AmbiguousMention<C>[] = [];
    for (const match of text.matchAll(BRACKETED)) {
      const matched = match[1];
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const exact = this.exact(matched);
      const found = exact ? { card: exact, candidates: [] } : this.fuzzy(matched);
      if (found.card) {
        const how = exact ? 'bracket-exact' : 'bracket-fuzzy';
        mentions.push({ oracleId: found.card.oracleId, name: found.card.name, matched, how, start, end });
      } else {
        ambiguous.push({ matched, start, end, candidates: found.candidates });
      }
    }
    // Blank out the brackets so their contents are not found a second time as running text.
    const plain = text.replace(BRACKETED, (whole) => ' '.repeat(whole.length));
    for (const hit of this.phrases.find(plain, wordsOfText(plain))) {
      const { card } = this.entries[hit.id];
      const matched = text.slice(hit.start, hit.end);
      mentions.push({ oracleId: card.oracleId, name: card.name, matched, how: 'text', start: hit.start, end: hit.end });
    }
    mentions.sort((a, b) => a.start - b.start);
    return { mentions, ambiguous };
  }

  /** Every name that all query words fit, starting from the query word that fits the fewest names. */
  private scoreNames(words: readonly string[], withTypos: boolean): ScoredEntry[] {
    const near = withTypos ? words.map((word) => this.vocabulary.wordsNear(word, allowedTypos(word))) : null;
    const reach = words.map((word, i) => {
      const range = this.vocabulary.prefixRange(word);
      let size = this.vocabulary.countNamesInRange(range);
      for (const nearWord of near?.[i].keys() ?? []) size += this.vocabulary.countNamesOf(nearWord);
      return { range, near: near?.[i], size };
    });
    const rarest = reach.reduce((best, next) => (next.size < best.size ? next : best));

    const seen = new Set<number>();
    const scored: ScoredEntry[] = [];
    const score = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const { words: nameWords, faces } = this.entries[id];
      const quality = matchNameWords(words, nameWords, faces, near);
      if (quality) scored.push({ id, ...quality, leads: nameWords[0].startsWith(words[0]) });
    };
    this.vocabulary.namesInRange(rarest.range, score);
    for (const nearWord of rarest.near?.keys() ?? []) this.vocabulary.namesOf(nearWord, score);
    return scored;
  }

  private compareScored(a: ScoredEntry, b: ScoredEntry): number {
    const gameFirst = Number(this.entries[b.id].game) - Number(this.entries[a.id].game);
    const leadsFirst = Number(b.leads) - Number(a.leads);
    return gameFirst || compareMatchQuality(a, b) || leadsFirst || this.comparePreference(a.id, b.id);
  }

  /** For one exact key: game cards, then cards whose whole name (not just a face) it is. */
  private compareForName(key: string, a: number, b: number): number {
    const whole = Number(this.entries[b].key === key) - Number(this.entries[a].key === key);
    const gameFirst = Number(this.entries[b].game) - Number(this.entries[a].game);
    return gameFirst || whole || this.comparePreference(a, b);
  }

  /** Between otherwise equal names: game cards, fewer words, shorter, then alphabetical. */
  private comparePreference(a: number, b: number): number {
    const x = this.entries[a];
    const y = this.entries[b];
    return (
      Number(y.game) - Number(x.game) ||
      x.words.length - y.words.length ||
      x.key.length - y.key.length ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
    );
  }
}

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}
