/**
 * A refusal the identity context explains to the caller. `status` is the HTTP status the
 * gateway answers with; `code` is stable and documented.
 */
export class IdentityError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

export const invalidCredentials = () => new IdentityError(401, 'INVALID_CREDENTIALS', 'Wrong username or password');
export const notFound = (what: string) => new IdentityError(404, 'NOT_FOUND', `${what} not found`);
