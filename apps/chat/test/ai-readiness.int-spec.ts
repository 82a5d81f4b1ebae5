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
import { AppModule } from '../src/app/app.module';
import { chatEnvSchema } from '../src/config/env.schema';

const SUFFIX = 'chat_ai_readiness';
const { QDRANT_URL, OLLAMA_URL, MELVIN_TEST_REDIS_URL } = testEnvironment();

async function bootChat(postgresUrl: string, ai: { QDRANT_URL?: string; OLLAMA_URL?: string }): Promise<INestApplication> {
  const config = loadConfig('chat', chatEnvSchema, { POSTGRES_URL: postgresUrl, MONGO_URL: testMongoUrl(SUFFIX), REDIS_URL: MELVIN_TEST_REDIS_URL, ...ai });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, silentLogger('chat'))] }).compile();
  return moduleRef.createNestApplication({ logger: false }).init();
}

async function readiness(app: INestApplication): Promise<{ status: number; byName: Record<string, string> }> {
  const response = await request(app.getHttpServer()).get('/health/ready');
  const byName = Object.fromEntries(response.body.dependencies.map((d: { name: string; status: string }) => [d.name, d.status]));
  return { status: response.status, byName };
}

/** Qdrant and Ollama join readiness only when configured. */
describe('chat readiness with the optional AI back ends', () => {
  let postgresUrl: string;

  beforeAll(async () => {
    postgresUrl = await createTestPostgres(SUFFIX);
  });
  afterAll(async () => {
    await dropTestMongo(SUFFIX);
    await dropTestPostgres(SUFFIX);
  });

  it('does not depend on Qdrant or Ollama when neither is configured', async () => {
    const app = await bootChat(postgresUrl, {});
    try {
      const { status, byName } = await readiness(app);
      expect(status).toBe(200);
      expect(Object.keys(byName).sort()).toEqual(['mongodb', 'postgres', 'redis']);
    } finally {
      await app.close();
    }
  });

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
