import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1764200000000 implements MigrationInterface {
  name = 'CreateAccounts1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "user_accounts" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "username" varchar(32) NOT NULL,
        "username_normalized" varchar(32) NOT NULL CONSTRAINT "user_accounts_username_unique" UNIQUE,
        "password_hash" varchar(100) NOT NULL,
        "role" varchar(16) NOT NULL CHECK ("role" IN ('user', 'admin')),
        "status" varchar(16) NOT NULL CHECK ("status" IN ('pending', 'active', 'denied', 'disabled')),
        "note" varchar(500),
        "decision_reason" varchar(500),
        "decided_by" varchar(64),
        "decided_at" timestamptz,
        "must_change_password" boolean NOT NULL DEFAULT false,
        "session_version" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "user_accounts_status_created_idx" ON "user_accounts" ("status", "created_at")`);
    await queryRunner.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "user_accounts" ("id") ON DELETE CASCADE,
        "family_id" uuid NOT NULL,
        "secret_hash" varchar(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "replaced_by" uuid,
        "client_address" varchar(64),
        "user_agent" varchar(512)
      )`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" ("family_id")`);
    await queryRunner.query(`
      CREATE TABLE "password_reset_tokens" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "user_accounts" ("id") ON DELETE CASCADE,
        "secret_hash" varchar(64) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_by" varchar(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "client_address" varchar(64), ADD "user_agent" varchar(512)`);
    await queryRunner.query(`CREATE INDEX "audit_events_action_idx" ON "audit_events" ("action", "occurred_at")`);
    // The audit trail is append-only for everyone, whatever code runs against the database.
    await queryRunner.query(`
      CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_events_append_only" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION "audit_events_append_only"()`);
    await queryRunner.query(`DROP INDEX "audit_events_action_idx"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "client_address", DROP COLUMN "user_agent"`);
    await queryRunner.query(`DROP TABLE "password_reset_tokens"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "user_accounts"`);
  }
}
