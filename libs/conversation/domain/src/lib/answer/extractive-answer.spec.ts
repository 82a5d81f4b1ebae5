import { cardSource, glossarySource, ruleSource, rulingSources } from '../../test-support/real-knowledge';
import { checkCitations } from '../citations/check-citations';
import { buildExtractiveAnswer, EXTRACTIVE_HEADING, NOTHING_FOUND } from './extractive-answer';

describe('buildExtractiveAnswer', () => {
  const comboQuestion = 'If Kiki-Jiki, Mirror Breaker copies Pestermite, can the token untap Kiki-Jiki so I can do it again?';
  const comboSources = [
    ruleSource('707.2', 0.6),
    cardSource('Pestermite', 0.9),
    cardSource('Kiki-Jiki, Mirror Breaker', 0.95),
    ...rulingSources('Kiki-Jiki, Mirror Breaker', 0.7),
    ruleSource('111.10', 0.4),
    glossarySource('Copy', 0.3),
  ];
  const trampleQuestion = 'How much damage does a 5/5 trample creature deal to the player if a 2/2 blocks it?';
  const trampleSources = [ruleSource('510.1c', 0.7), ruleSource('702.19b', 0.9), ruleSource('702.19a', 0.8), glossarySource('Trample', 0.5)];

  it('says it is quoting sources, and every citation it writes passes the citation check', () => {
    for (const [question, sources] of [[comboQuestion, comboSources], [trampleQuestion, trampleSources]] as const) {
      const answer = buildExtractiveAnswer(question, sources, { maxSentences: 6 });
      const check = checkCitations(answer.text, sources);

      expect(answer.text.startsWith(EXTRACTIVE_HEADING)).toBe(true);
      expect(answer.citations.length).toBeGreaterThan(0);
      expect(check.invalid).toEqual([]);
      expect(check.text).toBe(answer.text);
    }
  });

  it('puts each quoted sentence on its own line, followed by its citation', () => {
    const answer = buildExtractiveAnswer(trampleQuestion, trampleSources, { maxSentences: 3 });
    const quoted = answer.text.split('\n').filter((line) => line.startsWith('- '));

    expect(quoted).toHaveLength(3);
    for (const line of quoted) expect(line).toMatch(/\.\s\[CR \d{3}\.\d+[a-z]?\]$/);
    expect(answer.text).toContain('any excess damage is assigned as its controller chooses');
  });

  it('quotes the named cards first, then their rulings, then the rules', () => {
    const answer = buildExtractiveAnswer(comboQuestion, comboSources, { maxSentences: 8 });
    const card = answer.text.indexOf('Card text:');
    const rulings = answer.text.indexOf('Rulings:');
    const rules = answer.text.indexOf('Comprehensive Rules:');

    expect(card).toBeGreaterThan(0);
    expect(rulings).toBeGreaterThan(card);
    expect(rules === -1 || rules > rulings).toBe(true);
    // Pestermite's untap ability is what the question turns on.
    expect(answer.text).toContain('you may tap or untap target permanent. [Card: Pestermite]');
    // The card's name-and-cost line is not quoted as if it were a sentence.
    expect(answer.text).not.toContain('{2}{R}{R}{R}');
  });

  it('quotes no more sentences than asked for, and says so when nothing was retrieved', () => {
    const answer = buildExtractiveAnswer(comboQuestion, comboSources, { maxSentences: 2 });
    expect(answer.citations).toHaveLength(2);
    expect(buildExtractiveAnswer(comboQuestion, [])).toEqual({ text: NOTHING_FOUND, citations: [] });
  });
});
