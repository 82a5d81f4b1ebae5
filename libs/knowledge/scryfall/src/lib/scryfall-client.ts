import { z } from 'zod';
import { downloadBulkFile, type ProgressListener } from './bulk/bulk-download';
import type { ResponseCache } from './cache/response-cache';
import { ScryfallTransport, type JsonAnswer, type RequestClass, type TransportOptions } from './http/scryfall-transport';
import type { ScryfallConfig } from './scryfall-env';
import { ScryfallAmbiguousNameError, ScryfallRequestError, type ScryfallProblem } from './scryfall-errors';
import {
  bulkDataEntrySchema,
  scryfallProblemSchema,
  type BulkDataEntry,
  type ScryfallCard,
  type ScryfallList,
  type ScryfallRuling,
} from './scryfall-types';

export interface ScryfallClientOptions extends TransportOptions {
  apiUrl: string;
  cacheTtlSeconds: number;
  /** How long "no such card" is remembered. */
  notFoundTtlSeconds: number;
}

export type NameQuery = { exact: string } | { fuzzy: string };

/** Settings from validated config. The retry policy is fixed: a few tries, starting one second apart. */
export function scryfallClientOptions(config: ScryfallConfig): ScryfallClientOptions {
  return {
    apiUrl: config.SCRYFALL_API_URL,
    userAgent: `Melvin/${config.MELVIN_VERSION} (+${config.SCRYFALL_CONTACT})`,
    timeoutMs: config.SCRYFALL_TIMEOUT_MS,
    offline: config.SCRYFALL_OFFLINE || !config.SCRYFALL_CONTACT,
    searchRequestsPerSecond: config.SCRYFALL_SEARCH_RPS,
    otherRequestsPerSecond: config.SCRYFALL_OTHER_RPS,
    rateLimitPauseMs: config.SCRYFALL_BACKOFF_MS,
    retries: 3,
    serverErrorDelayMs: 1_000,
    cacheTtlSeconds: config.SCRYFALL_CACHE_TTL_S,
    notFoundTtlSeconds: config.SCRYFALL_NOT_FOUND_TTL_S,
  };
}

export function createScryfallClient(config: ScryfallConfig, cache: ResponseCache): ScryfallClient {
  return new ScryfallClient(scryfallClientOptions(config), cache);
}

/** Scryfall ignores case and spacing in names, so "  lightning   BOLT" shares an answer with "Lightning Bolt". */
function asName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function problemOf(answer: JsonAnswer): ScryfallProblem {
  const parsed = scryfallProblemSchema.safeParse(answer.body);
  return parsed.success ? { ...parsed.data, status: answer.status } : { status: answer.status, details: `HTTP ${answer.status}` };
}

/** A 404 where Scryfall always has an answer is an error, not an empty result. */
function bodyOf(answer: JsonAnswer): unknown {
  if (answer.status === 404) throw new ScryfallRequestError(problemOf(answer));
  return answer.body;
}

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new ScryfallRequestError({ status: 200, details: `${what} did not have the expected shape` });
  return result.data;
}

const bulkDataListSchema = z.object({ data: z.array(bulkDataEntrySchema) });

/**
 * Melvin's only way to Scryfall: for fetching bulk files when online, and for looking up cards the local
 * copy does not have. Lookups are remembered (found and not found) so the same question is asked once a day.
 */
export class ScryfallClient {
  private readonly transport: ScryfallTransport;
  /** Identical lookups made at the same moment share one request. */
  private readonly inFlight = new Map<string, Promise<JsonAnswer>>();

  constructor(
    private readonly options: ScryfallClientOptions,
    private readonly cache: ResponseCache,
  ) {
    this.transport = new ScryfallTransport(options);
  }

  /** The card with this name, or null when there is none. A fuzzy name fitting several cards throws ScryfallAmbiguousNameError. */
  async named(query: NameQuery): Promise<ScryfallCard | null> {
    const [mode, name] = 'exact' in query ? ['exact', query.exact] : ['fuzzy', query.fuzzy];
    const answer = await this.cachedGet('/cards/named', { [mode]: asName(name) }, 'search');
    if (answer.status !== 404) return answer.body as ScryfallCard;
    const problem = problemOf(answer);
    if (problem.type === 'ambiguous') throw new ScryfallAmbiguousNameError(name, problem);
    return null;
  }

  /** Card names completing `partial`. Scryfall suggests nothing below two characters, so it is not asked. */
  async autocomplete(partial: string): Promise<string[]> {
    const q = asName(partial);
    if (q.length < 2) return [];
    const answer = await this.cachedGet('/cards/autocomplete', { q }, 'search');
    return (bodyOf(answer) as { data: string[] }).data;
  }

  /** One page of a search in Scryfall's syntax; no match gives an empty page. */
  async search(query: string, page = 1): Promise<ScryfallList<ScryfallCard>> {
    const params: Record<string, string> = { q: query.trim().replace(/\s+/g, ' ') };
    if (page > 1) params['page'] = String(page);
    const answer = await this.cachedGet('/cards/search', params, 'search');
    // Scryfall answers a search that matches nothing with a 404.
    if (answer.status !== 404) return answer.body as ScryfallList<ScryfallCard>;
    return { object: 'list', data: [], has_more: false, total_cards: 0, warnings: problemOf(answer).warnings };
  }

  /** The printing with this Scryfall id, or null when there is none. */
  async cardById(id: string): Promise<ScryfallCard | null> {
    const answer = await this.cachedGet(`/cards/${encodeURIComponent(id)}`, {}, 'other');
    return answer.status === 404 ? null : (answer.body as ScryfallCard);
  }

  /** Rulings on the card with this Scryfall id, or null when there is no such card. */
  async rulings(id: string): Promise<ScryfallRuling[] | null> {
    const answer = await this.cachedGet(`/cards/${encodeURIComponent(id)}/rulings`, {}, 'other');
    return answer.status === 404 ? null : (answer.body as ScryfallList<ScryfallRuling>).data;
  }

  /** Today's bulk files; not cached, as the ingestion worker asks to see whether a newer file exists. */
  async bulkDataList(): Promise<BulkDataEntry[]> {
    const body = bodyOf(await this.get(this.url('/bulk-data'), 'other'));
    return parsed(bulkDataListSchema, body, 'the bulk data list').data;
  }

  /** The bulk file of one type, e.g. "oracle_cards" or "rulings". */
  async bulkData(type: string): Promise<BulkDataEntry> {
    const body = bodyOf(await this.get(this.url(`/bulk-data/${encodeURIComponent(type)}`), 'other'));
    return parsed(bulkDataEntrySchema, body, `the ${type} bulk data entry`);
  }

  /** Downloads a bulk file into `destDir` and returns its path; the file appears only once complete. */
  downloadBulkFile(entry: BulkDataEntry, destDir: string, onProgress?: ProgressListener): Promise<string> {
    return downloadBulkFile(this.transport, entry, destDir, this.options.timeoutMs, onProgress);
  }

  /** Parameters sorted, so the same question always has the same URL and thus the same cache key. */
  private url(path: string, params: Record<string, string> = {}): URL {
    const url = new URL(this.options.apiUrl.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) url.searchParams.append(key, value);
    return url;
  }

  /** A found answer or a 404, from the cache when possible. Other failures throw and are not remembered. */
  private async cachedGet(path: string, params: Record<string, string>, kind: RequestClass): Promise<JsonAnswer> {
    const url = this.url(path, params);
    const key = url.pathname + url.search;
    const cached = await this.cache.get(key);
    if (cached !== null) return JSON.parse(cached) as JsonAnswer;

    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const request = this.get(url, kind).then(async (answer) => {
      const ttl = answer.status === 404 ? this.options.notFoundTtlSeconds : this.options.cacheTtlSeconds;
      await this.cache.set(key, JSON.stringify(answer), ttl);
      return answer;
    });
    this.inFlight.set(key, request);
    try {
      return await request;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** A success or a 404; every other status becomes a ScryfallRequestError with Scryfall's explanation. */
  private async get(url: URL, kind: RequestClass): Promise<JsonAnswer> {
    const answer = await this.transport.getJson(url, kind);
    if ((answer.status >= 200 && answer.status < 300) || answer.status === 404) return answer;
    throw new ScryfallRequestError(problemOf(answer));
  }
}
