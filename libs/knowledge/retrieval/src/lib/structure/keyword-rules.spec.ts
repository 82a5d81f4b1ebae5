import type { CardRecord } from '@melvin/knowledge/domain';
import { realRules } from '../../test-support/real-corpus';
import { RuleBook } from '../rule-book';
import { GlossaryTerms } from './glossary-terms';
import { KeywordRules } from './keyword-rules';

const rules = realRules();
const book = new RuleBook(rules);
const keywords = new KeywordRules(book);

function card(oracleText: string, cardKeywords: string[] = []): CardRecord {
  return { oracleText, keywords: cardKeywords } as Partial<CardRecord> as CardRecord;
}

describe('keyword rules, read from the Comprehensive Rules', () => {
  it('finds the rule of keyword abilities and actions by name', () => {
    expect(keywords.ruleFor('Deathtouch')).toBe('702.2');
    expect(keywords.ruleFor('first strike')).toBe('702.7');
    expect(keywords.ruleFor('Sacrifice')).toBe('701.21');
    expect(keywords.ruleFor('Untap')).toBe('701.26');
    expect(keywords.ruleFor('Nonsense')).toBeUndefined();
  });

  it('follows the glossary for keywords without a rule of their own', () => {
    expect(keywords.ruleFor('Swampwalk')).toBe('702.14');
  });

  it("lists a card's keyword abilities, then the keyword actions its text performs", () => {
    const rules = keywords.rulesForCard(card('Deathtouch (Any amount of damage this deals to a creature is enough to destroy it.)\nWhen this enters, destroy target artifact. Then scry 2.', ['Deathtouch', 'Scry']));
    expect(rules).toEqual(['702.2', '701.22', '701.8']);
  });

  it('does not read a noun or reminder text as an action', () => {
    expect(keywords.rulesForCard(card('This creature enters with a +1/+1 counter on it. It has double strike.'))).toEqual([]);
    expect(keywords.rulesForCard(card('Counter target spell.'))).toEqual(['701.6']);
  });
});

describe('glossary terms in a question', () => {
  const terms = new GlossaryTerms(rules.glossary, rules.rules.map((rule) => rule.text));

  it('finds terms written in any form, rarest first', () => {
    const found = terms.find('My creature with trample is blocked; what about state-based actions?').map((entry) => entry.term);
    expect(found).toEqual(expect.arrayContaining(['Trample', 'State-Based Actions', 'Creature']));
    expect(found.indexOf('Trample')).toBeLessThan(found.indexOf('Creature'));
  });

  it('tells specific terms from ones used all over the rules', () => {
    const [trample] = terms.find('trample');
    const [creature] = terms.find('creature');
    expect(terms.isSpecific(trample)).toBe(true);
    expect(terms.isSpecific(creature)).toBe(false);
  });
});
