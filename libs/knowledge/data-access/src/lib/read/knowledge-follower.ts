import type { KnowledgeReader } from '../store/knowledge-reader';

export interface FollowerLog {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

/**
 * Keeps an in-memory view built from the store's active releases, rebuilding it when the ingestion
 * worker activates a new release. The new view is built beside the old one and swapped in, so
 * readers never see a half-built view, and a failed rebuild keeps the old one.
 */
export class KnowledgeFollower<T> {
  private view: T | null = null;
  private loadedVersion: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;
  private firstLoad: Promise<void> | null = null;

  constructor(
    private readonly reader: KnowledgeReader,
    private readonly build: (reader: KnowledgeReader) => Promise<T>,
    private readonly log: FollowerLog,
    private readonly what: string,
  ) {}

  start(intervalMs: number): void {
    this.firstLoad = this.refresh();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  current(): T | null {
    return this.view;
  }

  async whenLoaded(): Promise<T | null> {
    await this.firstLoad;
    return this.view;
  }

  /** Checks the store's version and rebuilds when it moved; concurrent calls share one rebuild. */
  refresh(): Promise<void> {
    this.refreshing ??= this.rebuildIfChanged().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async rebuildIfChanged(): Promise<void> {
    try {
      const version = await this.reader.version();
      if (version === this.loadedVersion && this.view) return;
      const started = Date.now();
      this.view = await this.build(this.reader);
      this.loadedVersion = version;
      this.log.info(`${this.what} loaded`, { version, durationMs: Date.now() - started });
    } catch (error) {
      this.log.warn(`could not load the ${this.what}; keeping the previous one`, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
