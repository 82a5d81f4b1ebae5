import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConversations1764400000000 implements MigrationInterface {
  name = 'CreateConversations1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Millisecond timestamps: a JavaScript Date holds them exactly, so list cursors round-trip.
    await queryRunner.query(`
      CREATE TABLE "conversations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "owner_id" uuid NOT NULL,
        "title" varchar(200),
        "archived" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "updated_at" timestamptz(3) NOT NULL DEFAULT now(),
        "message_count" integer NOT NULL DEFAULT 0,
        "last_preview" varchar(200),
        "search_text" text NOT NULL DEFAULT '',
        "search_vector" tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', "search_text"), 'B')
        ) STORED
      )`);
    await queryRunner.query(
      `CREATE INDEX "conversations_owner_activity_idx" ON "conversations" ("owner_id", "archived", "updated_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(`CREATE INDEX "conversations_search_idx" ON "conversations" USING GIN ("search_vector")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "conversations"`);
  }
}
