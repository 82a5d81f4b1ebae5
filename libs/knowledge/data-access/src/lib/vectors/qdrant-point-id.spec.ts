import { qdrantPointId } from './qdrant-point-id';

describe('qdrantPointId', () => {
  it('turns a Melvin id into the same version-5 UUID on every run', () => {
    // Computed once with an independent UUIDv5 implementation; if this changes, stored points are orphaned.
    expect(qdrantPointId('card:Lightning Bolt')).toBe('c19fbeb9-a569-5247-9927-663ce829c5e1');
  });

  it('gives distinct ids distinct UUIDs, whatever characters they hold', () => {
    const ids = ['rule:100.1a', 'rule:100.1', 'card:Æther Vial', 'ruling:Fog#2', ''];

    const uuids = ids.map(qdrantPointId);

    expect(new Set(uuids).size).toBe(ids.length);
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
