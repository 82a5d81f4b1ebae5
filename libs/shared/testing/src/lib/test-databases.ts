import Redis from 'ioredis';
import mongoose from 'mongoose';
import { Client } from 'pg';
import { testEnvironment, testResourceName } from './test-environment';

async function withMaintenanceClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testEnvironment().MELVIN_TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database for one suite; returns its URL. */
export async function createTestPostgres(suffix: string): Promise<string> {
  const name = testResourceName(suffix);
  await withMaintenanceClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(testEnvironment().MELVIN_TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.href;
}

export async function dropTestPostgres(suffix: string): Promise<void> {
  const name = testResourceName(suffix);
  await withMaintenanceClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The URL of a MongoDB database for one suite (created on first write). */
export function testMongoUrl(suffix: string, baseUrl = testEnvironment().MELVIN_TEST_MONGO_URL): string {
  const url = new URL(baseUrl);
  url.pathname = `/${testResourceName(suffix)}`;
  return url.href;
}

export async function dropTestMongo(suffix: string, baseUrl?: string): Promise<void> {
  const connection = await mongoose.createConnection(testMongoUrl(suffix, baseUrl), { serverSelectionTimeoutMS: 5_000 }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

/** A Redis key prefix for one suite: BullMQ keys and any cache keys live under it. */
export function testRedisPrefix(suffix: string): string {
  return testResourceName(suffix).replace(/_/g, '-');
}

export async function deleteTestRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(testEnvironment().MELVIN_TEST_REDIS_URL);
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 500 })) keys.push(...(batch as string[]));
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
