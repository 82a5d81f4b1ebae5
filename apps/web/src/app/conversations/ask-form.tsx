import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { buttonStyles, inputStyles } from '@melvin/web/ui';

const MAX_QUESTION_CHARS = 4_000;

interface AskFormProps {
  value: string;
  onChange: (value: string) => void;
  onAsk: (content: string) => void;
  busy: boolean;
}

/** The question box. It never clears itself: the conversation clears it once the question is stored. */
export function AskForm({ value, onChange, onAsk, busy }: AskFormProps) {
  const id = useId();
  const content = value.trim();
  const tooLong = content.length > MAX_QUESTION_CHARS;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!content || busy || tooLong) return;
    onAsk(content);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter starts a new line, as in most chat apps.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="sticky bottom-0 flex flex-col gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Your question
      </label>
      <textarea
        id={id}
        rows={3}
        className={inputStyles}
        value={value}
        placeholder="e.g. Does Pestermite untap a land I tapped for mana in response?"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint`}
      />
      <div className="flex items-center justify-between gap-2">
        <span id={`${id}-hint`} className={`text-xs ${tooLong ? 'text-red-700' : 'text-slate-500'}`}>
          {tooLong ? `Too long: ${content.length} of ${MAX_QUESTION_CHARS} characters` : 'Enter to send, Shift+Enter for a new line'}
        </span>
        <button type="submit" className={buttonStyles.primary} disabled={busy || !content || tooLong}>
          {busy ? 'Answering…' : 'Ask'}
        </button>
      </div>
    </form>
  );
}
