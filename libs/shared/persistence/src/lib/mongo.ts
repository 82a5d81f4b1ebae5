import type { Connection } from 'mongoose';
import type { DependencyCheck } from '@melvin/shared/observability';

/** Fail fast when MongoDB is away instead of buffering commands for the driver's default 30 s. */
export const MONGO_CONNECTION_OPTIONS = {
  serverSelectionTimeoutMS: 5_000,
  // FerretDB and small single-node installs have no replica set: keep writes simple.
  retryWrites: false,
} as const;

export function mongoCheck(connection: Connection): DependencyCheck {
  return {
    name: 'mongodb',
    async check() {
      if (!connection.db) throw new Error('not connected');
      await connection.db.admin().ping();
    },
  };
}
