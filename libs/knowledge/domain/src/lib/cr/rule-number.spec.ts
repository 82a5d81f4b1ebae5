import { findRuleNumbers, normalizeRuleNumber, parentRuleNumber, ruleDepth } from './rule-number';

describe('normalizeRuleNumber', () => {
  it.each([
    ['702.19c.', '702.19c'],
    ['CR 702.19C', '702.19c'],
    ['[CR 702.19b]', '702.19b'],
    ['rule 613', '613'],
    ['702.', '702'],
    ['section 7', '7'],
    ['  100.1. ', '100.1'],
  ])('reads %j as %j', (raw, expected) => {
    expect(normalizeRuleNumber(raw)).toBe(expected);
  });

  it.each(['2.5', '1000', '702.19l', '702.19o', '702.19cc', '99.1', 'hello', ''])(
    'rejects %j, which cannot be a rule number',
    (raw) => {
      expect(normalizeRuleNumber(raw)).toBeNull();
    },
  );
});

describe('rule hierarchy helpers', () => {
  it('walks from a subsubrule up to its section', () => {
    const chain = ['702.19c'];
    for (let up = parentRuleNumber('702.19c'); up; up = parentRuleNumber(up)) chain.push(up);
    expect(chain).toEqual(['702.19c', '702.19', '702', '7']);
    expect(chain.map(ruleDepth)).toEqual(['subsubrule', 'subrule', 'rule', 'section']);
  });
});

describe('findRuleNumbers', () => {
  it('finds citations in the forms people write them', () => {
    expect(findRuleNumbers('Trample is defined in [CR 702.19b]; see also rule 613, CR702.19C and § 614.')).toEqual([
      '702.19b',
      '613',
      '702.19c',
      '614',
    ]);
  });

  it('expands letter and number ranges', () => {
    expect(findRuleNumbers('See rules 601.2f–h and 119.7-8.')).toEqual([
      '601.2f',
      '601.2g',
      '601.2h',
      '119.7',
      '119.8',
    ]);
    expect(findRuleNumbers('rules 903.6–903.11')).toHaveLength(6);
    expect(findRuleNumbers('read 112.6a to 112.6c, then apply 702.19b to a creature')).toEqual([
      '112.6a',
      '112.6b',
      '112.6c',
      '702.19b',
    ]);
    expect(findRuleNumbers('rules 702.19b–d skip nothing, 704.5k–n skip l')).toEqual([
      '702.19b',
      '702.19c',
      '702.19d',
      '704.5k',
      '704.5m',
      '704.5n',
    ]);
  });

  it('reads whole rules and sections only when a word introduces them', () => {
    expect(findRuleNumbers('As rules 614 and 615 say, and section 7 explains')).toEqual(['614', '615', '7']);
    expect(findRuleNumbers('I have 100 life and 7 cards in hand after 613 turns')).toEqual([]);
  });

  it('keeps reading order and drops repeats', () => {
    expect(findRuleNumbers('rules 119.7 and 100.2a and 903, then 119.7 again')).toEqual(['119.7', '100.2a', '903']);
  });

  it.each([
    'The card costs $100.50 now, up from €120.25',
    'Deals 2.5 damage on average, 100.5% of the time',
    'Released 2025.11.14 with patch v1.702.3 and version 702.3.1',
    'at 12.30 on 11.14.2025',
    'rule 2.5 is not a thing, nor is section 12',
  ])('ignores numbers that only look like rules: %j', (text) => {
    expect(findRuleNumbers(text)).toEqual([]);
  });
});
