import { useEffect, useRef, useState } from 'react';
import { buttonStyles, ErrorNotice, errorMessage, StatusNote } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { CardDetails } from '../cards/card-details';
import type { CardLookup, RuleEntry } from '../knowledge-types';

export type SourceTarget = { kind: 'rule'; number: string } | { kind: 'card'; name: string; rulingDate?: string };

/** The source a citation points at, beside the conversation: a rule with its subrules, or a card. */
export function SourcePanel({ target, onOpen, onClose }: { target: SourceTarget; onOpen: (target: SourceTarget) => void; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const title = target.kind === 'rule' ? `Rule ${target.number}` : target.name;

  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target, onClose]);

  return (
    <aside aria-labelledby="source-panel-heading" className="w-full shrink-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:sticky lg:top-4 lg:max-h-[calc(100vh-6rem)] lg:w-96 lg:overflow-auto" data-testid="source-panel">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="source-panel-heading" ref={heading} tabIndex={-1} className="text-base font-semibold">
          {title}
        </h2>
        <button type="button" className={buttonStyles.ghost} onClick={onClose} aria-label="Close source">
          Close
        </button>
      </div>
      {target.kind === 'rule' ? <RuleSource number={target.number} onOpen={onOpen} /> : <CardSource name={target.name} rulingDate={target.rulingDate} />}
    </aside>
  );
}

function useLoad<T>(path: string): { data: T | null; error: string | null } {
  const api = useApi();
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    setState({ data: null, error: null });
    api.get<T>(path, controller.signal).then(
      (data) => setState({ data, error: null }),
      (failure: unknown) => !controller.signal.aborted && setState({ data: null, error: errorMessage(failure) }),
    );
    return () => controller.abort();
  }, [api, path]);
  return state;
}

function RuleSource({ number, onOpen }: { number: string; onOpen: (target: SourceTarget) => void }) {
  const { data, error } = useLoad<RuleEntry>(`/api/rules/${encodeURIComponent(number)}`);
  if (error) return <ErrorNotice>{error}</ErrorNotice>;
  if (!data) return <StatusNote>Loading rule {number}…</StatusNote>;
  return (
    <div className="space-y-3 text-sm" data-testid="rule-details">
      <RuleBlock rule={data.rule} />
      {data.subrules.length > 0 && (
        <ul className="space-y-2 border-l-2 border-slate-200 pl-3">
          {data.subrules.map((rule) => (
            <li key={rule.number}>
              <RuleBlock rule={rule} />
            </li>
          ))}
        </ul>
      )}
      {data.cites.length > 0 && (
        <div>
          <h3 className="font-semibold">Rules it cites</h3>
          <div className="mt-1 flex flex-wrap gap-1">
            {data.cites.map((rule) => (
              <button key={rule.number} type="button" className={buttonStyles.secondary} onClick={() => onOpen({ kind: 'rule', number: rule.number })}>
                {rule.number}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function RuleBlock({ rule }: { rule: { number: string; text: string; examples: string[] } }) {
  return (
    <div>
      <p>
        <span className="font-mono font-semibold">{rule.number}</span> {rule.text}
      </p>
      {rule.examples.map((example, index) => (
        <p key={index} className="mt-1 text-xs text-slate-600 italic">
          Example: {example}
        </p>
      ))}
    </div>
  );
}

function CardSource({ name, rulingDate }: { name: string; rulingDate?: string }) {
  const { data, error } = useLoad<CardLookup>(`/api/cards/named?${new URLSearchParams({ exact: name })}`);
  if (error) return <ErrorNotice>{error}</ErrorNotice>;
  if (!data) return <StatusNote>Loading {name}…</StatusNote>;
  if (!data.card) return <p className="text-sm text-slate-600">Melvin has no card named “{name}”.</p>;
  return <CardDetails card={data.card} highlightRuling={rulingDate} />;
}
