import { useMemo } from 'react';
import type { ApiClient } from '@melvin/web/ui';
import { ApiProvider, createApiClient, useSession } from './api-context';
import { ChangePasswordForm } from './auth/change-password-form';
import { SignedOutPage } from './auth/signed-out-page';
import { AppShell } from './shell/app-shell';

/** Melvin for its users: sign in, then conversations, cards and loops. */
export function App({ client }: { client?: ApiClient }) {
  const api = useMemo(() => client ?? createApiClient(), [client]);
  return (
    <ApiProvider client={api}>
      <SessionGate />
    </ApiProvider>
  );
}

function SessionGate() {
  const session = useSession();
  if (!session) return <SignedOutPage />;
  if (session.user.mustChangePassword) {
    return (
      <main className="mx-auto max-w-md px-4 py-10">
        <ChangePasswordForm required />
      </main>
    );
  }
  return <AppShell />;
}
