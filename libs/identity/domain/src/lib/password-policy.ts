import { COMMON_PASSWORDS } from './common-passwords';
import { IdentityError } from './identity-error';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

interface Rule {
  code: string;
  message: string;
  broken: (password: string, username: string) => boolean;
}

const RULES: Rule[] = [
  { code: 'PASSWORD_TOO_SHORT', message: `Password must be at least ${MIN_PASSWORD_LENGTH} characters`, broken: (p) => p.length < MIN_PASSWORD_LENGTH },
  // bcrypt ignores everything past 72 bytes; a bound also keeps hashing time predictable.
  { code: 'PASSWORD_TOO_LONG', message: `Password must be at most ${MAX_PASSWORD_LENGTH} characters`, broken: (p) => p.length > MAX_PASSWORD_LENGTH || new TextEncoder().encode(p).length > 72 },
  { code: 'PASSWORD_NEEDS_UPPERCASE', message: 'Password needs an upper-case letter', broken: (p) => !/\p{Lu}/u.test(p) },
  { code: 'PASSWORD_NEEDS_LOWERCASE', message: 'Password needs a lower-case letter', broken: (p) => !/\p{Ll}/u.test(p) },
  { code: 'PASSWORD_NEEDS_DIGIT', message: 'Password needs a digit', broken: (p) => !/\d/.test(p) },
  { code: 'PASSWORD_NEEDS_SYMBOL', message: 'Password needs a symbol', broken: (p) => !/[^\p{L}\d]/u.test(p) },
  {
    code: 'PASSWORD_CONTAINS_USERNAME',
    message: 'Password must not contain the username',
    broken: (p, u) => u.length > 0 && p.toLowerCase().includes(u.toLowerCase()),
  },
  { code: 'PASSWORD_TOO_COMMON', message: 'Password is too common; choose another', broken: (p) => COMMON_PASSWORDS.has(p.toLowerCase()) },
];

/** The first policy rule `password` breaks, or undefined when it is acceptable. */
export function findPasswordProblem(password: string, username: string): { code: string; message: string } | undefined {
  const rule = RULES.find((candidate) => candidate.broken(password, username));
  return rule ? { code: rule.code, message: rule.message } : undefined;
}

export function assertAcceptablePassword(password: string, username: string): void {
  const problem = findPasswordProblem(password, username);
  if (problem) throw new IdentityError(400, problem.code, problem.message);
}
