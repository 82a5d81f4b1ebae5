import type { CardRuling } from '../model';
import { readScryfallRuling } from './scryfall-objects';

/**
 * Reduces one Scryfall ruling object to Melvin's CardRuling.
 * Throws MalformedRecordError, naming the field, when the object is not a usable ruling.
 */
export function toCardRuling(raw: unknown): CardRuling {
  const ruling = readScryfallRuling(raw);
  return {
    oracleId: ruling.oracle_id,
    source: ruling.source,
    publishedAt: ruling.published_at,
    comment: ruling.comment,
  };
}
