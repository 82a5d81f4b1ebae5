import { findPasswordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['Sh0rt!', 'PASSWORD_TOO_SHORT'],
    ['alllower1!', 'PASSWORD_NEEDS_UPPERCASE'],
    ['ALLUPPER1!', 'PASSWORD_NEEDS_LOWERCASE'],
    ['NoDigits!!', 'PASSWORD_NEEDS_DIGIT'],
    ['NoSymbols12', 'PASSWORD_NEEDS_SYMBOL'],
    ['Xx-jaceBeleren-9', 'PASSWORD_CONTAINS_USERNAME'],
    ['P@ssw0rd1', 'PASSWORD_TOO_COMMON'],
    [`Aa1!${'x'.repeat(130)}`, 'PASSWORD_TOO_LONG'],
  ])('rejects %s with %s', (password, code) => {
    expect(findPasswordProblem(password, 'JaceBeleren')?.code).toBe(code);
  });

  it('accepts a password that meets every rule', () => {
    expect(findPasswordProblem('Counter-Sp3ll!', 'JaceBeleren')).toBeUndefined();
  });
});
