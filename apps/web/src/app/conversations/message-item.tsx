import { useMemo } from 'react';
import type { ConversationMessage } from '@melvin/shared/contracts';
import { citationsIn } from '@melvin/web/ui';
import { AnswerText, CitationButton } from './answer-text';
import { FeedbackControls } from './feedback-controls';
import { messageNotes } from './message-notes';
import type { SourceTarget } from './source-panel';

interface MessageItemProps {
  message: ConversationMessage;
  onOpenSource: (target: SourceTarget) => void;
  onChanged: (message: ConversationMessage) => void;
}

export function MessageItem({ message, onOpenSource, onChanged }: MessageItemProps) {
  if (message.role === 'user') {
    return (
      <li className="ml-auto max-w-[85%] rounded-lg bg-indigo-600 px-3 py-2 text-sm whitespace-pre-wrap text-white" data-testid="message" data-role="user">
        <span className="sr-only">You: </span>
        {message.content}
      </li>
    );
  }
  return <AnswerItem message={message} onOpenSource={onOpenSource} onChanged={onChanged} />;
}

function AnswerItem({ message, onOpenSource, onChanged }: MessageItemProps) {
  const invalid = useMemo(() => new Set(message.invalidCitations?.map((citation) => citation.label ?? '').filter(Boolean)), [message.invalidCitations]);
  // Only the citations written in this message, not everything retrieval found.
  const chips = useMemo(() => citationsIn(message.content).filter((chip) => !invalid.has(chip.label)), [message.content, invalid]);
  const { label, caveats } = messageNotes(message);
  return (
    <li className="max-w-full rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200" data-testid="message" data-role="assistant">
      <span className="sr-only">Melvin: </span>
      {label && <p className="mb-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{label}</p>}
      <AnswerText text={message.content} invalid={invalid} onOpenSource={onOpenSource} />
      {caveats.length > 0 && (
        <ul className="mt-2 space-y-1 text-xs text-amber-900" aria-label="Caveats">
          {caveats.map((caveat) => (
            <li key={caveat} className="rounded bg-amber-50 px-2 py-1 ring-1 ring-amber-200">
              {caveat}
            </li>
          ))}
        </ul>
      )}
      {chips.length > 0 && (
        <div className="mt-2 flex flex-wrap items-center gap-1 text-xs text-slate-600">
          <span>Cited:</span>
          {chips.map((chip) => (
            <CitationButton key={chip.label} citation={chip} onOpen={onOpenSource} />
          ))}
        </div>
      )}
      <FeedbackControls message={message} onChanged={onChanged} />
    </li>
  );
}
