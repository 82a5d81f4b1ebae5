import { cardSource, glossarySource, ruleSource, rulingSources } from '../../test-support/real-knowledge';
import { checkCitations } from './check-citations';

describe('checkCitations', () => {
  const trample = ruleSource('702.19b', 0.9);
  const bolt = cardSource('Lightning Bolt', 0.8);
  const [kikiRuling] = rulingSources('Kiki-Jiki, Mirror Breaker', 0.7);
  const sources = [trample, bolt, kikiRuling];

  it('accepts citations of retrieved sources and of the rules above a retrieved subrule', () => {
    const answer = 'Excess damage goes through [CR 702.19b], as trample says [CR 702.19]. [Card: Lightning Bolt] [Ruling: Kiki-Jiki, Mirror Breaker, 2021-03-19]';
    const check = checkCitations(answer, sources);

    expect(check.invalid).toEqual([]);
    expect(check.valid).toHaveLength(4);
    expect(check.validity).toBe(1);
    expect(check.text).toBe(answer);
  });

  it('removes invented citations from the text and counts them against validity', () => {
    const check = checkCitations('Bolt deals 3 damage [Card: Lightning Bolt] [CR 999.9z]. Shock is similar [Card: Shock].', sources);

    expect(check.invalid.map((c) => c.text)).toEqual(['[CR 999.9z]', '[Card: Shock]']);
    expect(check.text).toBe('Bolt deals 3 damage [Card: Lightning Bolt]. Shock is similar.');
    expect(check.validity).toBeCloseTo(1 / 3);
  });

  it('does not let a retrieved rule back a citation of one of its subrules, or of a neighbour', () => {
    const check = checkCitations('[CR 702.19c] [CR 702.190] [CR 702.1]', [ruleSource('702.19', 1)]);
    expect(check.valid).toEqual([]);
    expect(check.text).toBe('');
  });

  it('matches card names whatever their case, punctuation or face', () => {
    const budoka = cardSource('Budoka Gardener // Dokai, Weaver of Life', 1);
    const check = checkCitations('[Card: lightning bolt] [Card: Dokai, Weaver of Life] [Card: LIGHTNING-BOLT]', [bolt, budoka]);
    expect(check.invalid).toEqual([]);
  });

  it('needs the ruling date to match, not just the card', () => {
    const check = checkCitations('[Ruling: Kiki-Jiki, Mirror Breaker, 2004-10-04]', sources);
    expect(check.invalid).toHaveLength(1);
  });

  it('lets a glossary entry back the rules it points to', () => {
    const check = checkCitations('Trample lets damage through [CR 702.19].', [glossarySource('Trample', 1)]);
    expect(check.validity).toBe(1);
  });

  it('asks the knowledge base about citations nothing retrieved backs', () => {
    const existing = new Set(['613.1', 'Shock']);
    const check = checkCitations('[CR 613.1] [Card: Shock] [CR 999.1]', sources, (c) => existing.has(c.target));
    expect(check.valid.map((c) => c.target)).toEqual(['613.1', 'Shock']);
    expect(check.invalid.map((c) => c.target)).toEqual(['999.1']);
  });

  it('rates an answer without citations as fully valid', () => {
    expect(checkCitations('I do not know.', sources)).toMatchObject({ validity: 1, valid: [], invalid: [] });
  });
});
