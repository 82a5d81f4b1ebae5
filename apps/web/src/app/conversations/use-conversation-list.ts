import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSummary } from '@melvin/shared/contracts';
import { errorMessage } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { conversationsApi } from './conversations-api';

/** One list of conversations (active or archived), newest activity first, a page at a time. */
export function useConversationList(archived: boolean) {
  const api = conversationsApi(useApi());
  const apiRef = useRef(api);
  apiRef.current = api;
  const [items, setItems] = useState<ConversationSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (before: string | null) => {
      const mine = before ? generation.current : ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const page = await apiRef.current.list({ before, archived });
        if (mine !== generation.current) return;
        setItems((current) => (before ? [...current, ...page.items.filter((item) => !current.some((known) => known.id === item.id))] : page.items));
        setNextCursor(page.nextCursor);
      } catch (failure) {
        if (mine === generation.current) setError(errorMessage(failure));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [archived],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => void load(nextCursor),
    reload: () => void load(null),
    /** Puts a changed conversation in place, or first when it is new. */
    upsert: (summary: ConversationSummary) =>
      setItems((current) => (current.some((item) => item.id === summary.id) ? current.map((item) => (item.id === summary.id ? summary : item)) : [summary, ...current])),
    drop: (id: string) => setItems((current) => current.filter((item) => item.id !== id)),
  };
}
