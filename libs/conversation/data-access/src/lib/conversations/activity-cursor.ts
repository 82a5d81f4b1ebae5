import { invalidCursor } from './conversation-errors';

/** Where a page of the newest-activity-first list ended: stable while conversations move up. */
export interface ActivityPosition {
  updatedAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeActivityCursor(position: ActivityPosition): string {
  return Buffer.from(`${position.updatedAt.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeActivityCursor(cursor: string): ActivityPosition {
  const [time = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const updatedAt = new Date(time);
  if (Number.isNaN(updatedAt.getTime()) || !UUID.test(id)) throw invalidCursor();
  return { updatedAt, id };
}
