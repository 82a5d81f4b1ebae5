import { LINKING_WORDS } from './linking-words';
import type { TextWord } from './text-words';

/** A card name met in running text: the entry it names and the characters it spans. */
export interface PhraseHit {
  id: number;
  start: number;
  end: number;
}

interface Phrase {
  words: readonly string[];
  id: number;
}

/** Shortest one-word name taken from running text; shorter ones ("Opt", "Fog") need [[brackets]]. */
const MIN_SINGLE_WORD_LENGTH = 4;

// What may stand between two words of one name: spaces, commas, hyphens, "//", a colon.
const NAME_GAP = /^[\s,:/\-‐–—]*$/;

/**
 * Finds card names written out in full in free text. Names are looked up by their first word and
 * tried longest first, so "Jace, the Mind Sculptor" wins over a shorter name it contains.
 */
export class NamePhrases {
  private readonly byFirstWord = new Map<string, Phrase[]>();

  /**
   * `everydayWords` are words of rules text ("exile", "damage", "end"): a name made only of them
   * ("Exile", "Deal Damage", "The End") is too likely to be plain prose to be taken unasked.
   */
  constructor(
    phrases: readonly Phrase[],
    private readonly everydayWords: ReadonlySet<string> = new Set(),
  ) {
    for (const phrase of phrases) {
      const sameStart = this.byFirstWord.get(phrase.words[0]);
      if (sameStart) sameStart.push(phrase);
      else this.byFirstWord.set(phrase.words[0], [phrase]);
    }
    for (const sameStart of this.byFirstWord.values()) sameStart.sort((a, b) => b.words.length - a.words.length);
  }

  find(text: string, words: readonly TextWord[]): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let i = 0; i < words.length; ) {
      const phrase = this.byFirstWord
        .get(words[i].word)
        ?.find(({ words: name }) => isWrittenAt(name, text, words, i) && this.readsAsAName(name, text, words, i));
      if (phrase) {
        const last = words[i + phrase.words.length - 1];
        hits.push({ id: phrase.id, start: words[i].start, end: last.end });
        i += phrase.words.length;
      } else {
        i++;
      }
    }
    return hits;
  }

  /**
   * Whether words that spell a name are meant as one. A name of two or more real words counts when
   * capitalised like a title, or in lower case when none of its words is rules prose ("lightning
   * bolt" yes, "deal damage" and "brought back" no). A name of one real word ("Humility",
   * "The Moment") must be capitalised, not open a sentence, be long enough and not be rules prose
   * ("Exile"); alone on its line, as in a list of cards, it may open the sentence. A leading "a"
   * or "the" must be capitalised too, or it is just an article.
   */
  private readsAsAName(phrase: readonly string[], text: string, words: readonly TextWord[], at: number): boolean {
    const written = words.slice(at, at + phrase.length);
    if (LINKING_WORDS.has(written[0].word) && !written[0].capitalised) return false;
    const content = written.filter((word) => !LINKING_WORDS.has(word.word));
    const isProse = (word: TextWord) => this.everydayWords.has(word.word);
    if (content.length > 1) return content.every((word) => word.capitalised) || !content.some(isProse);
    const [word] = content;
    return (
      word !== undefined &&
      word.capitalised &&
      word.word.length >= MIN_SINGLE_WORD_LENGTH &&
      !isProse(word) &&
      (!opensSentence(text, written[0].start) || fillsItsLine(text, written[0].start, written[written.length - 1].end))
    );
  }
}

function isWrittenAt(phrase: readonly string[], text: string, words: readonly TextWord[], at: number): boolean {
  if (at + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (words[at + k].word !== phrase[k]) return false;
    if (k > 0 && !NAME_GAP.test(text.slice(words[at + k - 1].end, words[at + k].start))) return false;
  }
  return true;
}

/** Capitals say nothing at the start of a sentence, a line or a quotation. */
function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && text[i] !== '\n' && /[\s"“‘'(*_]/.test(text[i])) i--;
  return i < 0 || /[.!?:;\n]/.test(text[i]);
}

/** The words from `start` to `end` are all their line holds, a list marker aside. */
function fillsItsLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  return /^\s*(?:[-*•]|\d+x?)?\s*$/.test(before) && /^\s*$/.test(after);
}
