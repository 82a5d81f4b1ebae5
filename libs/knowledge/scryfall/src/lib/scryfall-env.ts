import { z } from 'zod';
import { flag, positiveInt, urlWithProtocol } from '@melvin/shared/config';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isWebAddress(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Requests per second, allowed below Scryfall's published ceiling but never above it. */
const requestsPerSecond = (ceiling: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .positive('must be positive')
    .max(ceiling, `must be at most ${ceiling}: Scryfall's published limit for these requests`)
    .default(ceiling);

/** A whole number with a floor Scryfall asks for, so an operator cannot tune Melvin into being rude. */
const atLeast = (floor: number, why: string) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .min(floor, `must be at least ${floor}: ${why}`)
    .default(floor);

/** Env fields of the Scryfall client; a service spreads them into its schema next to `runtimeEnv`. */
export const scryfallEnv = {
  SCRYFALL_API_URL: urlWithProtocol('http:', 'https:').default('https://api.scryfall.com'),
  /**
   * Sent in the User-Agent so Scryfall can reach whoever runs this Melvin instead of blocking it.
   * Without one Melvin stays offline: it never calls Scryfall anonymously.
   */
  SCRYFALL_CONTACT: z
    .string()
    .trim()
    .refine((value) => isWebAddress(value) || EMAIL.test(value), {
      message: 'must be a web address or e-mail address where Scryfall can reach the operator',
    })
    .optional(),
  SCRYFALL_SEARCH_RPS: requestsPerSecond(2),
  SCRYFALL_OTHER_RPS: requestsPerSecond(10),
  SCRYFALL_BACKOFF_MS: atLeast(30_000, 'Scryfall refuses a client for 30 s after a 429'),
  SCRYFALL_CACHE_TTL_S: atLeast(86_400, 'Scryfall asks clients to keep its answers for 24 hours'),
  /** Shorter than the TTL of found cards: a card spoiled today should show up soon. */
  SCRYFALL_NOT_FOUND_TTL_S: positiveInt(3_600),
  SCRYFALL_TIMEOUT_MS: positiveInt(10_000),
  /** Never contact Scryfall; lookups of cards missing locally fail at once. */
  SCRYFALL_OFFLINE: flag(false),
};

export type ScryfallEnv = z.infer<z.ZodObject<typeof scryfallEnv>>;

/** What `createScryfallClient` reads: the Scryfall fields plus the version every service has. */
export type ScryfallConfig = ScryfallEnv & { MELVIN_VERSION: string };
