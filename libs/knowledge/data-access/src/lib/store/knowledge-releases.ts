import type { DataSource, EntityManager } from 'typeorm';
import type { CardRecord, CardRuling, ComprehensiveRules } from '@melvin/knowledge/domain';
import { KnowledgeRelease, type KnowledgeKind } from './knowledge-release.entity';

/** The data tables of each kind: a release's rows live there under its id. */
const DATA_TABLES: Record<KnowledgeKind, string[]> = {
  rules: ['knowledge_rules', 'knowledge_glossary'],
  cards: ['knowledge_cards'],
  rulings: ['knowledge_rulings'],
};

export interface NewRelease {
  kind: KnowledgeKind;
  sourceName: string;
  sourceSha256: string;
  edition: string | null;
}

/**
 * Writes releases: rows are loaded under a release that readers cannot see until `activate`
 * switches it in, in one transaction with retiring the one it replaces.
 */
export class KnowledgeReleases {
  constructor(private readonly dataSource: DataSource) {}

  active(kind: KnowledgeKind): Promise<KnowledgeRelease | null> {
    return this.dataSource.getRepository(KnowledgeRelease).findOneBy({ kind, status: 'active' });
  }

  async activeAll(): Promise<Partial<Record<KnowledgeKind, KnowledgeRelease>>> {
    const releases = await this.dataSource.getRepository(KnowledgeRelease).findBy({ status: 'active' });
    return Object.fromEntries(releases.map((release) => [release.kind, release]));
  }

  begin(release: NewRelease): Promise<KnowledgeRelease> {
    const repository = this.dataSource.getRepository(KnowledgeRelease);
    return repository.save(repository.create({ ...release, status: 'loading', counts: {} }));
  }

  async insertRules(releaseId: string, document: ComprehensiveRules): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const batch of chunks(document.rules.map((rule, position) => ({ ...rule, position })), 1000)) {
        await insertJsonRows(manager, releaseId, 'knowledge_rules', batch, {
          number: 'varchar',
          position: 'integer',
          parent: 'varchar',
          depth: 'varchar',
          text: 'text',
          examples: 'jsonb',
          references: 'jsonb',
        });
      }
      for (const batch of chunks(document.glossary.map((entry, position) => ({ ...entry, position })), 1000)) {
        await insertJsonRows(manager, releaseId, 'knowledge_glossary', batch, {
          term: 'varchar',
          position: 'integer',
          text: 'text',
          references: 'jsonb',
        });
      }
    });
  }

  async insertCards(releaseId: string, cards: Array<{ record: CardRecord; raw: unknown }>): Promise<void> {
    const rows = cards.map(({ record, raw }) => ({
      oracle_id: record.oracleId,
      name: record.name,
      normalized_name: record.normalizedName,
      non_game: record.nonGame,
      record,
      raw,
    }));
    await insertJsonRows(this.dataSource.manager, releaseId, 'knowledge_cards', rows, {
      oracle_id: 'uuid',
      name: 'varchar',
      normalized_name: 'varchar',
      non_game: 'boolean',
      record: 'jsonb',
      raw: 'jsonb',
    });
  }

  async insertRulings(releaseId: string, rulings: Array<{ ruling: CardRuling; position: number }>): Promise<void> {
    const rows = rulings.map(({ ruling, position }) => ({
      oracle_id: ruling.oracleId,
      position,
      source: ruling.source,
      published_at: ruling.publishedAt,
      comment: ruling.comment,
    }));
    await insertJsonRows(this.dataSource.manager, releaseId, 'knowledge_rulings', rows, {
      oracle_id: 'uuid',
      position: 'integer',
      source: 'varchar',
      published_at: 'date',
      comment: 'text',
    });
  }

  /** Switches readers to `releaseId` and drops the rows of releases older than the one it replaces. */
  async activate(releaseId: string, outcome: { counts: Record<string, number>; edition: string | null }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const release = await manager.findOneByOrFail(KnowledgeRelease, { id: releaseId });
      await manager.update(KnowledgeRelease, { kind: release.kind, status: 'active' }, { status: 'retired' });
      await manager.update(KnowledgeRelease, { id: releaseId }, { status: 'active', counts: outcome.counts, edition: outcome.edition, activatedAt: new Date() });
    });
    await this.pruneRetired(releaseId);
  }

  /** A failed load is kept as a record, but its rows are removed. */
  async fail(releaseId: string): Promise<void> {
    const release = await this.dataSource.getRepository(KnowledgeRelease).findOneByOrFail({ id: releaseId });
    await this.deleteRows(release.kind, [releaseId]);
    await this.dataSource.getRepository(KnowledgeRelease).update({ id: releaseId }, { status: 'failed' });
  }

  /** Keeps the newest retired release of the kind (the previous version) and empties older ones. */
  private async pruneRetired(activeId: string): Promise<void> {
    const repository = this.dataSource.getRepository(KnowledgeRelease);
    const active = await repository.findOneByOrFail({ id: activeId });
    const retired = await repository.find({ where: { kind: active.kind, status: 'retired' }, order: { activatedAt: 'DESC' } });
    const stale = retired.slice(1).map((release) => release.id);
    if (stale.length) await this.deleteRows(active.kind, stale);
  }

  private async deleteRows(kind: KnowledgeKind, releaseIds: string[]): Promise<void> {
    for (const table of DATA_TABLES[kind]) {
      await this.dataSource.query(`DELETE FROM "${table}" WHERE "release_id" = ANY($1::uuid[])`, [releaseIds]);
    }
  }
}

type ColumnType = 'uuid' | 'varchar' | 'text' | 'integer' | 'boolean' | 'jsonb' | 'date';

/**
 * One INSERT per batch: the rows travel as a single JSON parameter and PostgreSQL unpacks them,
 * which is several times faster than one statement per row and needs no COPY stream.
 */
async function insertJsonRows(
  manager: EntityManager,
  releaseId: string,
  table: string,
  rows: object[],
  columns: Record<string, ColumnType>,
): Promise<void> {
  if (!rows.length) return;
  const names = Object.keys(columns);
  const quoted = names.map((name) => `"${name}"`).join(', ');
  const definitions = names.map((name) => `"${name}" ${columns[name]}`).join(', ');
  await manager.query(
    `INSERT INTO "${table}" ("release_id", ${quoted}) SELECT $1, ${quoted} FROM jsonb_to_recordset($2::jsonb) AS x(${definitions})`,
    [releaseId, JSON.stringify(rows)],
  );
}

export function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
