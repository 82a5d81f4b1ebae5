import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Session } from '@melvin/shared/contracts';
import { ApiClient, SessionStore } from '@melvin/web/ui';

const ApiContext = createContext<ApiClient | null>(null);

/** The default client of the app: one session, kept across reloads. */
export function createApiClient(): ApiClient {
  return new ApiClient(new SessionStore('melvin.web.session'));
}

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider>');
  return client;
}

/** The current session; re-renders on sign-in, refresh and sign-out. */
export function useSession(): Session | null {
  const { session } = useApi();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.current,
  );
}
