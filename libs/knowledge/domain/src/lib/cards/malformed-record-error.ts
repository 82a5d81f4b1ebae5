/**
 * A source record Melvin cannot use (no oracle id, no name, a field of the wrong kind).
 * Readers skip and count such records instead of aborting a whole file for one of them.
 */
export class MalformedRecordError extends Error {
  constructor(
    /** The offending field, as a path into the source object ("card_faces[1].name"). */
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'MalformedRecordError';
  }
}
