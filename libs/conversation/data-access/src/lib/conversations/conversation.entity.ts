import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A conversation's metadata. Its messages live in MongoDB (see TranscriptStore); what the list and
 * the full-text search need (count, preview, accumulated text) is kept here in step with them.
 */
@Entity({ name: 'conversations' })
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The identity user id; no foreign key, the accounts belong to another context. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  /** Null until the user names it or the first question does. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'boolean', default: false })
  archived!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt!: Date;

  /** Last activity: moved by a new message only, so renaming or archiving keeps a conversation's place. */
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'message_count', type: 'integer', default: 0 })
  messageCount!: number;

  @Column({ name: 'last_preview', type: 'varchar', length: 200, nullable: true })
  lastPreview!: string | null;

  /** Every message's text, for the search vector; never read back. */
  @Column({ name: 'search_text', type: 'text', default: '', select: false })
  searchText!: string;
}
