import { z } from 'zod';
import { actorSchema } from './identity';
import { envelopeSchema } from './envelope';

/** Most cards one synchronous analysis takes; bigger sets go through a deck job. */
export const MAX_SYNC_LOOP_CARDS = 10;
/** A pasted decklist: a 100-card list with set codes is ~4 kB; this leaves room for comments. */
export const MAX_DECKLIST_CHARS = 20_000;

const cardName = z.string().trim().min(1).max(200);

export const analyseCardsRequestSchema = envelopeSchema(
  z.object({ actor: actorSchema, cards: z.array(cardName).min(1).max(MAX_SYNC_LOOP_CARDS) }),
);
export type AnalyseCardsRequest = z.infer<typeof analyseCardsRequestSchema>['data'];

export const analyseDeckPayloadSchema = z.object({
  actor: actorSchema,
  decklist: z.string().min(1).max(MAX_DECKLIST_CHARS),
  title: z.string().trim().max(120).optional(),
  /** Also look for cards from the Commander pool that would complete a loop. */
  oneCardAway: z.boolean().default(true),
});
export type AnalyseDeckPayload = z.infer<typeof analyseDeckPayloadSchema>;
export const analyseDeckJobSchema = envelopeSchema(analyseDeckPayloadSchema.extend({ analysisId: z.string() }));
export type AnalyseDeckJob = z.infer<typeof analyseDeckJobSchema>;
export const analyseDeckRequestSchema = envelopeSchema(analyseDeckPayloadSchema);

export const LOOP_EXPORT_FORMATS = ['json', 'mermaid', 'dot'] as const;

export const analysisByIdRequestSchema = envelopeSchema(
  z.object({ actor: actorSchema, id: z.string().regex(/^[a-f0-9]{24}$/, 'not an analysis id'), format: z.enum(LOOP_EXPORT_FORMATS).optional() }),
);
export const listAnalysesRequestSchema = envelopeSchema(
  z.object({ actor: actorSchema, limit: z.number().int().min(1).max(100).default(20), before: z.string().datetime().optional() }),
);

/** Deck jobs: produced by the gateway, consumed by loop-analysis. */
export const LoopJobs = {
  analyseDeck: 'analyse-deck',
} as const;
