import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvents1764100000000 implements MigrationInterface {
  name = 'CreateAuditEvents1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_events" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "action" varchar(64) NOT NULL,
        "actor" varchar(64),
        "target" varchar(64),
        "detail" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "correlation_id" varchar(128)
      )`);
    await queryRunner.query(`CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" ("occurred_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
