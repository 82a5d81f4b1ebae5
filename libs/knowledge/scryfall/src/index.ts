export * from './lib/scryfall-env';
export * from './lib/scryfall-errors';
export type { ScryfallCard, ScryfallRuling, ScryfallList, BulkDataEntry } from './lib/scryfall-types';
export type { ResponseCache } from './lib/cache/response-cache';
export { MemoryResponseCache } from './lib/cache/memory-response-cache';
export { RedisResponseCache } from './lib/cache/redis-response-cache';
export type { DownloadProgress, ProgressListener } from './lib/bulk/bulk-download';
export {
  ScryfallClient,
  createScryfallClient,
  scryfallClientOptions,
  type NameQuery,
  type ScryfallClientOptions,
} from './lib/scryfall-client';
