import { useId, useState } from 'react';
import { ErrorNotice } from '../controls/notice';
import { accentButtonStyles, type Accent } from '../controls/styles';
import { TextField } from '../controls/text-field';
import { useFormSubmit } from '../controls/use-form-submit';

export interface SignInFormProps {
  /** The form's heading, e.g. `Sign in to Melvin`. */
  heading: string;
  /**
   * Called with the typed username (trimmed) and password. The app's session change then replaces the
   * form; a rejection (a wrong password, or an app refusing the account, such as the admin console
   * refusing a non-admin) is shown under the form in the error's own words.
   */
  signIn: (username: string, password: string) => Promise<unknown>;
  /** Colour of the Sign in button; `indigo` unless given. */
  accent?: Accent;
  /** Extra classes for the form, e.g. a card around it where the page has none. */
  className?: string;
}

/** Username and password, one request at a time; shared by the web app and the admin console. */
export function SignInForm({ heading, signIn, accent = 'indigo', className = '' }: SignInFormProps) {
  const headingId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // On success the app's session change replaces the form.
  const { busy, error, submit } = useFormSubmit(() => signIn(username.trim(), password));

  return (
    <form onSubmit={submit} className={`space-y-4 ${className}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="text-xl font-semibold">
        {heading}
      </h2>
      <TextField label="Username" name="username" autoComplete="username" required value={username} onChange={setUsername} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={setPassword} />
      {error && <ErrorNotice>{error}</ErrorNotice>}
      <button type="submit" className={`${accentButtonStyles(accent)} w-full`} disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
