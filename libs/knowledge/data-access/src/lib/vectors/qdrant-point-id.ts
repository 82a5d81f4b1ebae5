import { createHash } from 'node:crypto';

/** Fixed namespace of Melvin's point ids: changing it would orphan every stored point. */
const MELVIN_POINT_NAMESPACE = Buffer.from('8d6f2c4e1b7a4f0e9c3d5a2b6e8f1c7d', 'hex');

/**
 * Qdrant accepts only unsigned integers and UUIDs as point ids, while Melvin's ids are strings
 * such as "card:Lightning Bolt". A name-based UUID (version 5: SHA-1 of namespace and name) maps
 * each id to the same UUID every time, so upserting a document again replaces its point.
 */
export function qdrantPointId(id: string): string {
  const bytes = createHash('sha1').update(MELVIN_POINT_NAMESPACE).update(id, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
