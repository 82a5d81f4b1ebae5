import { useState, type FormEvent } from 'react';
import { errorMessage } from './admin-api';
import { useAdminApi } from './admin-session';

/** Operators sign in with the account created by `melvin admin create` (or promoted later). */
export function SignInForm() {
  const api = useAdminApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.signIn(username.trim(), password);
    } catch (reason) {
      setError(errorMessage(reason));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="sign-in-heading" className="mx-auto max-w-sm space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="sign-in-heading" className="text-lg font-semibold">
        Sign in as an admin
      </h2>
      <label className="block text-sm">
        <span className="font-medium">Username</span>
        <input
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          className="mt-1 block w-full rounded-md border-0 px-3 py-1.5 ring-1 ring-slate-300 focus:ring-2 focus:ring-slate-800"
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          className="mt-1 block w-full rounded-md border-0 px-3 py-1.5 ring-1 ring-slate-300 focus:ring-2 focus:ring-slate-800"
        />
      </label>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:opacity-60"
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
