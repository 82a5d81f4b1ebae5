import { buttonStyles, ErrorNotice } from '@melvin/web/ui';
import { ConversationListItem } from './conversation-list-item';
import { ConversationSearch } from './conversation-search';
import type { useConversationList } from './use-conversation-list';

interface ConversationSidebarProps {
  list: ReturnType<typeof useConversationList>;
  openId: string | null;
  archived: boolean;
  onShowArchived: (archived: boolean) => void;
  onNew: () => void;
  error: string | null;
}

export function ConversationSidebar({ list, openId, archived, onShowArchived, onNew, error }: ConversationSidebarProps) {
  return (
    <aside aria-label="Your conversations" className="flex w-full shrink-0 flex-col gap-3 md:w-72">
      <button type="button" className={buttonStyles.primary} onClick={onNew}>
        New conversation
      </button>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      <ConversationSearch />
      <div role="group" aria-label="Which conversations" className="flex rounded-md bg-slate-200 p-0.5 text-sm">
        {[false, true].map((value) => (
          <button
            key={String(value)}
            type="button"
            aria-pressed={archived === value}
            onClick={() => onShowArchived(value)}
            className={`flex-1 rounded px-2 py-1 ${archived === value ? 'bg-white font-medium shadow-sm' : 'text-slate-600'}`}
          >
            {value ? 'Archived' : 'Active'}
          </button>
        ))}
      </div>
      {list.error && <ErrorNotice action={<button type="button" className={buttonStyles.secondary} onClick={list.reload}>Try again</button>}>{list.error}</ErrorNotice>}
      <ul className="flex flex-col gap-1" data-testid="conversation-list" aria-busy={list.loading}>
        {list.items.map((conversation) => (
          <ConversationListItem key={conversation.id} conversation={conversation} open={conversation.id === openId} onChanged={list.upsert} onGone={list.drop} />
        ))}
      </ul>
      {!list.loading && !list.error && list.items.length === 0 && (
        <p className="text-sm text-slate-500">{archived ? 'No archived conversations.' : 'No conversations yet.'}</p>
      )}
      {list.loading && <p role="status" className="text-sm text-slate-500">Loading…</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className={buttonStyles.secondary} onClick={list.loadMore}>
          Load more
        </button>
      )}
    </aside>
  );
}
