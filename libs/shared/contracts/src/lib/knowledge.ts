import { z } from 'zod';
import { envelopeSchema } from './envelope';

export const KNOWLEDGE_KINDS = ['rules', 'cards', 'rulings'] as const;
export const knowledgeKindSchema = z.enum(KNOWLEDGE_KINDS);
export type KnowledgeKindName = z.infer<typeof knowledgeKindSchema>;

/** A source path inside the worker's data directory: relative, no way out of it. */
const dataDirPath = z
  .string()
  .min(1)
  .max(300)
  .refine((path) => !path.startsWith('/') && !path.split(/[\\/]/).includes('..'), {
    message: 'must be a path relative to the data directory, without ..',
  });

/** Which files to ingest; a kind left out is taken from the newest matching file in the data directory. */
export const ingestKnowledgePayloadSchema = z
  .object({
    sources: z.object({ rules: dataDirPath, cards: dataDirPath, rulings: dataDirPath }).partial().strict().optional(),
    kinds: z.array(knowledgeKindSchema).min(1).optional(),
  })
  .strict();
export type IngestKnowledgePayload = z.infer<typeof ingestKnowledgePayloadSchema>;
export const ingestKnowledgeJobSchema = envelopeSchema(ingestKnowledgePayloadSchema);
export type IngestKnowledgeJob = z.infer<typeof ingestKnowledgeJobSchema>;

export const INGESTION_RUN_STATUSES = ['running', 'succeeded', 'unchanged', 'failed'] as const;

export const ingestionRunSchema = z.object({
  id: z.string(),
  kind: knowledgeKindSchema,
  status: z.enum(INGESTION_RUN_STATUSES),
  sourceName: z.string(),
  edition: z.string().nullable(),
  counts: z.record(z.number()),
  warnings: z.array(z.string()),
  error: z.string().nullable(),
  changes: z.record(z.unknown()).nullable(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});
export type IngestionRunView = z.infer<typeof ingestionRunSchema>;

export const ingestKnowledgeResultSchema = z.object({ runs: z.array(ingestionRunSchema) });
export type IngestKnowledgeResult = z.infer<typeof ingestKnowledgeResultSchema>;

export const listIngestionRunsRequestSchema = envelopeSchema(
  z.object({ limit: z.number().int().min(1).max(200).default(50), kind: knowledgeKindSchema.optional() }),
);

/** What the read side answers with; the gateway relays these unchanged. */
export const SEARCH_HIT_KINDS = ['rule', 'glossary', 'card', 'ruling'] as const;
export const searchHitKindSchema = z.enum(SEARCH_HIT_KINDS);

export const knowledgeSearchRequestSchema = envelopeSchema(
  z.object({
    query: z.string().trim().min(1).max(4000),
    k: z.number().int().min(1).max(100).default(10),
    kinds: z.array(searchHitKindSchema).min(1).optional(),
  }),
);

export const cardLookupRequestSchema = envelopeSchema(
  z.object({ name: z.string().trim().min(1).max(300), mode: z.enum(['exact', 'fuzzy']).default('fuzzy') }),
);

export const autocompleteRequestSchema = envelopeSchema(
  z.object({ text: z.string().trim().min(1).max(300), limit: z.number().int().min(1).max(20).default(20) }),
);

export const cardSearchRequestSchema = envelopeSchema(
  z.object({
    query: z.string().trim().min(1).max(1000),
    limit: z.number().int().min(1).max(175).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
    order: z.enum(['name', 'mv']).default('name'),
  }),
);

export const ruleLookupRequestSchema = envelopeSchema(z.object({ number: z.string().trim().min(1).max(20) }));
export const glossaryLookupRequestSchema = envelopeSchema(z.object({ term: z.string().trim().min(1).max(200) }));
