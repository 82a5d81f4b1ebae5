import { buttonStyles } from '@melvin/web/ui';
import { AnswerText } from './answer-text';
import type { SourceTarget } from './source-panel';
import type { AnswerStreamState } from './use-answer-stream';

const noInvalid: ReadonlySet<string> = new Set();

function sourceLabel(source: unknown): string | null {
  if (typeof source !== 'object' || source === null) return typeof source === 'string' ? source : null;
  const { ref, kind } = source as { ref?: unknown; kind?: unknown };
  return typeof ref === 'string' ? (typeof kind === 'string' && kind === 'rule' ? `CR ${ref}` : ref) : null;
}

interface StreamingAnswerProps {
  state: AnswerStreamState;
  onRetry: () => void;
  onDismiss: () => void;
  onOpenSource: (target: SourceTarget) => void;
}

/** The answer while it is being written: waiting, sources found, the text so far, or what went wrong. */
export function StreamingAnswer({ state, onRetry, onDismiss, onOpenSource }: StreamingAnswerProps) {
  const sources = (state.retrieval?.sources ?? []).map(sourceLabel).filter((label): label is string => !!label);
  return (
    <div className="rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200" data-testid="streaming-answer" aria-live="polite" aria-busy={state.phase !== 'failed'}>
      {state.phase === 'sending' && <p className="text-sm text-slate-500">Sending your question…</p>}
      {state.queuedAhead !== null && <p className="text-sm text-slate-600">Waiting for the model ({state.queuedAhead} ahead)…</p>}
      {state.retrieval && (
        <div className="mb-2 flex flex-wrap items-center gap-1 text-xs" data-testid="sources-found">
          <span className="font-medium text-slate-700">Sources found:</span>
          {sources.slice(0, 8).map((label) => (
            <span key={label} className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700">
              {label}
            </span>
          ))}
          {state.retrieval.cards.map((name) => (
            <button key={name} type="button" onClick={() => onOpenSource({ kind: 'card', name })} className="rounded-full bg-violet-50 px-2 py-0.5 text-violet-800 ring-1 ring-violet-600/30 ring-inset">
              {name}
            </button>
          ))}
          {sources.length === 0 && state.retrieval.cards.length === 0 && <span className="text-slate-500">none</span>}
        </div>
      )}
      {state.retrieval?.ambiguous.map((entry) => (
        <p key={entry.matched} className="mb-1 text-xs text-amber-900">
          “{entry.matched}” could mean {entry.candidates.join(', ')}.
        </p>
      ))}
      {state.text && <AnswerText text={state.text} invalid={noInvalid} onOpenSource={onOpenSource} />}
      {state.phase === 'streaming' && !state.text && state.queuedAhead === null && <p className="text-sm text-slate-500">Melvin is thinking…</p>}
      {state.phase === 'failed' && state.error && (
        <div role="alert" className="mt-2 rounded-md bg-red-50 p-2 text-sm text-red-800 ring-1 ring-red-200">
          {state.partial?.content && !state.text && <AnswerText text={state.partial.content} invalid={noInvalid} onOpenSource={onOpenSource} />}
          <p className="font-semibold">The answer did not finish.</p>
          <p>{state.error.message}</p>
          <div className="mt-2 flex gap-2">
            <button type="button" className={buttonStyles.primary} onClick={onRetry}>
              Retry
            </button>
            <button type="button" className={buttonStyles.secondary} onClick={onDismiss}>
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
