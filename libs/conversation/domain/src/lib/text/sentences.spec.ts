import { splitSentences, withoutLeadingRuleNumber } from './sentences';

describe('splitSentences', () => {
  it('does not split inside rule numbers, abbreviations or initials', () => {
    expect(
      splitSentences('Use the rule in 702.19b. It applies to attackers, e.g. Colossal Dreadmaw. See also rule 510.1c. Ask J. Smith.'),
    ).toEqual(['Use the rule in 702.19b.', 'It applies to attackers, e.g. Colossal Dreadmaw.', 'See also rule 510.1c.', 'Ask J. Smith.']);
  });

  it('treats a rule heading as part of its line, and each line of card text as its own sentence', () => {
    expect(splitSentences('702.19. Trample')).toEqual(['702.19. Trample']);
    expect(splitSentences('Flying\nWhen this creature dies, draw a card. (It goes to the graveyard.)\n{R}')).toEqual([
      'Flying',
      'When this creature dies, draw a card.',
      '(It goes to the graveyard.)',
    ]);
  });

  it('keeps decimals and quoted sentence ends together', () => {
    expect(splitSentences('It says “Draw a card.” Then it costs 1.5 mana? No.')).toEqual(['It says “Draw a card.”', 'Then it costs 1.5 mana?', 'No.']);
  });
});

describe('withoutLeadingRuleNumber', () => {
  it('drops the number a rules line opens with', () => {
    expect(withoutLeadingRuleNumber('702.19b The controller of an attacking creature')).toBe('The controller of an attacking creature');
    expect(withoutLeadingRuleNumber('702.19. Trample')).toBe('Trample');
  });
});
