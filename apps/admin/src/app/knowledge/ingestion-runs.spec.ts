import { describe, expect, it } from 'vitest';
import { formatDuration } from '../layout/format';
import { describeCounts, editionChanges, summariseChanges } from './ingestion-runs';

describe('ingestion run formatting', () => {
  it('reads the changes a new CR edition recorded, listing what the worker kept', () => {
    const changes = editionChanges({
      from: '2025-08-01',
      to: '2025-11-14',
      added: 2,
      removed: 1,
      changed: 3,
      addedRules: ['702.190', '702.190a'],
      removedRules: ['702.12'],
      changedRules: ['100.1', 7, '603.2'],
    });
    expect(changes).toEqual({
      from: '2025-08-01',
      to: '2025-11-14',
      added: 2,
      removed: 1,
      changed: 3,
      addedRules: ['702.190', '702.190a'],
      removedRules: ['702.12'],
      changedRules: ['100.1', '603.2'],
    });
    expect(changes && summariseChanges(changes)).toBe('2 added, 1 removed, 3 changed (2025-08-01 → 2025-11-14)');
  });

  it('shows no changes for runs without a comparable earlier edition, or of an unknown shape', () => {
    expect(editionChanges(null)).toBeNull();
    expect(editionChanges({ added: 1, removed: 0 })).toBeNull();
    expect(editionChanges({ added: 'many', removed: 0, changed: 0 })).toBeNull();
  });

  it('lists counts in the order the worker gave them', () => {
    expect(describeCounts({ rules: 3012, glossary: 245 })).toMatch(/^rules 3.012 · glossary 245$/);
    expect(describeCounts({})).toBe('—');
  });

  it('formats durations precisely when short and readably when long', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
  });
});
