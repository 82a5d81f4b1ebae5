import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEventView, AuditPage, AuditQuery, ClientInfo } from '@melvin/shared/contracts';
import { AuditEvent } from './audit-event.entity';
import { isUuid } from './secrets';

export interface AuditEntry {
  action: AuditAction;
  actor?: string | null;
  target?: string | null;
  client?: ClientInfo;
  correlationId?: string;
  detail?: Record<string, unknown>;
}

/** Where an audited change happened: who, from where, and which request. */
export interface AuditContext {
  actor: string;
  client?: ClientInfo;
  correlationId?: string;
}

function encodeCursor(event: AuditEvent): string {
  return Buffer.from(`${event.occurredAt.toISOString()}|${event.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } | undefined {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(time);
  return id && !Number.isNaN(occurredAt.getTime()) && isUuid(id) ? { occurredAt, id } : undefined;
}

function toView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    action: event.action,
    actor: event.actor,
    target: event.target,
    clientAddress: event.clientAddress,
    userAgent: event.userAgent,
    correlationId: event.correlationId,
    detail: event.detail,
  };
}

/** The append-only audit trail (a database trigger refuses updates and deletes). */
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEvent, {
      occurredAt: new Date(),
      action: entry.action,
      actor: entry.actor ?? null,
      target: entry.target ?? null,
      clientAddress: entry.client?.address ?? null,
      userAgent: entry.client?.userAgent ?? null,
      correlationId: entry.correlationId ?? null,
      detail: (entry.detail ?? {}) as AuditEvent['detail'] & object,
    });
  }

  /** Newest first, filtered, paged by an opaque cursor (stable under concurrent inserts). */
  async page(query: AuditQuery): Promise<AuditPage> {
    const builder = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    if (query.actor) builder.andWhere('event.actor = :actor', { actor: query.actor });
    if (query.target) builder.andWhere('event.target = :target', { target: query.target });
    if (query.from) builder.andWhere('event.occurredAt >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('event.occurredAt < :to', { to: new Date(query.to) });
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after) {
      builder.andWhere(
        new Brackets((where) =>
          where
            .where('event.occurredAt < :cursorTime', { cursorTime: after.occurredAt })
            .orWhere('event.occurredAt = :cursorTime AND event.id < :cursorId', { cursorId: after.id }),
        ),
      );
    }
    const rows = await builder
      .orderBy('event.occurredAt', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit);
    return { items: items.map(toView), nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1]) : null };
  }
}
