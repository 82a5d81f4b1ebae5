import type { DataSource } from 'typeorm';
import type { CardRecord, CardRuling, ComprehensiveRules, CrRule, GlossaryEntry } from '@melvin/knowledge/domain';
import { KnowledgeRelease, type KnowledgeKind } from './knowledge-release.entity';

export interface ReleaseInfo {
  id: string;
  edition: string | null;
  sourceName: string;
  activatedAt: string | null;
}

/** Everything the read side indexes, from the active release of each kind. */
export interface LoadedCorpus {
  rules: ComprehensiveRules;
  cards: CardRecord[];
  rulings: CardRuling[];
  releases: Partial<Record<KnowledgeKind, ReleaseInfo>>;
}

const EMPTY_RULES: ComprehensiveRules = { effectiveDate: '', rules: [], glossary: [] };

/** Reads only active releases, so a load in progress is never half visible. */
export class KnowledgeReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Changes whenever any kind gets a new active release: cheap to poll. */
  async version(): Promise<string> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT "id" FROM "knowledge_releases" WHERE "status" = 'active' ORDER BY "kind"`,
    );
    return rows.map((row) => row.id).join('+');
  }

  async releases(): Promise<Partial<Record<KnowledgeKind, ReleaseInfo>>> {
    const active = await this.dataSource.getRepository(KnowledgeRelease).findBy({ status: 'active' });
    return Object.fromEntries(
      active.map((release) => [
        release.kind,
        { id: release.id, edition: release.edition, sourceName: release.sourceName, activatedAt: release.activatedAt?.toISOString() ?? null },
      ]),
    );
  }

  async loadCorpus(): Promise<LoadedCorpus> {
    const releases = await this.releases();
    const [rules, cards, rulings] = await Promise.all([
      releases.rules ? this.loadRules(releases.rules) : EMPTY_RULES,
      releases.cards ? this.loadCards(releases.cards.id) : [],
      releases.rulings ? this.loadRulings(releases.rulings.id) : [],
    ]);
    return { rules, cards, rulings, releases };
  }

  /** Cards by exact normalised name (or face name), for callers that need a few cards and no index. */
  async cardsByNormalizedNames(names: string[]): Promise<CardRecord[]> {
    const rows: Array<{ record: CardRecord }> = await this.dataSource.query(
      `SELECT c."record" FROM "knowledge_cards" c JOIN "knowledge_releases" r ON r."id" = c."release_id"
        WHERE r."status" = 'active' AND c."normalized_name" = ANY($1::varchar[])`,
      [names],
    );
    return rows.map((row) => row.record);
  }

  /** The rules of one release, active or not (the edition diff reads the one being replaced). */
  async loadRules(release: Pick<ReleaseInfo, 'id' | 'edition'>): Promise<ComprehensiveRules> {
    const rules: Array<CrRule & { parent: string | null }> = await this.dataSource.query(
      `SELECT "number", "parent", "depth", "text", "examples", "references" FROM "knowledge_rules"
        WHERE "release_id" = $1 ORDER BY "position"`,
      [release.id],
    );
    const glossary: GlossaryEntry[] = await this.dataSource.query(
      `SELECT "term", "text", "references" FROM "knowledge_glossary" WHERE "release_id" = $1 ORDER BY "position"`,
      [release.id],
    );
    return { effectiveDate: release.edition ?? '', rules, glossary };
  }

  /** Only the active cards, for services that reason over cards and need no rules or rulings. */
  async loadActiveCards(): Promise<CardRecord[]> {
    const release = (await this.releases()).cards;
    return release ? this.loadCards(release.id) : [];
  }

  private async loadCards(releaseId: string): Promise<CardRecord[]> {
    const rows: Array<{ record: CardRecord }> = await this.dataSource.query(
      `SELECT "record" FROM "knowledge_cards" WHERE "release_id" = $1`,
      [releaseId],
    );
    return rows.map((row) => row.record);
  }

  private loadRulings(releaseId: string): Promise<CardRuling[]> {
    return this.dataSource.query(
      `SELECT "oracle_id" AS "oracleId", "source", to_char("published_at", 'YYYY-MM-DD') AS "publishedAt", "comment"
         FROM "knowledge_rulings" WHERE "release_id" = $1 ORDER BY "position"`,
      [releaseId],
    );
  }
}
