import { exportConversationJson, exportConversationMarkdown } from './export-conversation';
import { titleFromQuestion, UNTITLED } from './title-from-question';
import type { Transcript } from './transcript';

describe('titleFromQuestion', () => {
  it('keeps the first sentence without greetings, brackets or markdown', () => {
    expect(titleFromQuestion('Hi Melvin! does [[Lightning Bolt]] kill **Tarmogoyf**? It has 4 toughness.')).toBe(
      'Does Lightning Bolt kill Tarmogoyf?',
    );
    expect(titleFromQuestion('Quick question: how does deathtouch work with trample')).toBe('How does deathtouch work with trample');
  });

  it('cuts long questions at a word boundary and never returns nothing', () => {
    const title = titleFromQuestion(
      'When my opponent casts a spell that targets my creature and I respond by giving it hexproof, what happens to the spell',
    );
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title).toMatch(/^When my opponent casts a spell that targets my creature\S*…$/);
    expect(titleFromQuestion('  hello!  ')).toBe(UNTITLED);
  });
});

describe('conversation export', () => {
  const conversation: Transcript = {
    title: 'Trample and deathtouch',
    createdAt: '2026-04-20T10:00:00.000Z',
    messages: [
      { role: 'user', content: 'Does [[Questing Beast]] trample over with deathtouch?', createdAt: '2026-04-20T10:00:00.000Z' },
      {
        role: 'assistant',
        content: 'One damage to each blocker is lethal [CR 702.2c] [CR 702.19b]. See [Card: Jace, the Mind Sculptor] and [Ruling: Jace, the Mind Sculptor, 2021-03-19].',
        mode: 'generated',
        createdAt: '2026-04-20T10:00:05.000Z',
        flags: ['partial'],
      },
      { role: 'assistant', content: 'Again: [CR 702.19b].', mode: 'extractive', createdAt: '2026-04-20T10:01:00.000Z' },
    ],
  };

  it('writes Markdown whose citations read as written and link to the rule or card', () => {
    const markdown = exportConversationMarkdown(conversation);

    expect(markdown.startsWith('# Trample and deathtouch\n')).toBe(true);
    expect(markdown).toContain('One damage to each blocker is lethal [CR 702.2c] [CR 702.19b].');
    expect(markdown).toContain('## Melvin [partial]');
    expect(markdown).toContain('## Melvin (quoted from the sources, no generated answer)');
    expect(markdown).toContain('\n[CR 702.19b]: https://yawgatog.com/resources/magic-rules/#R70219b\n');
    expect(markdown).toContain('[Card: Jace, the Mind Sculptor]: https://scryfall.com/search?q=!%22Jace%2C%20the%20Mind%20Sculptor%22');
    expect(markdown).toContain('[Ruling: Jace, the Mind Sculptor, 2021-03-19]: https://scryfall.com/search?q=!%22Jace%2C%20the%20Mind%20Sculptor%22');
    // A citation used twice is defined once.
    expect(markdown.match(/^\[CR 702\.19b\]:/gm)).toHaveLength(1);
  });

  it('writes JSON with every citation resolved to a link', () => {
    const exported = JSON.parse(exportConversationJson(conversation));

    expect(exported).toMatchObject({ format: 'melvin-conversation', version: 1, title: 'Trample and deathtouch' });
    expect(exported.messages).toHaveLength(3);
    expect(exported.messages[0].citations).toEqual([]);
    expect(exported.messages[1]).toMatchObject({ mode: 'generated', flags: ['partial'] });
    expect(exported.messages[1].citations[1]).toEqual({
      kind: 'rule',
      target: '702.19b',
      text: '[CR 702.19b]',
      url: 'https://yawgatog.com/resources/magic-rules/#R70219b',
    });
    expect(exported.messages[1].citations[3]).toMatchObject({ kind: 'ruling', target: 'Jace, the Mind Sculptor', date: '2021-03-19' });
  });
});
