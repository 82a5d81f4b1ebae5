import { IdentityError } from './identity-error';

const USERNAME_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

/** Usernames are unique regardless of case: `Ajani` and `ajani` are one account. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function assertValidUsername(username: string): void {
  if (!USERNAME_PATTERN.test(username)) {
    throw new IdentityError(400, 'INVALID_USERNAME', 'Username must be 3-32 characters: letters, digits, _ or -');
  }
}
