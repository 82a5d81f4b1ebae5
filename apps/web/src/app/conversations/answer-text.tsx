import { splitCitations, type CitationChip } from '@melvin/web/ui';
import type { SourceTarget } from './source-panel';

const chipStyles = {
  rule: 'bg-sky-50 text-sky-800 ring-sky-600/30 hover:bg-sky-100',
  card: 'bg-violet-50 text-violet-800 ring-violet-600/30 hover:bg-violet-100',
  ruling: 'bg-teal-50 text-teal-800 ring-teal-600/30 hover:bg-teal-100',
} as const;

export function targetOf(citation: CitationChip): SourceTarget {
  return citation.kind === 'rule' ? { kind: 'rule', number: citation.target } : { kind: 'card', name: citation.target, rulingDate: citation.date };
}

export function CitationButton({ citation, onOpen }: { citation: CitationChip; onOpen: (target: SourceTarget) => void }) {
  const what = citation.kind === 'rule' ? `rule ${citation.target}` : citation.kind === 'card' ? `card ${citation.target}` : `ruling on ${citation.target} of ${citation.date}`;
  return (
    <button
      type="button"
      data-testid="citation-chip"
      data-kind={citation.kind}
      aria-label={`Open ${what}`}
      onClick={() => onOpen(targetOf(citation))}
      className={`mx-0.5 inline-flex items-center rounded-full px-1.5 py-0 align-baseline text-xs font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-600 ${chipStyles[citation.kind]}`}
    >
      {citation.label.slice(1, -1)}
    </button>
  );
}

/**
 * An answer's text with each citation as a chip that opens its source. Citations Melvin could not
 * verify stay as text, marked, so nobody follows them as if they were checked.
 */
export function AnswerText({ text, invalid, onOpenSource }: { text: string; invalid: ReadonlySet<string>; onOpenSource: (target: SourceTarget) => void }) {
  return (
    <div className="text-sm leading-relaxed whitespace-pre-wrap">
      {splitCitations(text).map((segment, index) =>
        segment.type === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : invalid.has(segment.citation.label) ? (
          <span key={index} className="text-amber-800 underline decoration-dotted" title="Melvin could not find this source">
            {segment.citation.label}
          </span>
        ) : (
          <CitationButton key={index} citation={segment.citation} onOpen={onOpenSource} />
        ),
      )}
    </div>
  );
}
