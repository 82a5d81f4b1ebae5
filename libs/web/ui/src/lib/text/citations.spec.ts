import { describe, expect, it } from 'vitest';
import { citationsIn, splitCitations } from './citations';

describe('splitCitations', () => {
  it('finds the three citation forms between the text around them', () => {
    const answer = 'It loops [CR 702.19b]. See [Card: Pestermite] and [Ruling: Pestermite, 2020-01-01].';
    expect(splitCitations(answer)).toEqual([
      { type: 'text', text: 'It loops ' },
      { type: 'citation', citation: { kind: 'rule', target: '702.19b', label: '[CR 702.19b]' } },
      { type: 'text', text: '. See ' },
      { type: 'citation', citation: { kind: 'card', target: 'Pestermite', label: '[Card: Pestermite]' } },
      { type: 'text', text: ' and ' },
      { type: 'citation', citation: { kind: 'ruling', target: 'Pestermite', date: '2020-01-01', label: '[Ruling: Pestermite, 2020-01-01]' } },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps card names with commas and punctuation whole', () => {
    const [segment] = splitCitations('[Card: Jace, the Mind Sculptor]');
    expect(segment).toEqual({ type: 'citation', citation: { kind: 'card', target: 'Jace, the Mind Sculptor', label: '[Card: Jace, the Mind Sculptor]' } });
    expect(splitCitations('[Ruling: Jace, the Mind Sculptor, 2018-06-08]')[0]).toMatchObject({
      citation: { kind: 'ruling', target: 'Jace, the Mind Sculptor', date: '2018-06-08' },
    });
  });

  it('leaves card mentions, placeholders and malformed citations as plain text', () => {
    const answer = 'Cast [[Pestermite]] with [card number], [CR seven] or [Ruling: Pestermite].';
    expect(splitCitations(answer)).toEqual([{ type: 'text', text: answer }]);
  });

  it('reads section numbers and a trailing dot in rule citations', () => {
    expect(splitCitations('[CR 702] [CR 601.2f.]').filter((segment) => segment.type === 'citation')).toEqual([
      { type: 'citation', citation: { kind: 'rule', target: '702', label: '[CR 702]' } },
      { type: 'citation', citation: { kind: 'rule', target: '601.2f', label: '[CR 601.2f.]' } },
    ]);
  });

  it('gives back the whole text when there is no citation', () => {
    expect(splitCitations('No citations here.')).toEqual([{ type: 'text', text: 'No citations here.' }]);
    expect(splitCitations('')).toEqual([]);
  });
});

describe('citationsIn', () => {
  it('lists each citation of the message once, in order of first mention', () => {
    const chips = citationsIn('[CR 702.19b] then [Card: Pestermite], again [CR 702.19B] and [Card: pestermite].');
    expect(chips.map((chip) => chip.label)).toEqual(['[CR 702.19b]', '[Card: Pestermite]']);
  });
});
