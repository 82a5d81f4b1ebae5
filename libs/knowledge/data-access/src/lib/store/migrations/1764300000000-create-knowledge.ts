import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Knowledge is stored in releases: every row belongs to one release, and readers only ever see the
 * release marked active for its kind. A new release is loaded beside the old one and switched in one
 * transaction, so a run that fails half way leaves the previous version serving.
 */
export class CreateKnowledge1764300000000 implements MigrationInterface {
  name = 'CreateKnowledge1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "knowledge_releases" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "kind" varchar(16) NOT NULL CHECK ("kind" IN ('rules', 'cards', 'rulings')),
        "status" varchar(16) NOT NULL CHECK ("status" IN ('loading', 'active', 'retired', 'failed')),
        "source_name" varchar(300) NOT NULL,
        "source_sha256" char(64) NOT NULL,
        "edition" varchar(64),
        "counts" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "activated_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "knowledge_releases_one_active_idx" ON "knowledge_releases" ("kind") WHERE "status" = 'active'`,
    );
    await queryRunner.query(`
      CREATE TABLE "knowledge_ingestion_runs" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "kind" varchar(16) NOT NULL,
        "status" varchar(16) NOT NULL CHECK ("status" IN ('running', 'succeeded', 'unchanged', 'failed')),
        "source_name" varchar(300) NOT NULL,
        "source_sha256" char(64),
        "edition" varchar(64),
        "release_id" uuid REFERENCES "knowledge_releases" ("id") ON DELETE SET NULL,
        "counts" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "warnings" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "error" text,
        "changes" jsonb,
        "trigger" varchar(100) NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        "duration_ms" integer
      )`);
    await queryRunner.query(`CREATE INDEX "knowledge_ingestion_runs_started_idx" ON "knowledge_ingestion_runs" ("started_at" DESC)`);
    await queryRunner.query(`
      CREATE TABLE "knowledge_rules" (
        "release_id" uuid NOT NULL REFERENCES "knowledge_releases" ("id") ON DELETE CASCADE,
        "number" varchar(16) NOT NULL,
        "position" integer NOT NULL,
        "parent" varchar(16),
        "depth" varchar(12) NOT NULL,
        "text" text NOT NULL,
        "examples" jsonb NOT NULL,
        "references" jsonb NOT NULL,
        PRIMARY KEY ("release_id", "number")
      )`);
    await queryRunner.query(`
      CREATE TABLE "knowledge_glossary" (
        "release_id" uuid NOT NULL REFERENCES "knowledge_releases" ("id") ON DELETE CASCADE,
        "term" varchar(200) NOT NULL,
        "position" integer NOT NULL,
        "text" text NOT NULL,
        "references" jsonb NOT NULL,
        PRIMARY KEY ("release_id", "term")
      )`);
    await queryRunner.query(`
      CREATE TABLE "knowledge_cards" (
        "release_id" uuid NOT NULL REFERENCES "knowledge_releases" ("id") ON DELETE CASCADE,
        "oracle_id" uuid NOT NULL,
        "name" varchar(300) NOT NULL,
        "normalized_name" varchar(300) NOT NULL,
        "non_game" boolean NOT NULL,
        "record" jsonb NOT NULL,
        "raw" jsonb NOT NULL,
        PRIMARY KEY ("release_id", "oracle_id")
      )`);
    await queryRunner.query(`CREATE INDEX "knowledge_cards_name_idx" ON "knowledge_cards" ("release_id", "normalized_name")`);
    await queryRunner.query(`
      CREATE TABLE "knowledge_rulings" (
        "release_id" uuid NOT NULL REFERENCES "knowledge_releases" ("id") ON DELETE CASCADE,
        "oracle_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "source" varchar(32) NOT NULL,
        "published_at" date NOT NULL,
        "comment" text NOT NULL,
        PRIMARY KEY ("release_id", "position")
      )`);
    await queryRunner.query(`CREATE INDEX "knowledge_rulings_card_idx" ON "knowledge_rulings" ("release_id", "oracle_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['knowledge_rulings', 'knowledge_cards', 'knowledge_glossary', 'knowledge_rules', 'knowledge_ingestion_runs', 'knowledge_releases']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
