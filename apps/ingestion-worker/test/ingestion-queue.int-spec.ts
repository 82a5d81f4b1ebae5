import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import { loadConfig, redisConnectionOptions } from '@melvin/shared/config';
import { IngestionJobs, Queues, scanSourcesResultSchema } from '@melvin/shared/contracts';
import { migrateKnowledge } from '@melvin/knowledge/data-access';
import { createTestPostgres, deleteTestRedisKeys, dropTestPostgres, silentLogger, testEnvironment, testRedisPrefix } from '@melvin/shared/testing';
import { AppModule } from '../src/app/app.module';
import { ingestionWorkerEnvSchema } from '../src/config/env.schema';

describe('ingestion queue (real Redis, real data directory)', () => {
  const prefix = testRedisPrefix('ingestion_queue');
  const { MELVIN_TEST_REDIS_URL: redisUrl, MELVIN_DATA_DIR: dataDir } = testEnvironment();
  const connection = { ...redisConnectionOptions(redisUrl), maxRetriesPerRequest: null };
  let app: INestApplication;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    const postgresUrl = await createTestPostgres('ingestion_queue');
    await migrateKnowledge(postgresUrl);
    const config = loadConfig('ingestion-worker', ingestionWorkerEnvSchema, {
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      POSTGRES_URL: postgresUrl,
      DATA_DIR: dataDir,
      // This suite drives the queue itself: no first load, no schedule.
      KNOWLEDGE_INGEST_ON_BOOT: 'false',
      KNOWLEDGE_REFRESH_CRON: 'off',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config, silentLogger('ingestion-worker'))],
    }).compile();
    app = await moduleRef.createNestApplication({ logger: false }).init();
    queue = new Queue(Queues.ingestion, { connection, prefix });
    events = new QueueEvents(Queues.ingestion, { connection, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.close();
    await app.close();
    await deleteTestRedisKeys(prefix);
    await dropTestPostgres('ingestion_queue');
  });

  it('inventories every known source in the data directory, with progress', async () => {
    const job = await queue.add(IngestionJobs.scanSources, { correlationId: 'int-scan', data: {} });
    const result = scanSourcesResultSchema.parse(await job.waitUntilFinished(events, 60_000));
    const kinds = new Set(result.files.map((file) => file.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['comprehensive-rules', 'scryfall-oracle-cards', 'scryfall-rulings', 'rules-qa']));
    const rules = result.files.find((file) => file.path.endsWith('MagicCompRules 20260417.txt'));
    expect(rules).toMatchObject({ kind: 'comprehensive-rules', bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(result.unrecognised).toContain('README.md');
    expect((await queue.getJob(job.id as string))?.progress).toBe(100);
  });

  it('rejects a payload without a correlation id instead of guessing', async () => {
    const job = await queue.add(IngestionJobs.scanSources, { data: {} }, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/correlationId/);
  });

  it('reports the depth of the queue it owns on /metrics', async () => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.text).toMatch(/queue_jobs\{queue="ingestion",state="completed"\} 1/);
    expect(response.text).toContain('process_cpu_seconds_total');
  });
});
