/** A source file that cannot be read to its end: not a JSON array, truncated, or corrupt. */
export class SourceFileError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    /** How far reading got, so an operator can find the damage. */
    readonly position: { itemsRead: number; bytesRead: number; totalBytes: number },
  ) {
    super(
      `${path}: ${problem} (after ${position.itemsRead} array items, ` +
        `${position.bytesRead} of ${position.totalBytes} bytes read from disk)`,
    );
    this.name = 'SourceFileError';
  }
}
