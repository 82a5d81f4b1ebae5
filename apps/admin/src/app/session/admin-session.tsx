import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Session } from '@melvin/shared/contracts';
import { AdminApi } from './admin-api';

const AdminApiContext = createContext<AdminApi | null>(null);

export function AdminApiProvider({ api, children }: { api: AdminApi; children: ReactNode }) {
  return <AdminApiContext.Provider value={api}>{children}</AdminApiContext.Provider>;
}

export function useAdminApi(): AdminApi {
  const api = useContext(AdminApiContext);
  if (!api) throw new Error('useAdminApi needs an <AdminApiProvider> above it');
  return api;
}

/** The signed-in admin's session, re-rendering on sign-in, refresh and sign-out. */
export function useAdminSession(): Session | null {
  const api = useAdminApi();
  return useSyncExternalStore(
    (onChange) => api.subscribe(onChange),
    () => api.session,
  );
}
