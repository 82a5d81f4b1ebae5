import type { CardRecord } from '@melvin/knowledge/domain';
import { stem } from '../analysis/stemmer';
import { tokenize } from '../analysis/text-analysis';
import type { RuleBook } from '../rule-book';

// Keyword actions live under 701, keyword abilities under 702.
const KEYWORD_SECTIONS = new Set(['701', '702']);
// A rule whose whole text is a short name ("Deathtouch", "Tap and Untap") is a keyword heading.
const HEADING = /^[^.:]{1,40}$/;
// A one-word action is only performed when an object follows ("counter target spell", "double the
// damage"), not when the word is a noun ("a +1/+1 counter on it", "double strike").
const OBJECT_START = /^(?:target|a|an|the|it|that|this|those|these|all|each|any|another|up|x|\d+|one|two|three|four|five|them|him|her|your|their|its)$/;

/**
 * Which rule defines each keyword, read from the Comprehensive Rules themselves: 702.2 is titled
 * "Deathtouch", 701.21 "Sacrifice". Keywords without their own rule ("Swampwalk") are found through
 * the glossary ("See Landwalk." → 702.14).
 */
export class KeywordRules {
  private readonly byName = new Map<string, string>();
  /** Keyword actions as term sequences, to spot "sacrifice a creature" in oracle text. */
  private readonly actions: Array<{ terms: string[]; rule: string }> = [];

  constructor(private readonly book: RuleBook) {
    for (const rule of book.rules.rules) {
      if (!rule.parent || !KEYWORD_SECTIONS.has(rule.parent) || !HEADING.test(rule.text)) continue;
      for (const name of rule.text.split(/ and /)) {
        this.byName.set(keywordKey(name), rule.number);
        if (rule.parent === '701') this.actions.push({ terms: stems(name), rule: rule.number });
      }
    }
  }

  /** The rule defining a keyword ability or action, e.g. "deathtouch" → "702.2". */
  ruleFor(keyword: string): string | undefined {
    const own = this.byName.get(keywordKey(keyword));
    if (own) return own;
    const entry = this.book.glossary(keyword);
    if (!entry) return undefined;
    return this.book.resolveGlossary(entry).references.find((number) => KEYWORD_SECTIONS.has(number.split('.')[0]));
  }

  /** Keyword rules of a card: its keyword abilities first, then keyword actions its text performs. */
  rulesForCard(card: CardRecord): string[] {
    const fromKeywords = card.keywords.flatMap((keyword) => this.ruleFor(keyword) ?? []);
    // Reminder text explains a keyword ("enough to destroy it"); it performs no action of its own.
    const tokens = tokenize(card.oracleText.replace(/\([^)]*\)/g, ' '));
    const terms = tokens.map(stem);
    const fromActions = this.actions.filter((action) => performs(tokens, terms, action.terms)).map((action) => action.rule);
    return [...new Set([...fromKeywords, ...fromActions])];
  }
}

function keywordKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function stems(text: string): string[] {
  return tokenize(text).map(stem);
}

function performs(tokens: readonly string[], terms: readonly string[], action: readonly string[]): boolean {
  for (let start = 0; start + action.length <= terms.length; start += 1) {
    if (!action.every((term, offset) => terms[start + offset] === term)) continue;
    if (action.length > 1 || OBJECT_START.test(tokens[start + 1] ?? '')) return true;
  }
  return false;
}
