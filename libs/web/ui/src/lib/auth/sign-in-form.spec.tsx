import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInForm } from './sign-in-form';

afterEach(cleanup);

function fillIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('signs in with the trimmed username and stays busy while the app moves on', async () => {
    const signIn = vi.fn(() => Promise.resolve());
    render(<SignInForm heading="Sign in to Melvin" signIn={signIn} />);
    expect(screen.getByRole('form', { name: 'Sign in to Melvin' })).toBeTruthy();

    fillIn('  judge ', ' secret ');

    expect(signIn).toHaveBeenCalledWith('judge', ' secret ');
    const button = await screen.findByRole('button', { name: 'Signing in…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows why a sign-in was refused and lets the user try again', async () => {
    const signIn = vi.fn(() => Promise.reject(new Error('This account is not an admin.')));
    render(<SignInForm heading="Sign in as an admin" signIn={signIn} accent="slate" />);

    fillIn('player', 'secret');

    expect((await screen.findByRole('alert')).textContent).toBe('This account is not an admin.');
    const button = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(button.className).toContain('bg-slate-800');
  });
});
