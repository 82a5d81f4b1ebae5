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

async function bootChat(redisUrl: string, postgresUrl: string): Promise<INestApplication> {
  const config = loadConfig('chat', chatEnvSchema, {
    POSTGRES_URL: postgresUrl,
    MONGO_URL: testMongoUrl('chat_readiness'),
    REDIS_URL: redisUrl,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, silentLogger('chat'))],
  }).compile();
  return moduleRef.createNestApplication({ logger: false }).init();
}

describe('chat readiness (real PostgreSQL, FerretDB, Redis)', () => {
  let postgresUrl: string;

  beforeAll(async () => {
    postgresUrl = await createTestPostgres('chat_readiness');
  });
  afterAll(async () => {
    await dropTestMongo('chat_readiness');
    await dropTestPostgres('chat_readiness');
  });

  it('is ready when PostgreSQL, MongoDB and Redis all answer', async () => {
    const app = await bootChat(testEnvironment().MELVIN_TEST_REDIS_URL, postgresUrl);
    try {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body).toMatchObject({ service: 'chat', status: 'up' });
      expect(response.body.dependencies.map((d: { name: string }) => d.name).sort()).toEqual(['mongodb', 'postgres', 'redis']);
      await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'up' });
    } finally {
      await app.close();
    }
  });

  it('answers 503 and names the dependency that is down', async () => {
    const nothingListens = `redis://127.0.0.1:${await freePort()}`;
    const app = await bootChat(nothingListens, postgresUrl);
    try {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
      const redis = response.body.dependencies.find((d: { name: string }) => d.name === 'redis');
      expect(response.body.status).toBe('down');
      expect(redis).toMatchObject({ status: 'down', error: expect.any(String) });
      expect(response.body.dependencies.filter((d: { status: string }) => d.status === 'up').map((d: { name: string }) => d.name).sort()).toEqual([
        'mongodb',
        'postgres',
      ]);
    } finally {
      await app.close();
    }
  });
});
