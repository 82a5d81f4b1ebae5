/** One numbered entry of the Comprehensive Rules: a section ("1."), a rule ("702.") or a subrule ("702.19c"). */
export interface CrRule {
  /** Canonical number without the trailing dot: "1", "702", "702.19", "702.19c". */
  number: string;
  /** Number of the parent entry; null for the nine sections. */
  parent: string | null;
  depth: 'section' | 'rule' | 'subrule' | 'subsubrule';
  /** The rule text without its number and without its examples. */
  text: string;
  /** The "Example:" paragraphs that follow the rule, without the "Example:" label. */
  examples: string[];
  /** Rule numbers this entry cites ("see rule 613"), canonical form, in order of first mention. */
  references: string[];
}

export interface GlossaryEntry {
  term: string;
  text: string;
  /** Rule numbers the definition cites. */
  references: string[];
}

export interface ComprehensiveRules {
  /** ISO date the edition takes effect, e.g. "2026-04-17". */
  effectiveDate: string;
  rules: CrRule[];
  glossary: GlossaryEntry[];
}

export interface CrEditionDiff {
  from: string;
  to: string;
  added: string[];
  removed: string[];
  changed: string[];
}
