import type { ComprehensiveRules, CrRule, GlossaryEntry } from '@melvin/knowledge/domain';
import { normalizeRuleNumber } from '@melvin/knowledge/domain';

/** A rule as a reader wants it: the rule, everything numbered under it, and the rules it points to. */
export interface RuleEntry {
  rule: CrRule;
  /** Subrules at any depth, in document order (702.19a, 702.19b, ...). */
  subrules: CrRule[];
  /** Rules cited by the rule or its subrules, in order of first mention, without the rule's own family. */
  cites: CrRule[];
}

/** Lookups into one edition of the Comprehensive Rules. */
export class RuleBook {
  private readonly byNumber: Map<string, CrRule>;
  private readonly children = new Map<string, CrRule[]>();
  private readonly glossaryByTerm: Map<string, GlossaryEntry>;

  constructor(readonly rules: ComprehensiveRules) {
    this.byNumber = new Map(rules.rules.map((rule) => [rule.number, rule]));
    for (const rule of rules.rules) {
      if (!rule.parent) continue;
      const siblings = this.children.get(rule.parent);
      if (siblings) siblings.push(rule);
      else this.children.set(rule.parent, [rule]);
    }
    this.glossaryByTerm = new Map(rules.glossary.map((entry) => [glossaryKey(entry.term), entry]));
  }

  /** The rule with this number in any usual spelling ("702.19b", "CR 702.19B."). */
  get(number: string): CrRule | undefined {
    const canonical = normalizeRuleNumber(number);
    return canonical ? this.byNumber.get(canonical) : undefined;
  }

  has(number: string): boolean {
    return this.byNumber.has(number);
  }

  /** Everything numbered under a rule, in document order. */
  descendants(number: string): CrRule[] {
    return (this.children.get(number) ?? []).flatMap((child) => [child, ...this.descendants(child.number)]);
  }

  entry(number: string): RuleEntry | undefined {
    const rule = this.get(number);
    if (!rule) return undefined;
    const subrules = this.descendants(rule.number);
    const family = new Set([rule.number, ...subrules.map((subrule) => subrule.number)]);
    const cited = new Set([rule, ...subrules].flatMap((member) => member.references).filter((cite) => !family.has(cite)));
    return { rule, subrules, cites: [...cited].flatMap((cite) => this.byNumber.get(cite) ?? []) };
  }

  /** A glossary entry by its term, ignoring case and punctuation. */
  glossary(term: string): GlossaryEntry | undefined {
    return this.glossaryByTerm.get(glossaryKey(term));
  }

  /** An entry that only says "See Landwalk." stands for that other entry. */
  resolveGlossary(entry: GlossaryEntry): GlossaryEntry {
    const target = /^See ([^.]+)\.$/.exec(entry.text.trim());
    return (target && this.glossary(target[1])) || entry;
  }
}

function glossaryKey(term: string): string {
  return term.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
