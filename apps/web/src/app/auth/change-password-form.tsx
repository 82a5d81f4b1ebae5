import { useState, type FormEvent } from 'react';
import type { Session } from '@melvin/shared/contracts';
import { buttonStyles, ErrorNotice, errorMessage, inputStyles, labelStyles } from '@melvin/web/ui';
import { useApi } from '../api-context';

/** Changes the password; `required` when an admin-issued temporary password must be replaced first. */
export function ChangePasswordForm({ required = false, onDone }: { required?: boolean; onDone?: () => void }) {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Every other session ends; this one continues with the fresh tokens.
      const session = await api.post<Session>('/api/me/password', { currentPassword: current, newPassword: next });
      api.session.set(session);
      setDone(true);
      setCurrent('');
      setNext('');
      onDone?.();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-xl font-semibold">
        Change your password
      </h2>
      {required && <p className="text-sm text-slate-700">Your password was reset by an admin. Choose a new one to continue.</p>}
      <div>
        <label htmlFor="password-current" className={labelStyles}>
          Current password
        </label>
        <input id="password-current" type="password" autoComplete="current-password" required className={`${inputStyles} mt-1`} value={current} onChange={(event) => setCurrent(event.target.value)} />
      </div>
      <div>
        <label htmlFor="password-new" className={labelStyles}>
          New password
        </label>
        <input id="password-new" type="password" autoComplete="new-password" required className={`${inputStyles} mt-1`} value={next} onChange={(event) => setNext(event.target.value)} />
      </div>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {done && !error && <p role="status" className="text-sm text-emerald-700">Password changed.</p>}
      <div className="flex gap-2">
        <button type="submit" className={buttonStyles.primary} disabled={busy}>
          Change password
        </button>
        {required && (
          <button type="button" className={buttonStyles.secondary} onClick={() => void api.signOut()}>
            Sign out
          </button>
        )}
      </div>
    </form>
  );
}
