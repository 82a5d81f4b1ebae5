import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { loadConfig } from '@melvin/shared/config';
import {
  createTestPostgres,
  dropTestMongo,
  dropTestPostgres,
  freePort,
  silentLogger,
  testEnvironment,
  testMongoUrl,
} from '@melvin/shared/testing';
import { migrateConversations } from '@melvin/conversation/data-access';
import { migrateKnowledge } from '@melvin/knowledge/data-access';
import { AppModule } from '../src/app/app.module';
import { LiveKnowledge } from '../src/app/knowledge/live-knowledge';
import { chatEnvSchema } from '../src/config/env.schema';

const { QDRANT_URL, OLLAMA_URL, MELVIN_TEST_REDIS_URL } = testEnvironment();

/** Boots chat on the real servers; `env` overrides (a dead Redis, AI back ends) come last. */
async function bootChat(postgresUrl: string, env: Record<string, string | undefined> = {}): Promise<INestApplication> {
  const config = loadConfig('chat', chatEnvSchema, {
    POSTGRES_URL: postgresUrl,
    MONGO_URL: testMongoUrl('chat_readiness'),
    REDIS_URL: MELVIN_TEST_REDIS_URL,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, silentLogger('chat'))],
  }).compile();
  const app = await moduleRef.createNestApplication({ logger: false }).init();
  await app.get(LiveKnowledge).whenLoaded();
  return app;
}

async function readiness(app: INestApplication): Promise<{ status: number; byName: Record<string, string> }> {
  const response = await request(app.getHttpServer()).get('/health/ready');
  const byName = Object.fromEntries(response.body.dependencies.map((d: { name: string; status: string }) => [d.name, d.status]));
  return { status: response.status, byName };
}

describe('chat readiness (real PostgreSQL, FerretDB, Redis)', () => {
  let postgresUrl: string;

  beforeAll(async () => {
    postgresUrl = await createTestPostgres('chat_readiness');
    await migrateKnowledge(postgresUrl);
    await migrateConversations(postgresUrl);
  });
  afterAll(async () => {
    await dropTestMongo('chat_readiness');
    await dropTestPostgres('chat_readiness');
  });

  it('is ready when PostgreSQL, MongoDB and Redis all answer', async () => {
    const app = await bootChat(postgresUrl);
    try {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body).toMatchObject({ service: 'chat', status: 'up' });
      expect(response.body.dependencies.map((d: { name: string }) => d.name).sort()).toEqual(['knowledge', 'mongodb', 'postgres', 'redis']);
      await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'up' });
    } finally {
      await app.close();
    }
  });

  it('answers 503 and names the dependency that is down', async () => {
    const nothingListens = `redis://127.0.0.1:${await freePort()}`;
    const app = await bootChat(postgresUrl, { REDIS_URL: nothingListens });
    try {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
      const redis = response.body.dependencies.find((d: { name: string }) => d.name === 'redis');
      expect(response.body.status).toBe('down');
      expect(redis).toMatchObject({ status: 'down', error: expect.any(String) });
      expect(response.body.dependencies.filter((d: { status: string }) => d.status === 'up').map((d: { name: string }) => d.name).sort()).toEqual([
        'knowledge',
        'mongodb',
        'postgres',
      ]);
    } finally {
      await app.close();
    }
  });

  // Qdrant and Ollama join readiness only when configured (the first test shows them absent).
  it('reports a configured but unreachable Qdrant and Ollama as down', async () => {
    const app = await bootChat(postgresUrl, {
      QDRANT_URL: `http://127.0.0.1:${await freePort()}`,
      OLLAMA_URL: `http://127.0.0.1:${await freePort()}`,
    });
    try {
      const { status, byName } = await readiness(app);
      expect(status).toBe(503);
      expect(byName).toMatchObject({ qdrant: 'down', ollama: 'down', postgres: 'up' });
    } finally {
      await app.close();
    }
  });

  // No Qdrant or Ollama can run on the build machines: these run only where a live server is given.
  const live = QDRANT_URL && OLLAMA_URL ? it : it.skip;
  if (!(QDRANT_URL && OLLAMA_URL)) {
    console.info('chat readiness: live Qdrant/Ollama test SKIPPED (set QDRANT_URL and OLLAMA_URL to run it)');
  }
  live('is ready with live Qdrant and Ollama servers', async () => {
    const app = await bootChat(postgresUrl, { QDRANT_URL, OLLAMA_URL });
    try {
      const { status, byName } = await readiness(app);
      expect(status).toBe(200);
      expect(byName).toMatchObject({ qdrant: 'up', ollama: 'up' });
    } finally {
      await app.close();
    }
  });
});
