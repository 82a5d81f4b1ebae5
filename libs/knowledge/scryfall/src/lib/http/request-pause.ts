import { setTimeout as sleep } from 'node:timers/promises';

/** A moment before which no request may leave, shared by every kind of request. */
export class RequestPause {
  private until = 0;

  /** Lengthens the pause to at least `ms` from now; never shortens one already running. */
  extend(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms);
  }

  isActive(): boolean {
    return Date.now() < this.until;
  }

  async over(): Promise<void> {
    while (this.isActive()) await sleep(this.until - Date.now());
  }
}

/** Retry-After in ms, given as seconds or as an HTTP date; 0 when absent or unreadable. */
export function retryAfterMs(header: string | null): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}
