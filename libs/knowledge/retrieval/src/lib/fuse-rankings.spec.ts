import { fuseRankings } from './fuse-rankings';

describe('fuseRankings', () => {
  it('ranks first what several lists agree on, even when no list puts it first', () => {
    const fused = fuseRankings([{ ids: ['a', 'b', 'c'] }, { ids: ['d', 'b', 'a'] }, { ids: ['b'] }]);
    expect(fused.map((hit) => hit.id)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('scores weight / (k + rank) summed over lists, ranks counted from 1', () => {
    const [first, second] = fuseRankings([{ ids: ['a', 'b'] }, { ids: ['b'], weight: 3 }], { k: 10 });
    expect(first.id).toBe('b');
    expect(first.score).toBeCloseTo(1 / 12 + 3 / 11);
    expect(second).toEqual({ id: 'a', score: 1 / 11 });
  });

  it('lets a heavier list decide, and counts an id repeated within one list once', () => {
    const fused = fuseRankings([{ ids: ['x', 'x', 'x'] }, { ids: ['y'], weight: 1.5 }]);
    expect(fused.map((hit) => hit.id)).toEqual(['y', 'x']);
    expect(fused[1].score).toBeCloseTo(1 / 61);
  });

  it('keeps the order in which lists named tied ids, and gives nothing for no lists', () => {
    expect(fuseRankings([{ ids: ['p'] }, { ids: ['q'] }]).map((hit) => hit.id)).toEqual(['p', 'q']);
    expect(fuseRankings([])).toEqual([]);
  });
});
