/** Reports a fraction in [0, 1] of the current source. */
export type ProgressListener = (fraction: number) => void;

/** Where warnings about skipped records also go (the service logger in production). */
export interface IngestionLog {
  warn(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
}

export const SILENT_LOG: IngestionLog = { warn: () => undefined, info: () => undefined };

/** Warnings kept on a run record; the rest are counted, so a badly broken file cannot bloat the table. */
export const MAX_STORED_WARNINGS = 100;

export class WarningList {
  readonly stored: string[] = [];
  total = 0;

  constructor(
    private readonly log: IngestionLog,
    private readonly source: string,
  ) {}

  add(message: string, position?: number): void {
    this.total += 1;
    if (this.stored.length < MAX_STORED_WARNINGS) this.stored.push(message);
    this.log.warn(`skipped a record of ${this.source}: ${message}`, { source: this.source, position });
  }

  summary(): string[] {
    const hidden = this.total - this.stored.length;
    return hidden > 0 ? [...this.stored, `… and ${hidden} more`] : this.stored;
  }
}

/** "oracle-cards-20260306.json.gz" → "2026-03-06": the best edition label a bulk file offers. */
export function dateInFileName(fileName: string): string | null {
  const match = /(20\d{2})[-_]?(\d{2})[-_]?(\d{2})/.exec(fileName);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
