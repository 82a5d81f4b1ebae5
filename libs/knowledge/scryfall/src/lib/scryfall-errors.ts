/** Scryfall could not be asked at all: Melvin carries on with the card data it already holds. */
export class ScryfallUnavailableError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Scryfall is unreachable (${reason}); Melvin is using its local data.`, options);
    this.name = 'ScryfallUnavailableError';
  }
}

/** What Scryfall says in its error object. */
export interface ScryfallProblem {
  status: number;
  /** Human-readable explanation written by Scryfall. */
  details: string;
  code?: string;
  /** Sub-kind of the failure, e.g. "ambiguous" for a fuzzy name matching several cards. */
  type?: string;
  warnings?: string[];
}

/** Scryfall answered, but with an error. */
export class ScryfallRequestError extends Error {
  readonly status: number;
  readonly details: string;
  readonly code?: string;
  readonly type?: string;
  readonly warnings: string[];

  constructor(problem: ScryfallProblem) {
    super(`Scryfall answered ${problem.status}: ${problem.details}`);
    this.name = 'ScryfallRequestError';
    this.status = problem.status;
    this.details = problem.details;
    this.code = problem.code;
    this.type = problem.type;
    this.warnings = problem.warnings ?? [];
  }
}

/** A fuzzy name that fits several cards: the user needs to say which one. */
export class ScryfallAmbiguousNameError extends ScryfallRequestError {
  constructor(
    readonly query: string,
    problem: ScryfallProblem,
  ) {
    super(problem);
    this.name = 'ScryfallAmbiguousNameError';
    this.message = `"${query}" fits more than one card: ${problem.details}`;
  }
}
