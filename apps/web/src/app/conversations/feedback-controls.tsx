import { useId, useState } from 'react';
import type { ConversationMessage, FeedbackRating } from '@melvin/shared/contracts';
import { buttonStyles, errorMessage, inputStyles } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { conversationsApi } from './conversations-api';

/** Thumbs up or down on an answer, with an optional comment; rating again replaces the rating. */
export function FeedbackControls({ message, onChanged }: { message: ConversationMessage; onChanged: (message: ConversationMessage) => void }) {
  const api = conversationsApi(useApi());
  const id = useId();
  const rating = message.feedback?.rating;
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState(message.feedback?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (next: FeedbackRating, withComment?: string) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await api.feedback(message.id, next, withComment);
      // Some servers answer with the message only partly; keep what we have and add the rating.
      onChanged({ ...message, ...updated, feedback: updated.feedback ?? { rating: next, ...(withComment ? { comment: withComment } : {}), at: new Date().toISOString() } });
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const rate = async (next: FeedbackRating) => {
    if (await send(next, comment || undefined)) setCommenting(true);
  };

  return (
    <div className="mt-2 flex flex-col gap-1 text-xs text-slate-600">
      <div className="flex items-center gap-1" role="group" aria-label="Rate this answer">
        {(['up', 'down'] as const).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={rating === value}
            aria-label={value === 'up' ? 'Helpful' : 'Not helpful'}
            title={value === 'up' ? 'Helpful' : 'Not helpful'}
            disabled={busy}
            onClick={() => void rate(value)}
            className={`rounded px-1.5 py-0.5 ring-1 ring-inset ${rating === value ? 'bg-indigo-600 text-white ring-indigo-600' : 'ring-slate-300 hover:bg-slate-100'}`}
          >
            <span aria-hidden="true">{value === 'up' ? '👍' : '👎'}</span>
          </button>
        ))}
        {rating && !commenting && (
          <button type="button" className={buttonStyles.ghost} onClick={() => setCommenting(true)}>
            {message.feedback?.comment ? 'Edit comment' : 'Add a comment'}
          </button>
        )}
        {rating && <span role="status">Thanks for the feedback.</span>}
      </div>
      {rating && commenting && (
        <form
          className="flex flex-col gap-1 sm:flex-row"
          onSubmit={(event) => {
            event.preventDefault();
            void send(rating, comment).then((ok) => ok && setCommenting(false));
          }}
        >
          <label htmlFor={id} className="sr-only">
            Comment on this answer (optional)
          </label>
          <input id={id} className={inputStyles} maxLength={1000} placeholder="What was right or wrong? (optional)" value={comment} onChange={(event) => setComment(event.target.value)} />
          <button type="submit" className={buttonStyles.secondary} disabled={busy}>
            Send comment
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
