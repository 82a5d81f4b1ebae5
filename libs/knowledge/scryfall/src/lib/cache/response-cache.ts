/**
 * Where answers from Scryfall are kept, keyed by their normalised URL. Scryfall asks clients to keep
 * what they fetch for a day instead of asking again; values are opaque strings to the cache.
 */
export interface ResponseCache {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}
