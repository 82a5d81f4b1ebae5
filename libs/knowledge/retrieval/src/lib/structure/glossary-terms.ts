import type { GlossaryEntry } from '@melvin/knowledge/domain';
import { stem } from '../analysis/stemmer';
import { tokenize } from '../analysis/text-analysis';

/** A term used by more than this share of all rules ("creature", "toughness") does not single any out. */
const SPECIFIC_SHARE = 0.02;

interface Phrase {
  terms: string[];
  entry: GlossaryEntry;
}

/**
 * Spots glossary terms in free text ("trample", "state-based actions", "APNAP order") and ranks them
 * rarest first: a term used by few rules ("deathtouch") says more about a question than one used
 * everywhere ("creature").
 */
export class GlossaryTerms {
  private readonly byFirstTerm = new Map<string, Phrase[]>();
  private readonly ruleUses = new Map<GlossaryEntry, number>();
  private readonly specificUpTo: number;

  constructor(glossary: readonly GlossaryEntry[], ruleTexts: readonly string[]) {
    for (const entry of glossary) {
      for (const terms of aliases(entry.term).map(phraseTerms)) {
        if (terms.length) this.byFirstTerm.set(terms[0], [...(this.byFirstTerm.get(terms[0]) ?? []), { terms, entry }]);
      }
    }
    this.specificUpTo = ruleTexts.length * SPECIFIC_SHARE;
    for (const text of ruleTexts) {
      for (const entry of new Set(this.scan(text))) this.ruleUses.set(entry, (this.ruleUses.get(entry) ?? 0) + 1);
    }
  }

  /** Entries whose term appears in the text, rarest in the rules first. */
  find(text: string): GlossaryEntry[] {
    const found = [...new Set(this.scan(text))];
    return found.sort((a, b) => (this.ruleUses.get(a) ?? 0) - (this.ruleUses.get(b) ?? 0));
  }

  /** Whether the term is rare enough in the rules to point at the rules it cites. */
  isSpecific(entry: GlossaryEntry): boolean {
    return (this.ruleUses.get(entry) ?? 0) <= this.specificUpTo;
  }

  private *scan(text: string): Generator<GlossaryEntry> {
    const terms = phraseTerms(text);
    for (let start = 0; start < terms.length; start += 1) {
      for (const phrase of this.byFirstTerm.get(terms[start]) ?? []) {
        if (phrase.terms.every((term, offset) => terms[start + offset] === term)) yield phrase.entry;
      }
    }
  }
}

/**
 * The ways a glossary term is written: "Kicker, Kicked" and "Banding, “Bands with Other”" list
 * several; "(Obsolete)" labels and "[name]" placeholders are not written by players.
 */
function aliases(term: string): string[] {
  const bare = term.replace(/\(.*?\)|\[.*?\]/g, ' ');
  return [...new Set([bare, ...bare.split(',')])].filter((alias) => alias.trim());
}

function phraseTerms(text: string): string[] {
  return tokenize(text).map(stem);
}
