import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { KnowledgeKind } from './knowledge-release.entity';

export type IngestionRunStatus = 'running' | 'succeeded' | 'unchanged' | 'failed';

/** The record of one ingestion of one source file, kept whatever its outcome. */
@Entity({ name: 'knowledge_ingestion_runs' })
export class IngestionRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: KnowledgeKind;

  @Column({ type: 'varchar', length: 16 })
  status!: IngestionRunStatus;

  @Column({ name: 'source_name', type: 'varchar', length: 300 })
  sourceName!: string;

  @Column({ name: 'source_sha256', type: 'char', length: 64, nullable: true })
  sourceSha256!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  edition!: string | null;

  @Column({ name: 'release_id', type: 'uuid', nullable: true })
  releaseId!: string | null;

  @Column({ type: 'jsonb' })
  counts!: Record<string, number>;

  /** Malformed records and other problems that did not stop the run, with their positions (capped). */
  @Column({ type: 'jsonb' })
  warnings!: string[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** For rules: what changed against the edition that was serving before. */
  @Column({ type: 'jsonb', nullable: true })
  changes!: Record<string, unknown> | null;

  /** Who or what started it: "job:<id>", "schedule", "cli:<user>". */
  @Column({ type: 'varchar', length: 100 })
  trigger!: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;
}
