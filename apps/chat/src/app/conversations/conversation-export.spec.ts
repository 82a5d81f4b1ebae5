import type { ConversationDetail, ConversationMessage } from '@melvin/shared/contracts';
import { exportConversation } from './conversation-export';

const message = (fields: Partial<ConversationMessage> & Pick<ConversationMessage, 'seq' | 'role' | 'content'>): ConversationMessage => ({
  id: `00000000000000000000000${fields.seq}`,
  conversationId: 'c1',
  createdAt: `2026-04-20T10:0${fields.seq}:00.000Z`,
  citations: [],
  invalidCitations: [],
  flags: [],
  retrieval: [],
  ...fields,
});

const conversation: ConversationDetail = {
  id: 'c1',
  title: 'Ward & “abilities”?',
  archived: false,
  messageCount: 4,
  lastPreview: null,
  createdAt: '2026-04-20T10:00:00.000Z',
  updatedAt: '2026-04-20T10:04:00.000Z',
  messages: [
    message({ seq: 1, role: 'user', content: 'Does ward trigger on abilities?' }),
    message({
      seq: 2,
      role: 'assistant',
      content: 'Yes [CR 702.21a]; see [Ruling: Adeline, Resplendent Cathar, 2021-09-24].',
      mode: 'generated',
      status: 'partial',
      citations: [
        { kind: 'rule', target: '702.21a', label: '[CR 702.21a]' },
        { kind: 'ruling', target: 'Adeline, Resplendent Cathar', label: '[Ruling: Adeline, Resplendent Cathar, 2021-09-24]' },
      ],
    }),
    message({ seq: 3, role: 'user', content: 'Any loops with it?' }),
    message({ seq: 4, role: 'assistant', content: 'One loop: [Card: Basalt Monolith] untaps itself.', mode: 'loop', citations: [{ kind: 'card', target: 'Basalt Monolith' }] }),
  ],
};

describe('exportConversation', () => {
  it('writes JSON in which stored citations stay references with their links, a ruling keeping its date', () => {
    const exported = exportConversation(conversation, 'json');
    const body = JSON.parse(exported.body);

    expect(exported).toMatchObject({ contentType: 'application/json; charset=utf-8', filename: 'melvin-ward-abilities.json' });
    expect(body.messages[1].citations).toEqual([
      { kind: 'rule', target: '702.21a', text: '[CR 702.21a]', url: 'https://yawgatog.com/resources/magic-rules/#R70221a' },
      expect.objectContaining({ kind: 'ruling', target: 'Adeline, Resplendent Cathar', date: '2021-09-24' }),
    ]);
    // A broken-off answer says so; a loop analysis reads as a plain answer with its card cited.
    expect(body.messages[1].flags).toEqual(['partial']);
    expect(body.messages[3].mode).toBeUndefined();
    expect(body.messages[3].citations).toEqual([expect.objectContaining({ kind: 'card', target: 'Basalt Monolith', text: '[Card: Basalt Monolith]' })]);
  });

  it('writes Markdown with the citations as written and a reference list', () => {
    const exported = exportConversation(conversation, 'markdown');

    expect(exported).toMatchObject({ contentType: 'text/markdown; charset=utf-8', filename: 'melvin-ward-abilities.md' });
    expect(exported.body).toContain('# Ward & “abilities”?');
    expect(exported.body).toContain('Yes [CR 702.21a]; see');
    expect(exported.body).toContain('## Melvin [partial]');
    expect(exported.body).toContain('[CR 702.21a]: https://yawgatog.com/resources/magic-rules/#R70221a');
  });
});
