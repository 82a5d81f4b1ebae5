import { z } from 'zod';

/** A Scryfall card object. Only the fields Melvin relies on are named; the rest pass through untouched. */
export interface ScryfallCard {
  object: 'card';
  id: string;
  oracle_id?: string;
  name: string;
  [field: string]: unknown;
}

export interface ScryfallRuling {
  object: 'ruling';
  oracle_id: string;
  source: string;
  published_at: string;
  comment: string;
}

/** One page of results. */
export interface ScryfallList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  next_page?: string;
  total_cards?: number;
  warnings?: string[];
}

/** Downloads are driven by these fields, so they are checked rather than trusted. */
export const bulkDataEntrySchema = z.object({
  object: z.literal('bulk_data'),
  id: z.string(),
  /** e.g. "oracle_cards", "rulings". */
  type: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  updated_at: z.string(),
  download_uri: z.string().url(),
  /** Bytes of the file once decoded; absent in older answers. */
  size: z.number().int().nonnegative().optional(),
  content_type: z.string().optional(),
  content_encoding: z.string().optional(),
});
export type BulkDataEntry = z.infer<typeof bulkDataEntrySchema>;

export const scryfallProblemSchema = z.object({
  object: z.literal('error'),
  status: z.number().int(),
  details: z.string(),
  code: z.string().optional(),
  type: z.string().nullish().transform((value) => value ?? undefined),
  warnings: z.array(z.string()).nullish().transform((value) => value ?? undefined),
});
