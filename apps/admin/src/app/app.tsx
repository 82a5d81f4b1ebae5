import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { SignInForm, StatusPage } from '@melvin/web/ui';
import { LowRatedPage } from './feedback/low-rated-page';
import { KnowledgePage } from './knowledge/knowledge-page';
import { hrefOf, useHashRoute, type AdminPage } from './layout/use-hash-route';
import { QueuesPage } from './queues/queues-page';
import { AdminApi } from './session/admin-api';
import { AdminApiProvider, useAdminApi, useAdminSession } from './session/admin-session';

const NAV: Array<{ page: AdminPage; label: string }> = [
  { page: 'status', label: 'Status' },
  { page: 'knowledge', label: 'Knowledge' },
  { page: 'queues', label: 'Queues' },
  { page: 'feedback', label: 'Feedback' },
];

const TITLES: Record<Exclude<AdminPage, 'status'>, string> = {
  knowledge: 'Knowledge',
  queues: 'Queues',
  feedback: 'Feedback',
};

function TopBar({ current }: { current: AdminPage }) {
  const api = useAdminApi();
  const session = useAdminSession();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2">
        <nav aria-label="Admin console" className="flex items-center gap-1 text-sm">
          <span className="mr-3 font-semibold">Melvin admin</span>
          {NAV.map(({ page, label }) => (
            <a
              key={page}
              href={hrefOf(page)}
              aria-current={page === current ? 'page' : undefined}
              className={`rounded-md px-2.5 py-1 ${page === current ? 'bg-slate-800 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {label}
            </a>
          ))}
        </nav>
        {session && (
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">
              Signed in as <strong>{session.user.username}</strong>
            </span>
            <button type="button" onClick={() => void api.signOut()} className="rounded-md px-2 py-1 ring-1 ring-slate-300 hover:bg-slate-100">
              Sign out
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

/** Pages past the status page need an admin session; a reload picks the previous one up again. */
function SignedIn({ children }: { children: ReactNode }) {
  const api = useAdminApi();
  const session = useAdminSession();
  const [restoring, setRestoring] = useState(() => !session && api.canRestore);

  useEffect(() => {
    if (!restoring) return;
    let current = true;
    void api.restore().finally(() => current && setRestoring(false));
    return () => {
      current = false;
    };
  }, [api, restoring]);

  if (session) return children;
  if (restoring) return <p role="status">Restoring your session…</p>;
  // Operators sign in with the account created by `melvin admin create` (or promoted later);
  // `AdminApi.signIn` refuses any other account, and the form shows why.
  return (
    <SignInForm
      heading="Sign in as an admin"
      signIn={(username, password) => api.signIn(username, password)}
      accent="slate"
      className="mx-auto max-w-sm rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
    />
  );
}

/** The operators' console: live status for anyone, knowledge, queues and feedback for admins. */
export function App({ api: given }: { api?: AdminApi }) {
  const api = useMemo(() => given ?? new AdminApi(), [given]);
  const page = useHashRoute();

  return (
    <AdminApiProvider api={api}>
      <TopBar current={page} />
      {page === 'status' ? (
        <StatusPage title="Melvin admin" subtitle="Operator console — live status of Melvin's services" accent="slate" />
      ) : (
        <main className="mx-auto max-w-6xl space-y-6 px-4 py-10">
          <h1 className="text-3xl font-bold tracking-tight">{TITLES[page]}</h1>
          <SignedIn>
            {page === 'knowledge' && <KnowledgePage />}
            {page === 'queues' && <QueuesPage />}
            {page === 'feedback' && <LowRatedPage />}
          </SignedIn>
        </main>
      )}
    </AdminApiProvider>
  );
}
