import { cardSource, glossarySource, ruleSource } from '../../test-support/real-knowledge';
import { estimateTokens } from '../text/estimate-tokens';
import { buildPrompt } from './build-prompt';

describe('buildPrompt', () => {
  const question = 'Does trample let my 5/5 deal damage to the player when a 2/2 blocks it?';
  const sources = [ruleSource('702.19a', 0.5), ruleSource('702.19b', 0.9), cardSource('Lightning Bolt', 0.1), glossarySource('Trample', 0.7)];
  const history = [
    { role: 'user' as const, content: 'What is first strike?' },
    { role: 'assistant' as const, content: 'A creature with first strike deals combat damage first [CR 702.7b].' },
  ];

  it('tells the model to cite only the numbered sources, in the fixed forms, and to admit when they fall short', () => {
    const prompt = buildPrompt({ question, history, sources, tokenBudget: 4000 });

    expect(prompt.system).toContain('[CR 702.19b], [Card: Name] or [Ruling: Name, YYYY-MM-DD]');
    expect(prompt.system).toMatch(/Never cite a rule, card or ruling that is not among the numbered sources/);
    expect(prompt.system).toMatch(/do not know/);
    const last = prompt.messages[prompt.messages.length - 1];
    expect(last.role).toBe('user');
    expect(last.content).toContain(`Question: ${question}`);
    expect(last.content).toContain('(cite as [CR 702.19b])');
    // The glossary entry is cited through the rule it points to.
    expect(last.content).toContain('Comprehensive Rules glossary: Trample (cite as [CR 702.19])');
  });

  it('lists sources most relevant first and keeps the earlier turns', () => {
    const prompt = buildPrompt({ question, history, sources, tokenBudget: 4000 });
    const last = prompt.messages[prompt.messages.length - 1].content;

    expect(prompt.sources.map((s) => s.ref)).toEqual(['702.19b', 'Trample', '702.19a', 'Lightning Bolt']);
    expect(last.indexOf('[1] Comprehensive Rules 702.19b')).toBeGreaterThanOrEqual(0);
    expect(last.indexOf('[4] Card: Lightning Bolt')).toBeGreaterThan(last.indexOf('[3] Comprehensive Rules 702.19a'));
    expect(prompt.messages.slice(0, 2)).toEqual(history);
  });

  it('stays within the token budget by leaving out the least relevant sources', () => {
    const small = buildPrompt({ question, history: [], sources, tokenBudget: 450 });
    const size = estimateTokens(small.system) + small.messages.reduce((sum, m) => sum + estimateTokens(m.content), 0);

    expect(size).toBeLessThanOrEqual(450);
    expect(small.sources[0].ref).toBe('702.19b');
    expect(small.sources.length).toBeLessThan(sources.length);
  });

  it('in strict mode insists on a citation for every claim', () => {
    const strict = buildPrompt({ question, history, sources, tokenBudget: 4000, strict: true });
    expect(strict.system).toContain('Your previous answer had no valid citation');
    expect(buildPrompt({ question, history, sources, tokenBudget: 4000 }).system).not.toContain('previous answer');
  });
});

describe('estimateTokens', () => {
  it('counts about four characters per token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('Trample is a static ability.')).toBe(7);
  });
});
