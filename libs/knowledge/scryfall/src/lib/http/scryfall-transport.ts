import Bottleneck from 'bottleneck';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScryfallRequestError, ScryfallUnavailableError } from '../scryfall-errors';
import { unreachable } from './network-failure';
import { RequestPause, retryAfterMs } from './request-pause';

/** Scryfall limits searches and name lookups more tightly than everything else. */
export type RequestClass = 'search' | 'other';

export interface TransportOptions {
  userAgent: string;
  timeoutMs: number;
  /** Fail every request at once without touching the network. */
  offline: boolean;
  searchRequestsPerSecond: number;
  otherRequestsPerSecond: number;
  /** How long every request waits after a 429 (longer when Scryfall's Retry-After says so). */
  rateLimitPauseMs: number;
  /** Further attempts after a 429 or a 5xx before giving up. */
  retries: number;
  /** First wait after a 5xx; doubled on each further attempt. */
  serverErrorDelayMs: number;
}

/** A JSON answer with its status; statuses that are not retried are left to the caller. */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

const ACCEPT = 'application/json;q=0.9,*/*;q=0.8';

/** Answers a limiter job gives when a 429 pause began while the job waited its turn. */
const HELD = Symbol('held by a rate-limit pause');

/** Every byte Melvin exchanges with Scryfall goes through here, with the headers and manners Scryfall asks for. */
export class ScryfallTransport {
  private readonly limiters: Record<RequestClass, Bottleneck>;
  private readonly pause = new RequestPause();

  constructor(private readonly options: TransportOptions) {
    this.limiters = {
      search: new Bottleneck({ minTime: Math.ceil(1000 / options.searchRequestsPerSecond) }),
      other: new Bottleneck({ minTime: Math.ceil(1000 / options.otherRequestsPerSecond) }),
    };
  }

  /** A GET to the API: spaced per class, held during a 429 pause, retried a few times on 429 and 5xx. */
  async getJson(url: URL, kind: RequestClass): Promise<JsonAnswer> {
    for (let attempt = 0; ; attempt++) {
      // The clock starts when the request leaves, not while it waits its turn or a pause.
      const response = await this.inTurn(kind, () => this.open(url, AbortSignal.timeout(this.options.timeoutMs)));
      const retriesLeft = attempt < this.options.retries;
      // Scryfall shuts the door on every request for a while after a 429, even when this one gives up.
      if (response.status === 429) {
        this.pause.extend(Math.max(this.options.rateLimitPauseMs, retryAfterMs(response.headers.get('retry-after'))));
      }
      if (response.status === 429 && retriesLeft) {
        await response.body?.cancel();
        continue;
      }
      if (response.status >= 500 && retriesLeft) {
        await response.body?.cancel();
        await sleep(this.options.serverErrorDelayMs * 2 ** attempt);
        continue;
      }
      return { status: response.status, body: await this.readJson(response) };
    }
  }

  /** One GET with Melvin's headers. `signal` bounds the wait; network failures become ScryfallUnavailableError. */
  async open(url: URL, signal: AbortSignal): Promise<Response> {
    if (this.options.offline) throw new ScryfallUnavailableError('offline mode is on (SCRYFALL_OFFLINE=true)');
    try {
      return await fetch(url, { headers: { 'User-Agent': this.options.userAgent, Accept: ACCEPT }, signal });
    } catch (error) {
      throw unreachable(error, this.options.timeoutMs);
    }
  }

  /**
   * Waits for this class's turn, then sends. A pause that starts while the job is queued sends it back to
   * wait again, so queued requests leave one by one after the pause instead of all at once.
   */
  private async inTurn(kind: RequestClass, send: () => Promise<Response>): Promise<Response> {
    for (;;) {
      await this.pause.over();
      const outcome = await this.limiters[kind].schedule<Response | typeof HELD>(async () => (this.pause.isActive() ? HELD : send()));
      if (outcome !== HELD) return outcome;
    }
  }

  private async readJson(response: Response): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw unreachable(error, this.options.timeoutMs);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new ScryfallRequestError({ status: response.status, details: 'the answer was not JSON' });
    }
  }
}
