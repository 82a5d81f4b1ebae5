import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DependencyCheck } from '@melvin/shared/observability';

export interface PostgresOptions {
  url: string;
  /** Entity classes are listed explicitly: the services are bundled, so globs find nothing. */
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  /** Each bounded context keeps its own migration history table. */
  migrationsTableName: string;
}

/** Schema changes only ever come from migrations (`npm run migrate`), never from `synchronize`. */
export function postgresDataSourceOptions(options: PostgresOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: options.migrationsTableName,
    synchronize: false,
    migrationsRun: false,
    connectTimeoutMS: 5_000,
    extra: { max: 10 },
  };
}

export function postgresCheck(dataSource: DataSource): DependencyCheck {
  return {
    name: 'postgres',
    async check() {
      await dataSource.query('SELECT 1');
    },
  };
}

/** Applies a context's pending migrations; returns the names of those it ran. */
export async function applyMigrations(options: DataSourceOptions): Promise<string[]> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
