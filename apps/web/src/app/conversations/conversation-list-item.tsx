import { useState, type FormEvent } from 'react';
import type { ConversationSummary } from '@melvin/shared/contracts';
import { buttonStyles, errorMessage, inputStyles } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { Link, navigate } from '../router';
import { conversationsApi } from './conversations-api';

interface ConversationListItemProps {
  conversation: ConversationSummary;
  open: boolean;
  onChanged: (summary: ConversationSummary) => void;
  /** Archived, unarchived or deleted: it leaves this list. */
  onGone: (id: string) => void;
}

/** One conversation in the list, with rename, (un)archive and delete. */
export function ConversationListItem({ conversation, open, onChanged, onGone }: ConversationListItemProps) {
  const api = conversationsApi(useApi());
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [title, setTitle] = useState(conversation.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    const next = title.trim();
    if (!next || next === conversation.title) return setMode('view');
    void run(async () => {
      onChanged(await api.rename(conversation.id, next));
      setMode('view');
    });
  };

  const toggleArchived = () =>
    void run(async () => {
      await api.setArchived(conversation.id, !conversation.archived);
      onGone(conversation.id);
    });

  const remove = () =>
    void run(async () => {
      await api.remove(conversation.id);
      onGone(conversation.id);
      if (open) navigate('/');
    });

  return (
    <li className={`rounded-md p-2 ${open ? 'bg-indigo-50 ring-1 ring-indigo-200' : 'hover:bg-white'}`} data-testid="conversation-item">
      {mode === 'rename' ? (
        <form onSubmit={rename} className="flex gap-1">
          <label htmlFor={`rename-${conversation.id}`} className="sr-only">
            New title
          </label>
          <input
            id={`rename-${conversation.id}`}
            className={inputStyles}
            value={title}
            maxLength={200}
            autoFocus
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setMode('view')}
          />
          <button type="submit" className={buttonStyles.primary} disabled={busy}>
            Save
          </button>
        </form>
      ) : (
        <Link href={`/c/${conversation.id}`} aria-current={open ? 'page' : undefined} className="block rounded focus-visible:outline-2 focus-visible:outline-indigo-600">
          <span className="block truncate text-sm font-medium" data-testid="conversation-title">
            {conversation.title}
          </span>
          {conversation.lastPreview && <span className="block truncate text-xs text-slate-500">{conversation.lastPreview}</span>}
        </Link>
      )}
      {mode === 'confirm-delete' ? (
        <div role="alertdialog" aria-label={`Delete ${conversation.title}?`} className="mt-2 rounded bg-red-50 p-2 text-xs text-red-900">
          <p>Delete “{conversation.title}” and every message in it? This cannot be undone.</p>
          <div className="mt-2 flex gap-2">
            <button type="button" className={buttonStyles.danger} onClick={remove} disabled={busy} autoFocus>
              Delete
            </button>
            <button type="button" className={buttonStyles.secondary} onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        mode === 'view' && (
          <div className="mt-1 flex gap-1" aria-label={`Actions for ${conversation.title}`} role="group">
            <button
              type="button"
              className={buttonStyles.ghost}
              onClick={() => {
                setTitle(conversation.title);
                setMode('rename');
              }}
            >
              Rename
            </button>
            <button type="button" className={buttonStyles.ghost} onClick={toggleArchived} disabled={busy}>
              {conversation.archived ? 'Unarchive' : 'Archive'}
            </button>
            <button type="button" className={buttonStyles.ghost} onClick={() => setMode('confirm-delete')}>
              Delete
            </button>
          </div>
        )
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
