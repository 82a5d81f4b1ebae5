import { useCallback } from 'react';
import { useApi } from '../api-context';

/** Card-name suggestions for autocomplete boxes. */
export function useCardNameSuggestions() {
  const api = useApi();
  return useCallback(
    async (text: string, signal: AbortSignal) => (await api.get<{ names: string[] }>(`/api/cards/autocomplete?${new URLSearchParams({ q: text })}`, signal)).names ?? [],
    [api],
  );
}
