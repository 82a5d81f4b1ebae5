import { useCallback, useState } from 'react';
import type { ConversationSummary } from '@melvin/shared/contracts';
import { buttonStyles, ErrorNotice, errorMessage } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { navigate, usePath } from '../router';
import { ConversationSidebar } from './conversation-sidebar';
import { ConversationView } from './conversation-view';
import { conversationsApi } from './conversations-api';
import { useConversationList } from './use-conversation-list';

/** Conversations: the list on the side, the open one beside it (`/c/:id`). */
export function ConversationsPage() {
  const api = conversationsApi(useApi());
  const path = usePath();
  const openId = /^\/c\/([0-9a-f-]{36})$/i.exec(path)?.[1] ?? null;
  const [archived, setArchived] = useState(false);
  const list = useConversationList(archived);
  const [error, setError] = useState<string | null>(null);
  const { upsert, reload } = list;

  const startNew = async () => {
    setError(null);
    try {
      const created = await api.create();
      if (!archived) upsert(created);
      navigate(`/c/${created.id}`);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  // New activity moves a conversation to the top: fetch the first page again.
  const onActivity = useCallback(() => reload(), [reload]);
  const onChanged = useCallback((summary: ConversationSummary) => upsert(summary), [upsert]);

  return (
    <div className="flex flex-1 flex-col gap-4 md:flex-row">
      <ConversationSidebar list={list} openId={openId} archived={archived} onShowArchived={setArchived} onNew={startNew} error={error} />
      <section className="min-w-0 flex-1" aria-label="Conversation">
        {openId ? (
          <ConversationView key={openId} conversationId={openId} onActivity={onActivity} onChanged={onChanged} />
        ) : (
          <div className="flex h-full flex-col items-center justify-center gap-3 rounded-lg bg-white p-8 text-center ring-1 ring-slate-200">
            <h1 className="text-xl font-semibold">Ask Melvin about the rules</h1>
            <p className="max-w-md text-sm text-slate-600">Start a conversation, or pick one from the list. Answers cite the Comprehensive Rules, cards and rulings.</p>
            <button type="button" className={buttonStyles.primary} onClick={() => void startNew()}>
              New conversation
            </button>
            {error && <ErrorNotice>{error}</ErrorNotice>}
          </div>
        )}
      </section>
    </div>
  );
}
