import { useCallback, useState } from 'react';

const key = (conversationId: string) => `melvin.draft.${conversationId}`;

/**
 * The question being typed in a conversation, kept in sessionStorage so switching conversations
 * or reloading never loses it. Cleared only once the question has been accepted.
 */
export function useDraft(conversationId: string): [string, (text: string) => void] {
  const [draft, setDraftState] = useState(() => {
    try {
      return sessionStorage.getItem(key(conversationId)) ?? '';
    } catch {
      return '';
    }
  });
  const setDraft = useCallback(
    (text: string) => {
      setDraftState(text);
      try {
        if (text) sessionStorage.setItem(key(conversationId), text);
        else sessionStorage.removeItem(key(conversationId));
      } catch {
        // Without storage the draft still lives while the page is open.
      }
    },
    [conversationId],
  );
  return [draft, setDraft];
}
