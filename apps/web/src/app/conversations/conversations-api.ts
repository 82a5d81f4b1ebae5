import type { ConversationDetail, ConversationMessage, ConversationPage, ConversationSearchHit, ConversationSummary, FeedbackRating } from '@melvin/shared/contracts';
import type { ApiClient } from '@melvin/web/ui';

export const PAGE_SIZE = 20;

/** The conversation endpoints of the gateway, typed. */
export function conversationsApi(api: ApiClient) {
  const base = '/api/conversations';
  return {
    list: (options: { before?: string | null; archived?: boolean } = {}) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (options.before) query.set('before', options.before);
      if (options.archived) query.set('archived', 'true');
      return api.get<ConversationPage>(`${base}?${query}`);
    },
    create: (title?: string) => api.post<ConversationSummary>(base, title ? { title } : {}),
    get: (id: string, signal?: AbortSignal) => api.get<ConversationDetail>(`${base}/${encodeURIComponent(id)}`, signal),
    rename: (id: string, title: string) => api.patch<ConversationSummary>(`${base}/${encodeURIComponent(id)}`, { title }),
    setArchived: (id: string, archived: boolean) => api.patch<ConversationSummary>(`${base}/${encodeURIComponent(id)}`, { archived }),
    remove: (id: string) => api.delete(`${base}/${encodeURIComponent(id)}`),
    search: (q: string, signal?: AbortSignal) => api.get<ConversationSearchHit[]>(`${base}/search?${new URLSearchParams({ q })}`, signal),
    feedback: (messageId: string, rating: FeedbackRating, comment?: string) =>
      api.post<ConversationMessage>(`${base}/messages/${encodeURIComponent(messageId)}/feedback`, { rating, ...(comment?.trim() ? { comment: comment.trim() } : {}) }),
    exportPath: (id: string, format: 'markdown' | 'json') => `${base}/${encodeURIComponent(id)}/export?format=${format}`,
  };
}
