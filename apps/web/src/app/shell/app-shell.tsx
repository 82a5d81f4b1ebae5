import { useState } from 'react';
import { buttonStyles } from '@melvin/web/ui';
import { useApi, useSession } from '../api-context';
import { ChangePasswordForm } from '../auth/change-password-form';
import { CardsPage } from '../cards/cards-page';
import { ConversationsPage } from '../conversations/conversations-page';
import { LoopsPage } from '../loops/loops-page';
import { Link, usePath } from '../router';

const sections = [
  { href: '/', label: 'Conversations', match: (path: string) => path === '/' || path.startsWith('/c/') },
  { href: '/cards', label: 'Cards', match: (path: string) => path.startsWith('/cards') },
  { href: '/loops', label: 'Loops', match: (path: string) => path.startsWith('/loops') },
];

/** The signed-in app: a top bar with the three sections, the account menu, and the section's page. */
export function AppShell() {
  const api = useApi();
  const session = useSession();
  const path = usePath();
  const [accountOpen, setAccountOpen] = useState(false);

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <span className="text-lg font-bold tracking-tight">Melvin</span>
          <nav aria-label="Sections">
            <ul className="flex gap-1">
              {sections.map((section) => {
                const current = section.match(path);
                return (
                  <li key={section.href}>
                    <Link
                      href={section.href}
                      aria-current={current ? 'page' : undefined}
                      className={`rounded-md px-3 py-1.5 text-sm font-medium ${current ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100'}`}
                    >
                      {section.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm">
            <span className="text-slate-600" data-testid="signed-in-as">
              {session?.user.username}
            </span>
            <button type="button" className={buttonStyles.ghost} aria-expanded={accountOpen} onClick={() => setAccountOpen((open) => !open)}>
              Password
            </button>
            <button type="button" className={buttonStyles.secondary} onClick={() => void api.signOut()}>
              Sign out
            </button>
          </div>
        </div>
        {accountOpen && (
          <div className="mx-auto max-w-md px-4 pb-4">
            <ChangePasswordForm />
          </div>
        )}
      </header>
      <main id="main" className="mx-auto flex w-full max-w-7xl flex-1 flex-col px-4 py-4">
        {path.startsWith('/cards') ? <CardsPage /> : path.startsWith('/loops') ? <LoopsPage /> : <ConversationsPage />}
      </main>
    </div>
  );
}
