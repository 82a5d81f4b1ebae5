import type { KnowledgeKindName } from '@melvin/shared/contracts';
import { formatCount, formatTimestamp } from '../layout/format';
import { KNOWLEDGE_KIND_LABELS, KNOWLEDGE_KIND_ORDER } from './knowledge-kinds';

/** What GET /api/knowledge/status answers (the chat service's view of the active releases). */
export interface KnowledgeStatus {
  releases: Partial<Record<KnowledgeKindName, { id: string; edition: string | null; sourceName: string; activatedAt: string | null }>>;
  counts: Record<string, number>;
}

export function KnowledgeStatusPanel({ status }: { status: KnowledgeStatus }) {
  return (
    <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
      <ul className="grid gap-3 sm:grid-cols-3">
        {KNOWLEDGE_KIND_ORDER.map((kind) => {
          const release = status.releases[kind];
          return (
            <li key={kind} data-testid="active-release" data-kind={kind} className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
              <p className="font-semibold">{KNOWLEDGE_KIND_LABELS[kind]}</p>
              {release ? (
                <dl className="mt-1 space-y-0.5 text-xs text-slate-600">
                  <div>
                    <dt className="inline font-medium">Edition: </dt>
                    <dd className="inline">{release.edition ?? '—'}</dd>
                  </div>
                  <div>
                    <dt className="inline font-medium">Source: </dt>
                    <dd className="inline break-all">{release.sourceName}</dd>
                  </div>
                  <div>
                    <dt className="inline font-medium">Active since: </dt>
                    <dd className="inline">{formatTimestamp(release.activatedAt)}</dd>
                  </div>
                </dl>
              ) : (
                <p className="mt-1 text-xs text-amber-800">No active release</p>
              )}
            </li>
          );
        })}
      </ul>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
        {Object.entries(status.counts).map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-600">{name}</dt>
            <dd className="text-right font-mono" data-testid={`knowledge-count-${name}`}>
              {formatCount(value)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
