import { OllamaAbortedError, OllamaBusyError } from './ollama-errors';

export interface ConcurrencyGateOptions {
  /** Requests Ollama works on at once; more only slow each other down on one GPU. */
  maxConcurrent: number;
  /** Requests that may wait for a slot; beyond this, callers are turned away at once. */
  maxQueue: number;
}

export interface AcquireOptions {
  /** Gives up waiting (the user left); the place in line goes to the next caller. */
  signal?: AbortSignal;
  /** Called with the 1-based place in line on joining it and each time it moves up. */
  onQueued?: (position: number) => void;
}

/** Hands the slot back; calling it more than once does nothing. */
export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  onQueued?: (position: number) => void;
}

/**
 * Keeps Ollama from being asked for more answers than it can write at once, with a bounded,
 * first-come line for the rest, so a user can be told they are waiting and an overloaded
 * server says "busy" at once instead of letting requests time out.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: ConcurrencyGateOptions) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  acquire({ signal, onQueued }: AcquireOptions = {}): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new OllamaAbortedError('', { cause: signal.reason }));
    if (this.active < this.options.maxConcurrent) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.options.maxQueue) {
      return Promise.reject(new OllamaBusyError(this.options.maxConcurrent, this.options.maxQueue));
    }
    return new Promise<Release>((resolve, reject) => {
      const leave = () => {
        this.remove(waiter);
        reject(new OllamaAbortedError('', { cause: signal?.reason }));
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', leave);
          resolve(release);
        },
        onQueued,
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting.push(waiter);
      notify(waiter, this.waiting.length);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `active` stays as it is.
      if (next) {
        next.grant(this.releaser());
        this.announcePositions();
      } else {
        this.active--;
      }
    };
  }

  private remove(waiter: Waiter): void {
    const index = this.waiting.indexOf(waiter);
    if (index < 0) return;
    this.waiting.splice(index, 1);
    this.announcePositions(index);
  }

  private announcePositions(from = 0): void {
    this.waiting.slice(from).forEach((waiter, i) => notify(waiter, from + i + 1));
  }
}

function notify(waiter: Waiter, position: number): void {
  try {
    waiter.onQueued?.(position);
  } catch {
    // A failing progress callback must not cost anyone their place in line.
  }
}
