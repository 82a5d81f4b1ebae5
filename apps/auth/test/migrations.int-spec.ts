import { DataSource } from 'typeorm';
import { AuditEvent, identityDataSourceOptions, migrateIdentity } from '@melvin/identity/data-access';
import { createTestPostgres, dropTestPostgres } from '@melvin/shared/testing';

describe('identity migrations (real PostgreSQL)', () => {
  let postgresUrl: string;

  beforeAll(async () => {
    postgresUrl = await createTestPostgres('auth_migrations');
  });
  afterAll(() => dropTestPostgres('auth_migrations'));

  it('creates the schema on an empty database, then finds nothing left to apply', async () => {
    expect(await migrateIdentity(postgresUrl)).toEqual(['CreateAuditEvents1764100000000']);
    expect(await migrateIdentity(postgresUrl)).toEqual([]);
  });

  it('leaves a schema the entities can write to and read from', async () => {
    const dataSource = await new DataSource(identityDataSourceOptions(postgresUrl)).initialize();
    try {
      const audit = dataSource.getRepository(AuditEvent);
      await audit.insert({ action: 'account.approved', actor: 'admin', target: 'newcomer', correlationId: 'int-1' });
      const [event] = await audit.find();
      expect(event).toMatchObject({ action: 'account.approved', actor: 'admin', target: 'newcomer', detail: {} });
      expect(event.occurredAt).toBeInstanceOf(Date);
    } finally {
      await dataSource.destroy();
    }
  });
});
