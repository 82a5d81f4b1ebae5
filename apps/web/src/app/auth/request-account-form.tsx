import { useState, type FormEvent } from 'react';
import { buttonStyles, ErrorNotice, errorMessage, inputStyles, labelStyles } from '@melvin/web/ui';
import { useApi } from '../api-context';

/** Asks for an account; an admin approves it before the user can sign in. */
export function RequestAccountForm({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState('busy');
    setError(null);
    try {
      await api.post('/api/auth/requests', { username: username.trim(), password, ...(note.trim() ? { note: note.trim() } : {}) });
      setState('sent');
    } catch (failure) {
      setError(errorMessage(failure));
      setState('idle');
    }
  };

  if (state === 'sent') {
    return (
      <div role="status" className="space-y-3">
        <h2 className="text-xl font-semibold">Request sent</h2>
        <p className="text-sm text-slate-700">An admin will look at it. Once approved, you can sign in with the username and password you chose.</p>
        <button type="button" className={buttonStyles.secondary} onClick={onDone}>
          Back to sign in
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-labelledby="request-heading">
      <h2 id="request-heading" className="text-xl font-semibold">
        Request an account
      </h2>
      <div>
        <label htmlFor="request-username" className={labelStyles}>
          Username
        </label>
        <input id="request-username" className={`${inputStyles} mt-1`} autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
        <p className="mt-1 text-xs text-slate-500">3–32 letters, digits, _ or -</p>
      </div>
      <div>
        <label htmlFor="request-password" className={labelStyles}>
          Password
        </label>
        <input
          id="request-password"
          type="password"
          className={`${inputStyles} mt-1`}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p className="mt-1 text-xs text-slate-500">At least 8 characters with upper and lower case, a digit and a symbol</p>
      </div>
      <div>
        <label htmlFor="request-note" className={labelStyles}>
          Note for the admin (optional)
        </label>
        <textarea id="request-note" rows={2} maxLength={500} className={`${inputStyles} mt-1`} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      <button type="submit" className={`${buttonStyles.primary} w-full`} disabled={state === 'busy'}>
        Send request
      </button>
    </form>
  );
}
