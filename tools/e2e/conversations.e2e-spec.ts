import mongoose, { type Connection } from 'mongoose';
import { DataSource } from 'typeorm';
import { ConversationCatalog, conversationDataSourceOptions, TranscriptStore, transcriptModel } from '@melvin/conversation/data-access';
import type { ConversationDetail, ConversationMessage, ConversationPage, ConversationSearchHit, ConversationSummary, LowRatedAnswer } from '@melvin/shared/contracts';
import { dropTestMongo, testMongoUrl } from '@melvin/shared/testing';
import { ApiClient } from './support/api-client';
import { MelvinStack } from './support/melvin-stack';

const NAME = 'conversations_e2e';
const PASSWORD = 'Mana-Fl00d-9!';

interface User {
  id: string;
  token: string;
}

/** Conversations through the gateway, with auth, chat and the CLI as real processes. */
describe('conversations: lifecycle, search, export, feedback', () => {
  let stack: MelvinStack;
  let api: ApiClient;
  let adminToken: string;
  let alice: User;
  let bob: User;
  // Answers are not produced here: they are written straight into the stores, as the answering pipeline would.
  let dataSource: DataSource;
  let mongo: Connection;
  let catalog: ConversationCatalog;
  let transcripts: TranscriptStore;

  beforeAll(async () => {
    stack = new MelvinStack(undefined, { name: NAME, backends: ['auth', 'chat'], env: { RATE_LIMIT_MAX: '5000', AUTH_RATE_LIMIT_MAX: '1000' } });
    await stack.start();
    // As an operator installs: `melvin migrate` brings every context's tables, conversations included.
    await stack.cli(['migrate']);
    api = new ApiClient(stack.gatewayUrl);
    adminToken = await stack.signIn();
    const signUp = async (username: string): Promise<User> => {
      const session = await api.activeUser(username, PASSWORD, adminToken);
      return { id: session.id, token: session.accessToken };
    };
    alice = await signUp('alice');
    bob = await signUp('bob');

    dataSource = await new DataSource(conversationDataSourceOptions(stack.postgresUrl)).initialize();
    catalog = new ConversationCatalog(dataSource);
    mongo = await mongoose.createConnection(testMongoUrl(NAME), { serverSelectionTimeoutMS: 5_000 }).asPromise();
    transcripts = new TranscriptStore(transcriptModel(mongo));
  }, 180_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await mongo?.close();
    await stack?.cleanUp();
    await dropTestMongo(NAME).catch(() => undefined);
  });

  const remove = (path: string, token: string) => api.call('DELETE', path, { token });
  const download = (path: string, token: string) => fetch(`${stack.gatewayUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

  async function startConversation(user: User, body: { title?: string } = {}): Promise<ConversationSummary> {
    const created = await api.post<ConversationSummary>('/api/conversations', body, user.token);
    expect(created.status).toBe(201);
    return created.body;
  }

  /** A question and Melvin's answer, recorded as the answering pipeline records them. */
  async function exchange(user: User, conversationId: string, question: string, answer: string, citations: ConversationMessage['citations'] = []) {
    await catalog.recordMessage(user.id, conversationId, { role: 'user', content: question });
    const asked = await transcripts.append(user.id, conversationId, { role: 'user', content: question });
    await catalog.recordMessage(user.id, conversationId, { role: 'assistant', content: answer });
    const answered = await transcripts.append(user.id, conversationId, {
      role: 'assistant',
      content: answer,
      mode: 'generated',
      status: 'complete',
      citations,
      retrieval: citations.map((citation, index) => ({ id: `${citation.kind}:${citation.target}`, kind: citation.kind, ref: citation.target, score: 1 - index / 10 })),
    });
    return { question: asked, answer: answered };
  }

  describe('lifecycle', () => {
    let conversation: ConversationSummary;

    it('creates a conversation that its first question names', async () => {
      conversation = await startConversation(alice);
      expect(conversation).toMatchObject({ title: 'New conversation', messageCount: 0, archived: false });

      await exchange(alice, conversation.id, 'Hello Melvin, how does protection work against blockers?', 'It cannot be blocked by creatures with that quality [CR 702.16e].');

      const detail = await api.get<ConversationDetail>(`/api/conversations/${conversation.id}`, alice.token);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ title: 'How does protection work against blockers?', messageCount: 2 });
      expect(detail.body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    });

    it('lists newest activity first, in pages, and hides archived conversations unless asked', async () => {
      const older = await startConversation(alice, { title: 'Older' });
      await exchange(alice, conversation.id, 'And protection from everything?', 'Nothing with any quality can block it.');

      const first = await api.get<ConversationPage>('/api/conversations?limit=1', alice.token);
      expect(first.body.items.map((item) => item.id)).toEqual([conversation.id]);
      const second = await api.get<ConversationPage>(`/api/conversations?limit=1&before=${first.body.nextCursor}`, alice.token);
      expect(second.body.items.map((item) => item.id)).toEqual([older.id]);

      const archived = await api.patch<ConversationSummary>(`/api/conversations/${older.id}`, { archived: true }, alice.token);
      expect([archived.status, archived.body.archived]).toEqual([200, true]);
      expect((await api.get<ConversationPage>('/api/conversations', alice.token)).body.items.map((item) => item.id)).toEqual([conversation.id]);
      expect((await api.get<ConversationPage>('/api/conversations?archived=true', alice.token)).body.items.map((item) => item.id)).toEqual([older.id]);
    });

    it('renames a conversation and finds it by the words of its messages', async () => {
      const renamed = await api.patch<ConversationSummary>(`/api/conversations/${conversation.id}`, { title: 'Protection' }, alice.token);
      expect([renamed.status, renamed.body.title]).toEqual([200, 'Protection']);

      const hits = await api.get<ConversationSearchHit[]>(`/api/conversations/search?q=${encodeURIComponent('blocked quality')}`, alice.token);
      expect(hits.status).toBe(200);
      expect(hits.body.map((hit) => hit.conversation.title)).toEqual(['Protection']);
      const { text, highlights } = hits.body[0].snippet;
      expect(highlights.map(({ start, end }) => text.slice(start, end).toLowerCase())).toEqual(expect.arrayContaining(['blocked', 'quality']));
    });

    it('deletes a conversation and its transcript', async () => {
      const deleted = await remove(`/api/conversations/${conversation.id}`, alice.token);
      expect(deleted.status).toBe(204);
      const gone = await api.get(`/api/conversations/${conversation.id}`, alice.token);
      expect([gone.status, gone.body['code']]).toEqual([404, 'CONVERSATION_NOT_FOUND']);
      expect(await transcripts.messages(alice.id, conversation.id)).toEqual([]);
      expect((await api.get<ConversationSearchHit[]>('/api/conversations/search?q=protection', alice.token)).body).toEqual([]);
    });
  });

  it("keeps every user's conversations to themselves: others, admins included, get 404", async () => {
    const secret = await startConversation(alice, { title: 'Secret tech' });
    const { answer } = await exchange(alice, secret.id, 'Is Thassa’s Oracle good with Tainted Pact?', 'Yes, a known combo.');
    const path = `/api/conversations/${secret.id}`;

    const answers = await Promise.all([
      api.get(path, bob.token),
      api.patch(path, { title: 'Mine' }, bob.token),
      remove(path, bob.token),
      api.get(`${path}/export?format=json`, bob.token),
      api.get(path, adminToken),
    ]);
    expect(answers.map((reply) => [reply.status, reply.body['code']])).toEqual(Array(5).fill([404, 'CONVERSATION_NOT_FOUND']));
    const rating = await api.post(`/api/conversations/messages/${answer.id}/feedback`, { rating: 'down' }, bob.token);
    expect([rating.status, rating.body['code']]).toEqual([404, 'MESSAGE_NOT_FOUND']);
    expect((await api.get<ConversationSearchHit[]>('/api/conversations/search?q=oracle', bob.token)).body).toEqual([]);
    expect((await api.get<ConversationPage>('/api/conversations', bob.token)).body.items).toEqual([]);

    const untouched = await api.get<ConversationDetail>(path, alice.token);
    expect(untouched.body).toMatchObject({ title: 'Secret tech', messageCount: 2 });
    expect(untouched.body.messages[1].feedback).toBeUndefined();
  });

  it('exports a conversation as Markdown and as JSON, citations kept as references', async () => {
    const conversation = await startConversation(alice, { title: 'Deathtouch and trample' });
    await exchange(alice, conversation.id, 'Does deathtouch help trample?', 'Yes: one damage per blocker is lethal [CR 702.19c].', [
      { kind: 'rule', target: '702.19c', label: '[CR 702.19c]' },
    ]);

    const markdown = await download(`/api/conversations/${conversation.id}/export?format=markdown`, alice.token);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(markdown.headers.get('content-disposition')).toBe('attachment; filename="melvin-deathtouch-and-trample.md"');
    const text = await markdown.text();
    expect(text.startsWith('# Deathtouch and trample\n')).toBe(true);
    expect(text).toContain('one damage per blocker is lethal [CR 702.19c].');
    expect(text).toContain('[CR 702.19c]: https://yawgatog.com/resources/magic-rules/#R70219c');

    const json = await download(`/api/conversations/${conversation.id}/export?format=json`, alice.token);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="melvin-deathtouch-and-trample.json"');
    const exported = await json.json();
    expect(exported).toMatchObject({ format: 'melvin-conversation', title: 'Deathtouch and trample' });
    expect(exported.messages[1].citations).toEqual([
      { kind: 'rule', target: '702.19c', text: '[CR 702.19c]', url: 'https://yawgatog.com/resources/magic-rules/#R70219c' },
    ]);

    const unknown = await api.get(`/api/conversations/${conversation.id}/export?format=pdf`, alice.token);
    expect([unknown.status, unknown.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('takes thumbs up or down on answers and shows admins only the down-rated ones, stripped to question, answer and sources', async () => {
    const conversation = await startConversation(alice, { title: 'Ward' });
    const first = await exchange(alice, conversation.id, 'What does ward do?', 'It counters spells that target it [CR 702.21a].', [{ kind: 'rule', target: '702.21a', label: '[CR 702.21a]' }]);
    const rate = (messageId: string, body: object) => api.post<ConversationMessage & { code?: string }>(`/api/conversations/messages/${messageId}/feedback`, body, alice.token);

    const down = await rate(first.answer.id, { rating: 'down', comment: 'Abilities trigger ward as well' });
    expect([down.status, down.body.feedback?.rating, down.body.feedback?.comment]).toEqual([200, 'down', 'Abilities trigger ward as well']);
    expect((await rate(first.answer.id, { rating: 'down', comment: 'x'.repeat(1001) })).status).toBe(400);
    const question = await rate(first.question.id, { rating: 'up' });
    expect([question.status, question.body.code]).toEqual([400, 'NOT_AN_ANSWER']);

    const lowRated = await api.get<LowRatedAnswer[]>('/api/admin/feedback/low-rated', adminToken);
    expect(lowRated.status).toBe(200);
    expect(lowRated.body.find((item) => item.messageId === first.answer.id)).toEqual({
      messageId: first.answer.id,
      question: 'What does ward do?',
      answer: 'It counters spells that target it [CR 702.21a].',
      mode: 'generated',
      citations: [{ kind: 'rule', target: '702.21a', label: '[CR 702.21a]' }],
      retrieval: [{ id: 'rule:702.21a', kind: 'rule', ref: '702.21a', score: 1 }],
      comment: 'Abilities trigger ward as well',
      ratedAt: expect.any(String),
    });
    expect(JSON.stringify(lowRated.body)).not.toContain(conversation.id);
    const forUsers = await api.get('/api/admin/feedback/low-rated', alice.token);
    expect([forUsers.status, forUsers.body['code']]).toEqual([403, 'FORBIDDEN']);

    // Changing one's mind replaces the rating: the answer leaves the low-rated list.
    expect((await rate(first.answer.id, { rating: 'up' })).body.feedback).toEqual({ rating: 'up', at: expect.any(String) });
    const after = await api.get<LowRatedAnswer[]>('/api/admin/feedback/low-rated', adminToken);
    expect(after.body.some((item) => item.messageId === first.answer.id)).toBe(false);
  });

  it('refuses malformed ids and anonymous callers', async () => {
    const malformed = await api.get('/api/conversations/not-a-uuid', alice.token);
    expect(malformed.status).toBe(400);
    const anonymous = await api.get('/api/conversations');
    expect([anonymous.status, anonymous.body['code']]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
