/** A query Melvin cannot read, pointing at the part to fix: `position` is where `token` starts. */
export class CardQuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly token: string,
  ) {
    super(message);
    this.name = 'CardQuerySyntaxError';
  }
}
