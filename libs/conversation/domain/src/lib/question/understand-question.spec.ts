import { cardNameFinder, stackExchangeQuestions } from '../../test-support/real-knowledge';
import { OFF_TOPIC_REFUSAL } from './about-magic';
import { understandQuestion } from './understand-question';

describe('understandQuestion', () => {
  it('finds rule numbers without mistaking prices, dates or decimals for them', () => {
    const understood = understandQuestion('Is rule 702.19b still right, or see 613? My deck cost $105.50 on 2024.03.01 and 3.5 people agree.', []);
    expect(understood.ruleNumbers).toEqual(['702.19b', '613']);
  });

  it('picks up [[Name]] cards and searches for the question without the brackets', () => {
    const understood = understandQuestion('Does [[Kiki-Jiki, Mirror Breaker]] work with [[ Pestermite ]]?', []);
    expect(understood.cardNames).toEqual(['Kiki-Jiki, Mirror Breaker', 'Pestermite']);
    expect(understood.retrievalQuery).toBe('Does Kiki-Jiki, Mirror Breaker work with Pestermite?');
    expect(understood.followUp).toBeNull();
  });

  it('notices questions about loops and combos', () => {
    for (const question of [
      'Do [[Kiki-Jiki, Mirror Breaker]] and [[Pestermite]] go infinite?',
      'Is Splinter Twin plus Deceiver Exarch a combo?',
      'Can I loop Sanguine Bond and Exquisite Blood?',
      'How do I get arbitrarily large mana with this?',
    ]) {
      expect(understandQuestion(question, []).asksAboutLoops).toBe(true);
    }
    expect(understandQuestion('Does trample work with deathtouch?', []).asksAboutLoops).toBe(false);
    expect(understandQuestion('Can I block with a creature that has combat damage prevention?', []).asksAboutLoops).toBe(false);
  });

  describe('follow-ups', () => {
    const history = [
      { role: 'user' as const, content: 'Can [[Grizzly Bears]] block a creature with menace on its own?' },
      { role: 'assistant' as const, content: 'No: a creature with menace can’t be blocked except by two or more creatures [CR 702.111b] [Card: Grizzly Bears].' },
    ];

    it('carries the earlier cards and topic into a short question that leans on them, and says so', () => {
      const understood = understandQuestion('What if it had flying?', history);

      expect(understood.followUp).not.toBeNull();
      expect(understood.followUp?.cardNames).toEqual(['Grizzly Bears']);
      expect(understood.followUp?.topic).toEqual(expect.arrayContaining(['block', 'menace']));
      expect(understood.retrievalQuery).toMatch(/^What if it had flying\? Grizzly Bears .*menace/);
      expect(understood.followUp?.note).toContain('follow-up to your previous question (about Grizzly Bears)');
      expect(understood.aboutMagic).toBe(true);
    });

    it('keeps the topic but not the old card when the follow-up names a new one', () => {
      const understood = understandQuestion('What about Tarmogoyf?', history);
      expect(understood.followUp?.cardNames).toEqual([]);
      expect(understood.retrievalQuery).toContain('menace');
      expect(understood.retrievalQuery).not.toContain('Grizzly');
    });

    it('treats a full question, or the first question, as standing on its own', () => {
      expect(understandQuestion('How does trample interact with deathtouch when blocked by two creatures?', history).followUp).toBeNull();
      expect(understandQuestion('What if it had flying?', []).followUp).toBeNull();
      expect(understandQuestion('And [[Lightning Bolt]]?', history).followUp).toBeNull();
    });
  });

  describe('whether a question is about Magic', () => {
    const questions = stackExchangeQuestions();

    it('almost never refuses a real rules question (all 4,738 from Stack Exchange)', () => {
      const refused = questions.filter((q) => !understandQuestion(q.question, []).aboutMagic);
      expect(questions).toHaveLength(4738);
      expect(refused.length / questions.length).toBeLessThan(0.01);
    });

    it('recognises short questions by their card names when the knowledge base can spot them', () => {
      const findCardNames = cardNameFinder();
      const refused = questions.filter((q) => !understandQuestion(q.title, [], { findCardNames }).aboutMagic);
      // Titles alone are terse ("Can two Skinshifters affect each other?"); most still pass.
      expect(refused.length / questions.length).toBeLessThan(0.1);
      expect(understandQuestion('Does Lightning Bolt kill Tarmogoyf?', [], { findCardNames }).aboutMagic).toBe(true);
    });

    it('refuses everyday questions politely, in a line or two', () => {
      const offTopic = [
        'What is a good recipe for banana bread?',
        'How long should I boil an egg for a runny yolk?',
        'How many cups of flour are in a pound? I need 1/2 cup for a cake.',
        'Will it rain in Seattle tomorrow?',
        'What is the weather forecast for London this weekend?',
        'Is it going to snow in Denver on Friday?',
        'How do I reverse a linked list in Python?',
        'Why does my JavaScript promise never resolve?',
        'How do I fix a stack overflow error in my recursive function?',
        'What does git rebase do compared to merge?',
        'Who won the Super Bowl last year?',
        'Did the Lakers beat the Celtics?',
        'What is the offside rule in football?',
        'How many players are on a soccer team?',
      ];
      const findCardNames = cardNameFinder();
      for (const question of offTopic) {
        for (const understood of [understandQuestion(question, []), understandQuestion(question, [], { findCardNames })]) {
          expect({ question, aboutMagic: understood.aboutMagic }).toEqual({ question, aboutMagic: false });
          expect(understood.refusal).toBe(OFF_TOPIC_REFUSAL);
        }
      }
      expect(OFF_TOPIC_REFUSAL.length).toBeLessThan(250);
    });

    it('does not refuse a follow-up in a Magic conversation, however plain its words', () => {
      const history = [{ role: 'user' as const, content: 'Can a creature with summoning sickness block?' }];
      expect(understandQuestion('And what about the next turn?', history).aboutMagic).toBe(true);
    });
  });
});
