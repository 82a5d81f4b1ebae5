import { useState } from 'react';
import { SignInForm, StatusPage } from '@melvin/web/ui';
import { useApi } from '../api-context';
import { RequestAccountForm } from './request-account-form';

/** What someone not signed in sees: sign in or ask for an account, and whether Melvin is up. */
export function SignedOutPage() {
  const api = useApi();
  const [mode, setMode] = useState<'sign-in' | 'request'>('sign-in');
  return (
    <>
      <section aria-label="Account" className="mx-auto mt-10 max-w-md rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        {mode === 'sign-in' ? (
          <SignInForm heading="Sign in to Melvin" signIn={(username, password) => api.signIn(username, password)} />
        ) : (
          <RequestAccountForm onDone={() => setMode('sign-in')} />
        )}
        <p className="mt-4 text-center text-sm text-slate-600">
          {mode === 'sign-in' ? 'No account yet?' : 'Already have an account?'}{' '}
          <button type="button" className="font-medium text-indigo-700 underline" onClick={() => setMode(mode === 'sign-in' ? 'request' : 'sign-in')}>
            {mode === 'sign-in' ? 'Request one' : 'Sign in'}
          </button>
        </p>
      </section>
      <StatusPage title="Melvin" subtitle="Your Magic: The Gathering rules assistant — service status" />
    </>
  );
}
