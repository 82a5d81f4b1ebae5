import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { ZodError } from 'zod';
import { migrateConversations, TranscriptStore, type NewMessage } from '@melvin/conversation/data-access';
import { loadConfig } from '@melvin/shared/config';
import type { Actor, ConversationSummary } from '@melvin/shared/contracts';
import { createTestPostgres, dropTestMongo, dropTestPostgres, silentLogger, testEnvironment, testMongoUrl } from '@melvin/shared/testing';
import { AppModule } from '../src/app/app.module';
import { ConversationService } from '../src/app/conversations/conversation.service';
import { ConversationsController } from '../src/app/conversations/conversations.controller';
import { chatEnvSchema } from '../src/config/env.schema';

const SUITE = 'chat_conversations';

const actor = (username: string, role: Actor['role'] = 'user'): Actor => ({ id: randomUUID(), username, role });
const envelope = <T>(data: T) => ({ correlationId: 'conversations-int', data });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What an operation was refused with, whether it threw at once (a bad message) or rejected. */
async function refusal(operation: () => unknown): Promise<unknown> {
  try {
    await operation();
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to be refused');
}

const answer = (content: string, extra: Partial<NewMessage> = {}): NewMessage => ({
  role: 'assistant',
  content,
  mode: 'generated',
  status: 'complete',
  citations: [{ kind: 'rule', target: '702.19b', label: '[CR 702.19b]' }],
  retrieval: [{ id: 'rule:702.19b', kind: 'rule', ref: '702.19b', score: 0.91 }],
  ...extra,
});

/** The conversation side of chat on real PostgreSQL and FerretDB, driven through its message handlers. */
describe('conversations (real PostgreSQL and FerretDB)', () => {
  let moduleRef: TestingModule;
  let rpc: ConversationsController;
  let conversations: ConversationService;
  let transcripts: TranscriptStore;
  const alice = actor('alice');
  const bob = actor('bob');
  const admin = actor('admin', 'admin');

  beforeAll(async () => {
    const postgresUrl = await createTestPostgres(SUITE);
    await migrateConversations(postgresUrl);
    const config = loadConfig('chat', chatEnvSchema, {
      POSTGRES_URL: postgresUrl,
      MONGO_URL: testMongoUrl(SUITE),
      REDIS_URL: testEnvironment().MELVIN_TEST_REDIS_URL,
    });
    // The whole chat module, as the service runs it; the tests drive its message handlers directly.
    moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, silentLogger('chat'))] }).compile();
    await moduleRef.init();
    rpc = moduleRef.get(ConversationsController);
    conversations = moduleRef.get(ConversationService);
    transcripts = moduleRef.get(TranscriptStore);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await dropTestMongo(SUITE);
    await dropTestPostgres(SUITE);
  });

  const create = (owner: Actor, title?: string) => rpc.create(envelope({ actor: owner, ...(title ? { title } : {}) }));
  const ask = (owner: Actor, conversationId: string, question: string) => conversations.addMessage(owner.id, conversationId, { role: 'user', content: question });
  const listTitles = async (owner: Actor, archived = false) =>
    (await rpc.list(envelope({ actor: owner, limit: 100, archived }))).items.map((conversation) => conversation.title);

  it('names a new conversation after its first question and keeps the transcript in order', async () => {
    const created = await create(alice);
    expect(created).toMatchObject({ title: 'New conversation', messageCount: 0, archived: false, lastPreview: null });

    await ask(alice, created.id, 'Hi Melvin! Does deathtouch work with trample?');
    await pause(5);
    await conversations.addMessage(alice.id, created.id, answer('Yes: one damage to each blocker counts as lethal [CR 702.19b].'));
    await ask(alice, created.id, 'And with first strike?');

    const detail = await rpc.get(envelope({ actor: alice, conversationId: created.id }));
    expect(detail.title).toBe('Does deathtouch work with trample?');
    expect(detail.messageCount).toBe(3);
    expect(detail.lastPreview).toBe('And with first strike?');
    expect(detail.messages.map((message) => [message.seq, message.role])).toEqual([
      [1, 'user'],
      [2, 'assistant'],
      [3, 'user'],
    ]);
    expect(detail.messages[1]).toMatchObject({ mode: 'generated', citations: [{ kind: 'rule', target: '702.19b', label: '[CR 702.19b]' }] });
    expect(Date.parse(detail.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
  });

  it('keeps a title the user chose, and renaming does not count as activity', async () => {
    const named = await create(alice, 'Combat questions');
    await ask(alice, named.id, 'What is a blocked creature?');
    const before = await rpc.get(envelope({ actor: alice, conversationId: named.id }));
    expect(before.title).toBe('Combat questions');

    const renamed = await rpc.update(envelope({ actor: alice, conversationId: named.id, title: '  Blocking  ' }));
    expect(renamed.title).toBe('Blocking');
    expect(renamed.updatedAt).toBe(before.updatedAt);
  });

  it('lists newest activity first, page by page, without gaps or repeats', async () => {
    const owner = actor('pager');
    const created: ConversationSummary[] = [];
    for (const title of ['one', 'two', 'three', 'four', 'five']) {
      created.push(await create(owner, title));
      await pause(5);
    }
    // "two" comes back to the top when a message is added to it.
    await ask(owner, created[1].id, 'Back to this one');

    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await rpc.list(envelope({ actor: owner, limit: 2, ...(before ? { before } : {}) }));
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((conversation) => conversation.title));
      before = page.nextCursor ?? undefined;
    } while (before);

    expect(seen).toEqual(['two', 'five', 'four', 'three', 'one']);
    expect(await refusal(() => rpc.list(envelope({ actor: owner, limit: 2, before: 'not-a-cursor' })))).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
  });

  it('hides archived conversations from the default list and lists them on request', async () => {
    const owner = actor('archivist');
    const kept = await create(owner, 'Kept');
    const shelved = await create(owner, 'Shelved');

    await rpc.update(envelope({ actor: owner, conversationId: shelved.id, archived: true }));
    expect(await listTitles(owner)).toEqual(['Kept']);
    expect(await listTitles(owner, true)).toEqual(['Shelved']);

    await rpc.update(envelope({ actor: owner, conversationId: shelved.id, archived: false }));
    expect((await listTitles(owner)).sort()).toEqual([kept.title, 'Shelved']);
  });

  describe('search', () => {
    const searcher = actor('searcher');
    const other = actor('other');
    let stack: ConversationSummary;
    let lands: ConversationSummary;

    beforeAll(async () => {
      stack = await create(searcher, 'Stack questions');
      await ask(searcher, stack.id, 'Can I respond to a triggered ability?');
      await conversations.addMessage(searcher.id, stack.id, answer('Yes. A creature with deathtouch that tramples only needs to assign one damage to each blocker.'));
      lands = await create(searcher, 'Trample rules');
      await ask(searcher, lands.id, 'How many lands can I play per turn?');
      const elsewhere = await create(other, 'Also about trample');
      await ask(other, elsewhere.id, 'Does trample work with deathtouch?');
      await rpc.update(envelope({ actor: searcher, conversationId: stack.id, archived: true }));
    });

    it('finds conversations by words in their messages, archived ones too, with the match highlighted', async () => {
      const hits = await rpc.search(envelope({ actor: searcher, q: 'deathtouch', limit: 20 }));
      expect(hits.map((hit) => hit.conversation.id)).toEqual([stack.id]);
      const { text, highlights } = hits[0].snippet;
      expect(highlights.length).toBeGreaterThan(0);
      expect(highlights.map(({ start, end }) => text.slice(start, end).toLowerCase())).toContain('deathtouch');
      expect(hits[0].conversation.archived).toBe(true);
    });

    it('ranks a title match first and matches other forms of a word', async () => {
      // "trample" is in one title and, as "tramples", in the other conversation's answer.
      const hits = await rpc.search(envelope({ actor: searcher, q: 'trample', limit: 20 }));
      expect(hits.map((hit) => hit.conversation.title)).toEqual(['Trample rules', 'Stack questions']);
    });

    it("never returns another user's conversations", async () => {
      const hits = await rpc.search(envelope({ actor: other, q: 'trample deathtouch', limit: 20 }));
      expect(hits.map((hit) => hit.conversation.title)).toEqual(['Also about trample']);
      expect(await rpc.search(envelope({ actor: searcher, q: 'lands -turn', limit: 20 }))).toEqual([]);
    });
  });

  it("answers 404 for every operation on someone else's conversation and leaves it untouched", async () => {
    const mine = await create(alice, 'Private');
    await ask(alice, mine.id, 'My secret question about Thassa’s Oracle');
    const [question] = await transcripts.messages(alice.id, mine.id);
    const reply = await conversations.addMessage(alice.id, mine.id, answer('My secret answer'));
    const byBob = { actor: bob, conversationId: mine.id };

    const attempts = [
      () => rpc.get(envelope(byBob)),
      () => rpc.update(envelope({ ...byBob, title: 'Mine now' })),
      () => rpc.update(envelope({ ...byBob, archived: true })),
      () => rpc.remove(envelope(byBob)),
      () => rpc.export(envelope({ ...byBob, format: 'json' })),
      () => conversations.addMessage(bob.id, mine.id, { role: 'user', content: 'Injected' }),
      () => transcripts.append(bob.id, mine.id, { role: 'user', content: 'Injected' }),
      // Admins are users here: no wider view through the normal operations.
      () => rpc.get(envelope({ actor: admin, conversationId: mine.id })),
    ];
    for (const attempt of attempts) expect(await refusal(attempt)).toMatchObject({ status: 404, code: 'CONVERSATION_NOT_FOUND' });
    expect(await refusal(() => rpc.feedback(envelope({ actor: bob, messageId: reply.id, rating: 'down' })))).toMatchObject({ status: 404, code: 'MESSAGE_NOT_FOUND' });
    expect(await refusal(() => transcripts.update(bob.id, question.id, { content: 'Changed' }))).toMatchObject({ status: 404, code: 'MESSAGE_NOT_FOUND' });
    expect((await rpc.list(envelope({ actor: bob, limit: 100, archived: false }))).items).toEqual([]);

    const untouched = await rpc.get(envelope({ actor: alice, conversationId: mine.id }));
    expect(untouched).toMatchObject({ title: 'Private', archived: false, messageCount: 2 });
    expect(untouched.messages.map((message) => message.content)).toEqual(['My secret question about Thassa’s Oracle', 'My secret answer']);
    expect(untouched.messages[1].feedback).toBeUndefined();
  });

  describe('feedback and the low-rated list', () => {
    const rater = actor('rater');
    let conversationId: string;
    let firstAnswerId: string;
    let secondAnswerId: string;

    beforeAll(async () => {
      conversationId = (await create(rater, 'Rated')).id;
      await ask(rater, conversationId, 'What does ward do?');
      firstAnswerId = (await conversations.addMessage(rater.id, conversationId, answer('Ward counters spells that target it unless a cost is paid [CR 702.21a].'))).id;
      await ask(rater, conversationId, 'Does ward trigger on abilities too?');
      secondAnswerId = (
        await conversations.addMessage(
          rater.id,
          conversationId,
          answer('No, only spells.', {
            citations: [{ kind: 'rule', target: '702.21a', label: '[CR 702.21a]' }],
            retrieval: [{ id: 'rule:702.21a', kind: 'rule', ref: '702.21a', score: 0.8 }],
          }),
        )
      ).id;
    });

    it('replaces an earlier rating and refuses to rate a question', async () => {
      await rpc.feedback(envelope({ actor: rater, messageId: firstAnswerId, rating: 'down', comment: 'Too short' }));
      const changed = await rpc.feedback(envelope({ actor: rater, messageId: firstAnswerId, rating: 'up' }));
      expect(changed.feedback).toEqual({ rating: 'up', at: expect.any(String) });

      const [question] = await transcripts.messages(rater.id, conversationId);
      expect(await refusal(() => rpc.feedback(envelope({ actor: rater, messageId: question.id, rating: 'up' })))).toMatchObject({ status: 400, code: 'NOT_AN_ANSWER' });
      expect(await refusal(() => rpc.feedback(envelope({ actor: rater, messageId: firstAnswerId, rating: 'down', comment: 'x'.repeat(1001) })))).toBeInstanceOf(ZodError);
    });

    it('shows admins the down-rated answer with the question just before it, its sources, and nothing else', async () => {
      await rpc.feedback(envelope({ actor: rater, messageId: secondAnswerId, rating: 'down', comment: 'Wrong: ward triggers on abilities too' }));

      const lowRated = await rpc.lowRated(envelope({ actor: admin, limit: 50 }));
      const entry = lowRated.find((item) => item.messageId === secondAnswerId);
      expect(entry).toEqual({
        messageId: secondAnswerId,
        question: 'Does ward trigger on abilities too?',
        answer: 'No, only spells.',
        mode: 'generated',
        citations: [{ kind: 'rule', target: '702.21a', label: '[CR 702.21a]' }],
        retrieval: [{ id: 'rule:702.21a', kind: 'rule', ref: '702.21a', score: 0.8 }],
        comment: 'Wrong: ward triggers on abilities too',
        ratedAt: expect.any(String),
      });
      // The up-rated answer is not there, nor anything naming the conversation or its owner.
      expect(lowRated.some((item) => item.messageId === firstAnswerId)).toBe(false);
      const everything = JSON.stringify(lowRated);
      expect(everything).not.toContain(conversationId);
      expect(everything).not.toContain(rater.id);
      expect(everything).not.toContain('Rated');
      expect(everything).not.toContain('What does ward do?');

      expect(await refusal(() => rpc.lowRated(envelope({ actor: rater, limit: 50 })))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    });
  });

  it('deletes a conversation with its whole transcript', async () => {
    const doomed = await create(alice, 'Doomed');
    await ask(alice, doomed.id, 'Will this be gone?');
    const reply = await conversations.addMessage(alice.id, doomed.id, answer('Yes, entirely.'));
    await rpc.feedback(envelope({ actor: alice, messageId: reply.id, rating: 'down' }));

    await rpc.remove(envelope({ actor: alice, conversationId: doomed.id }));

    expect(await refusal(() => rpc.get(envelope({ actor: alice, conversationId: doomed.id })))).toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
    expect(await transcripts.messages(alice.id, doomed.id)).toEqual([]);
    expect((await rpc.lowRated(envelope({ actor: admin, limit: 100 }))).some((item) => item.messageId === reply.id)).toBe(false);
    expect(await rpc.search(envelope({ actor: alice, q: 'gone', limit: 20 }))).toEqual([]);
    expect(await refusal(() => rpc.remove(envelope({ actor: alice, conversationId: doomed.id })))).toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
  });
});
