import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type KnowledgeKind = 'rules' | 'cards' | 'rulings';
export type ReleaseStatus = 'loading' | 'active' | 'retired' | 'failed';

/** One loaded version of one kind of knowledge; readers only see the active one of each kind. */
@Entity({ name: 'knowledge_releases' })
export class KnowledgeRelease {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: KnowledgeKind;

  @Column({ type: 'varchar', length: 16 })
  status!: ReleaseStatus;

  @Column({ name: 'source_name', type: 'varchar', length: 300 })
  sourceName!: string;

  @Column({ name: 'source_sha256', type: 'char', length: 64 })
  sourceSha256!: string;

  /** The CR's effective date, or the date in a Scryfall file's name when it has one. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  edition!: string | null;

  @Column({ type: 'jsonb' })
  counts!: Record<string, number>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;
}
