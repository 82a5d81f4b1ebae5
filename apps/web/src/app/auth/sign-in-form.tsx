import { useState, type FormEvent } from 'react';
import { buttonStyles, ErrorNotice, errorMessage, inputStyles, labelStyles } from '@melvin/web/ui';
import { useApi } from '../api-context';

export function SignInForm() {
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.signIn(username.trim(), password);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" className="text-xl font-semibold">
        Sign in to Melvin
      </h2>
      <div>
        <label htmlFor="sign-in-username" className={labelStyles}>
          Username
        </label>
        <input id="sign-in-username" className={`${inputStyles} mt-1`} autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
      </div>
      <div>
        <label htmlFor="sign-in-password" className={labelStyles}>
          Password
        </label>
        <input
          id="sign-in-password"
          type="password"
          className={`${inputStyles} mt-1`}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      <button type="submit" className={`${buttonStyles.primary} w-full`} disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
