import { normalizeCardName } from '@melvin/knowledge/domain';
import { cardNameKeys } from '../sources/named-cards';
import type { RetrievedSource } from '../sources/retrieved-source';
import { parseCitations, type Citation } from './citation';
import { ruleLineage } from './rule-lineage';
import { rulesCoveredBy, rulingDate } from './source-citation';

export interface CitationCheck {
  /** The answer with every invalid citation taken out. */
  text: string;
  valid: Citation[];
  invalid: Citation[];
  /** Share of citations that are valid; 1 when the answer cites nothing. */
  validity: number;
}

/** Whether a citation names something the knowledge base holds, even if it was not retrieved. */
export type CitationExists = (citation: Citation) => boolean;

/**
 * Sorts an answer's citations into those backed by the retrieved sources (or, through `exists`,
 * by the knowledge base) and invented ones, and removes the invented ones from the text so a user
 * never follows a citation to nothing. A rule citation is backed by a retrieved rule with the same
 * number or one below it (`[CR 702.19]` when 702.19b was retrieved); card names match regardless
 * of case, punctuation and accents, and either face of a double-faced card counts.
 */
export function checkCitations(answer: string, sources: readonly RetrievedSource[], exists?: CitationExists): CitationCheck {
  const backed = backingOf(sources);
  const valid: Citation[] = [];
  const invalid: Citation[] = [];
  for (const citation of parseCitations(answer)) {
    const ok = citation.target !== '' && (backed(citation) || (exists?.(citation) ?? false));
    (ok ? valid : invalid).push(citation);
  }
  const total = valid.length + invalid.length;
  return { text: withoutCitations(answer, invalid), valid, invalid, validity: total === 0 ? 1 : valid.length / total };
}

function backingOf(sources: readonly RetrievedSource[]): (citation: Citation) => boolean {
  const rules = new Set(sources.flatMap(rulesCoveredBy).flatMap(ruleLineage));
  const cards = new Set(sources.filter((s) => s.kind === 'card').flatMap((s) => cardNameKeys(s.ref)));
  const rulings = new Set(
    sources
      .filter((s) => s.kind === 'ruling')
      .flatMap((s) => cardNameKeys(s.ref).map((key) => `${key}|${rulingDate(s.publishedAt)}`)),
  );
  return (citation) => {
    switch (citation.kind) {
      case 'rule':
        return rules.has(citation.target);
      case 'card':
        return cards.has(normalizeCardName(citation.target));
      case 'ruling':
        return rulings.has(`${normalizeCardName(citation.target)}|${citation.date}`);
    }
  };
}

/** Cuts citations out of a text, with the space before each, so no gap or dangling space remains. */
function withoutCitations(text: string, citations: readonly Citation[]): string {
  let result = text;
  for (const citation of [...citations].sort((a, b) => b.start - a.start)) {
    const before = result.slice(0, citation.start).replace(/[ \t]+$/, '');
    const after = result.slice(citation.end);
    result = before + (before === '' || before.endsWith('\n') ? after.replace(/^[ \t]+/, '') : after);
  }
  return result;
}
