import { parseCitations } from './citation';
import { citationUrl } from './citation-links';

describe('parseCitations', () => {
  it('reads the three fixed forms with their targets and where they stand', () => {
    const answer = 'Yes [CR 702.19b]. Bolt says so [Card: Lightning Bolt] and [Ruling: Jace, the Mind Sculptor, 2021-03-19].';
    const citations = parseCitations(answer);

    expect(citations.map(({ kind, target, date }) => ({ kind, target, date }))).toEqual([
      { kind: 'rule', target: '702.19b', date: undefined },
      { kind: 'card', target: 'Lightning Bolt', date: undefined },
      { kind: 'ruling', target: 'Jace, the Mind Sculptor', date: '2021-03-19' },
    ]);
    for (const citation of citations) expect(answer.slice(citation.start, citation.end)).toBe(citation.text);
  });

  it('leaves [[card]] mentions and bracketed placeholders in rules text alone', () => {
    expect(parseCitations('Does [[Lightning Bolt]] show [card number]/[total cards in the set]?')).toEqual([]);
  });

  it('keeps malformed citations, with no target, so they can be rejected', () => {
    const [rule, ruling] = parseCitations('See [CR seven hundred] and [Ruling: Lightning Bolt].');
    expect(rule).toMatchObject({ kind: 'rule', target: '' });
    expect(ruling).toMatchObject({ kind: 'ruling', target: '' });
  });
});

describe('citationUrl', () => {
  it('links rules to their anchor in the hyperlinked rules and cards to an exact Scryfall search', () => {
    expect(citationUrl({ kind: 'rule', target: '702.19b' })).toBe('https://yawgatog.com/resources/magic-rules/#R70219b');
    expect(citationUrl({ kind: 'card', target: 'Lightning Bolt' })).toBe('https://scryfall.com/search?q=!%22Lightning%20Bolt%22');
  });
});
