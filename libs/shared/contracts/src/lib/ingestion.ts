import { z } from 'zod';
import { envelopeSchema } from './envelope';

/** BullMQ queue names (wire format: shared by producers and consumers). */
export const Queues = {
  ingestion: 'ingestion',
  /** Deck analyses: long enough to need a job, progress and polling. */
  loopAnalysis: 'loop-analysis',
} as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];

/** Job names on the ingestion queue. */
export const IngestionJobs = {
  /** Inventories the data directory: which known sources are present, their size and checksum. */
  scanSources: 'scan-sources',
  /** Loads the CR, Scryfall cards and rulings into the knowledge store (a new release per changed source). */
  ingestKnowledge: 'ingest-knowledge',
} as const;
export type IngestionJobName = (typeof IngestionJobs)[keyof typeof IngestionJobs];

export const scanSourcesPayloadSchema = z.object({}).strict();
export const scanSourcesJobSchema = envelopeSchema(scanSourcesPayloadSchema);
export type ScanSourcesJob = z.infer<typeof scanSourcesJobSchema>;

export const sourceFileSchema = z.object({
  path: z.string(),
  kind: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type SourceFile = z.infer<typeof sourceFileSchema>;

export const scanSourcesResultSchema = z.object({
  dataDir: z.string(),
  files: z.array(sourceFileSchema),
  unrecognised: z.array(z.string()),
});
export type ScanSourcesResult = z.infer<typeof scanSourcesResultSchema>;

export const jobStateSchema = z.enum([
  'waiting',
  'delayed',
  'active',
  'completed',
  'failed',
  'prioritized',
  'waiting-children',
  'unknown',
]);

export const jobStatusRequestSchema = envelopeSchema(z.object({ jobId: z.string().min(1).max(64) }));
export type JobStatusRequest = z.infer<typeof jobStatusRequestSchema>;

export const jobStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: jobStateSchema,
  progress: z.number().min(0).max(100),
  result: z.unknown().optional(),
  failedReason: z.string().optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;
