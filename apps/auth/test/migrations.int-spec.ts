import { DataSource } from 'typeorm';
import { AuditEvent, IDENTITY_MIGRATIONS, identityDataSourceOptions, migrateIdentity } from '@melvin/identity/data-access';
import { createTestPostgres, dropTestPostgres } from '@melvin/shared/testing';

describe('identity migrations (real PostgreSQL)', () => {
  let postgresUrl: string;

  beforeAll(async () => {
    postgresUrl = await createTestPostgres('auth_migrations');
  });
  afterAll(() => dropTestPostgres('auth_migrations'));

  it('creates the schema on an empty database, then finds nothing left to apply', async () => {
    expect(await migrateIdentity(postgresUrl)).toEqual(IDENTITY_MIGRATIONS.map((migration) => migration.name));
    expect(await migrateIdentity(postgresUrl)).toEqual([]);
  });

  it('can be reverted step by step to an empty schema, and applied again', async () => {
    const dataSource = await new DataSource(identityDataSourceOptions(postgresUrl)).initialize();
    const tables = async () =>
      (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
        (row: { table_name: string }) => row.table_name,
      );
    try {
      expect(await tables()).toEqual(['audit_events', 'identity_migrations', 'password_reset_tokens', 'refresh_tokens', 'user_accounts']);
      for (const _migration of IDENTITY_MIGRATIONS) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual(['identity_migrations']);
    } finally {
      await dataSource.destroy();
    }
    expect(await migrateIdentity(postgresUrl)).toHaveLength(IDENTITY_MIGRATIONS.length);
  });

  it('leaves a schema the entities can write to and read from', async () => {
    const dataSource = await new DataSource(identityDataSourceOptions(postgresUrl)).initialize();
    try {
      const audit = dataSource.getRepository(AuditEvent);
      await audit.insert({ occurredAt: new Date(), action: 'account.approved', actor: 'admin', target: 'newcomer', correlationId: 'int-1' });
      const [event] = await audit.find();
      expect(event).toMatchObject({ action: 'account.approved', actor: 'admin', target: 'newcomer', detail: {} });
      expect(event.occurredAt).toBeInstanceOf(Date);
    } finally {
      await dataSource.destroy();
    }
  });
});
