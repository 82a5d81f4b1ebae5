import { findRuleNumbers, normalizeRuleNumber } from '@melvin/knowledge/domain';
import type { RetrievedSource } from '../sources/retrieved-source';

/**
 * The citation a source is cited by, or null when it cannot be cited. A glossary entry is cited
 * through the first rule it points to ("Trample … See rule 702.19." → `[CR 702.19]`), since the
 * glossary is part of the Comprehensive Rules and has no numbers of its own; an entry that points
 * to no rule is background only. A ruling without a date cannot be cited in the fixed form.
 */
export function citationFor(source: RetrievedSource): string | null {
  switch (source.kind) {
    case 'rule':
    case 'glossary': {
      const [rule] = rulesCoveredBy(source);
      return rule ? `[CR ${rule}]` : null;
    }
    case 'card':
      return `[Card: ${source.ref.trim()}]`;
    case 'ruling': {
      const date = rulingDate(source.publishedAt);
      return date ? `[Ruling: ${source.ref.trim()}, ${date}]` : null;
    }
  }
}

/** YYYY-MM-DD of a ruling's publication timestamp, or null when there is none. */
export function rulingDate(publishedAt: string | undefined): string | null {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(publishedAt ?? '');
  return date ? date[0] : null;
}

/** Rule numbers a source speaks for: its own, or for a glossary entry the rules it points to. */
export function rulesCoveredBy(source: RetrievedSource): string[] {
  if (source.kind === 'rule') {
    const rule = normalizeRuleNumber(source.ref);
    return rule ? [rule] : [];
  }
  return source.kind === 'glossary' ? findRuleNumbers(source.text) : [];
}
