import { documentId } from '../knowledge-document';
import type { LexicalResult } from '../lexical/lexical-index';
import type { RuleBook } from '../rule-book';

/**
 * A subrule under a rule the question points at (through a card's keyword, a glossary term or a
 * written number) only counts when the question matches it at least this well relative to the
 * best-matching rule: deathtouch's six subrules are not all relevant to a deathtouch question.
 * Measured: without this cut the structural rankings cost recall instead of adding it.
 */
const FAMILY_MATCH_SHARE = 0.6;

/** Rules and their subrules, judged by how well one question's words match them. */
export class RuleFamilies {
  private readonly enough: number;

  constructor(
    private readonly book: RuleBook,
    private readonly found: LexicalResult,
  ) {
    this.enough = FAMILY_MATCH_SHARE * (found.best(1)[0]?.score ?? 0);
  }

  /** Ids of the rules' subrules that the question matches nearly as well as its best rule, best first. */
  matchedSubrules(numbers: readonly string[]): string[] {
    const subrules = numbers.flatMap((number) => this.book.descendants(number)).map((rule) => documentId('rule', rule.number));
    return this.byScore([...new Set(subrules)].filter((id) => this.found.scoreOf(id) > this.enough));
  }

  /** The rule whose family (the rule and its subrules) the question matches best. */
  bestMatching(numbers: readonly string[]): string | undefined {
    const familyScore = (number: string) =>
      Math.max(...[number, ...this.book.descendants(number).map((rule) => rule.number)].map((member) => this.found.scoreOf(documentId('rule', member))));
    let best: { number: string; score: number } | undefined;
    for (const number of numbers) {
      const score = familyScore(number);
      if (!best || score > best.score) best = { number, score };
    }
    return best?.number;
  }

  /** Ids by the question's lexical score, best first; unmatched ones keep their order, last. */
  byScore(ids: readonly string[]): string[] {
    return [...ids].sort((a, b) => this.found.scoreOf(b) - this.found.scoreOf(a));
  }
}
