import { describe, expect, it } from 'vitest';
import type { LowRatedAnswer } from '@melvin/shared/contracts';
import { lowRatedUrl, toPage } from './low-rated-pages';

const answer = (n: number): LowRatedAnswer => ({
  messageId: n.toString(16).padStart(24, '0'),
  question: `q${n}`,
  answer: `a${n}`,
  citations: [],
  retrieval: [],
  ratedAt: `2025-11-${String(30 - n).padStart(2, '0')}T12:00:00.000Z`,
});

describe('low-rated paging', () => {
  it('asks for one answer more than it shows, and pages back from the last shown rating', () => {
    expect(lowRatedUrl(null, 2)).toBe('/api/admin/feedback/low-rated?limit=3');
    expect(lowRatedUrl('2025-11-28T12:00:00.000Z', 2)).toBe('/api/admin/feedback/low-rated?limit=3&before=2025-11-28T12%3A00%3A00.000Z');

    const full = toPage([answer(1), answer(2), answer(3)], 2);
    expect(full.answers.map((item) => item.question)).toEqual(['q1', 'q2']);
    expect(full.older).toBe(answer(2).ratedAt);
    expect(toPage([answer(1), answer(2)], 2).older).toBeNull();
  });
});
