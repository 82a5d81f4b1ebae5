import type { ConversationDetail, ConversationMessage, ConversationSummary } from '@melvin/shared/contracts';
import { waitFor } from '@melvin/shared/testing';
import type { ApiClient } from './support/api-client';
import { readEvents, startStackWithKnowledge } from './support/knowledge-stack';
import type { MelvinStack } from './support/melvin-stack';
import { OllamaReplay } from './support/ollama-replay';

const PASSWORD = 'Mana-Fl00d-9!';

interface Asked {
  question: ConversationMessage;
  answer: ConversationMessage;
}

function citedRules(answer: ConversationMessage): string[] {
  return answer.citations.filter((citation) => citation.kind === 'rule').map((citation) => citation.target);
}

async function newConversation(api: ApiClient, token: string): Promise<string> {
  const created = await api.post<ConversationSummary>('/api/conversations', {}, token);
  expect(created.status).toBe(201);
  return created.body.id;
}

function streamAsk(stack: MelvinStack, token: string, conversationId: string, content: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${stack.gatewayUrl}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ content }),
    signal,
  });
}

describe('answers without a language model: extractive, cited, streamed', () => {
  let stack: MelvinStack;
  let api: ApiClient;
  let token: string;

  beforeAll(async () => {
    ({ stack, api } = await startStackWithKnowledge({ name: 'answers_extractive' }));
    token = (await api.activeUser('reader', PASSWORD, await stack.signIn())).accessToken;
  }, 240_000);
  afterAll(() => stack?.cleanUp());

  it('answers a real rules question by quoting the rules and card text, every citation valid', async () => {
    const id = await newConversation(api, token);
    const asked = await api.post<Asked>(`/api/conversations/${id}/messages`, { content: 'If [[Leyline Prowler]] blocks a 5/5, does the 5/5 die? It has deathtouch.' }, token);
    expect(asked.status).toBe(200);
    const { answer } = asked.body;
    expect(answer).toMatchObject({ role: 'assistant', mode: 'extractive', status: 'complete', invalidCitations: [] });
    expect(answer.content).toMatch(/not a generated answer/);
    expect(citedRules(answer).some((rule) => rule.startsWith('702.2'))).toBe(true);
    expect(answer.citations.some((citation) => citation.kind === 'card' && citation.target === 'Leyline Prowler')).toBe(true);
    for (const citation of answer.citations) expect(answer.content).toContain(citation.label as string);

    const detail = await api.get<ConversationDetail>(`/api/conversations/${id}`, token);
    expect(detail.body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(detail.body.title).toMatch(/Leyline Prowler/);
  });

  it('streams accepted, retrieval, tokens and done, in that order, and stores what it streamed', async () => {
    const id = await newConversation(api, token);
    const response = await streamAsk(stack, token, id, 'What does the stack do when both players pass priority?');
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readEvents(response);
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('accepted');
    expect(types[1]).toBe('retrieval');
    expect(types.at(-1)).toBe('done');
    expect(types.slice(2, -1).every((type) => type === 'token')).toBe(true);
    const streamed = events.filter((event) => event.type === 'token').map((event) => event.data['text']).join('');
    const done = events.at(-1)?.data['message'] as ConversationMessage;
    expect(streamed).toBe(done.content);
    expect((events[1].data['sources'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('refuses politely when the question is not about Magic', async () => {
    const id = await newConversation(api, token);
    const asked = await api.post<Asked>(`/api/conversations/${id}/messages`, { content: 'What is a good recipe for banana bread?' }, token);
    expect(asked.body.answer.mode).toBe('refused');
    expect(asked.body.answer.content.length).toBeLessThan(400);
  });

  it('asks "did you mean" instead of guessing an ambiguous card name', async () => {
    const id = await newConversation(api, token);
    const asked = await api.post<Asked>(`/api/conversations/${id}/messages`, { content: 'Can [[Jace]] target himself?' }, token);
    expect(asked.body.answer.flags).toContain('clarification');
    expect(asked.body.answer.content).toMatch(/Which card do you mean/);
  });

  it('answers "do these go infinite?" from the loop engine, step by step', async () => {
    const id = await newConversation(api, token);
    const asked = await api.post<Asked>(`/api/conversations/${id}/messages`, { content: 'Do [[Basalt Monolith]] and [[Rings of Brighthearth]] go infinite?' }, token);
    expect(asked.body.answer.mode).toBe('loop');
    expect(asked.body.answer.content).toMatch(/infinite-mana/);
    expect(asked.body.answer.content).toMatch(/\[Card: Basalt Monolith\]/);
  });

  it("keeps each user's conversations to themselves", async () => {
    const id = await newConversation(api, token);
    const other = (await api.activeUser('other_reader', PASSWORD, await stack.signIn())).accessToken;
    const asked = await api.post(`/api/conversations/${id}/messages`, { content: 'What is trample?' }, other);
    expect(asked.status).toBe(404);
  });

  it('answers 20 concurrent streamed questions without an error or a lost message', async () => {
    const questions = Array.from({ length: 20 }, (_, i) => `Question ${i + 1}: how does ${['trample', 'first strike', 'lifelink', 'flying', 'ward'][i % 5]} work in combat?`);
    const ids = await Promise.all(questions.map(() => newConversation(api, token)));
    const runs = await Promise.all(ids.map(async (id, i) => readEvents(await streamAsk(stack, token, id, questions[i]))));
    for (const events of runs) expect(events.at(-1)?.type).toBe('done');
    for (const id of ids) {
      const detail = await api.get<ConversationDetail>(`/api/conversations/${id}`, token);
      expect(detail.body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    }
  });
});

describe('answers with a language model (a local server replaying Ollama\'s stream format)', () => {
  const ollama = new OllamaReplay();
  let stack: MelvinStack;
  let api: ApiClient;
  let token: string;

  beforeAll(async () => {
    const url = await ollama.start();
    ({ stack, api } = await startStackWithKnowledge({ name: 'answers_generated', env: { OLLAMA_URL: url, OLLAMA_MODEL: 'replay-model' } }));
    token = (await api.activeUser('asker', PASSWORD, await stack.signIn())).accessToken;
  }, 240_000);
  afterAll(async () => {
    await stack?.cleanUp();
    await ollama.stop();
  });

  it('streams the generated answer and keeps its valid citations', async () => {
    const id = await newConversation(api, token);
    const asked = await api.post<Asked>(`/api/conversations/${id}/messages`, { content: 'Does deathtouch work with [[Walking Ballista]] pings?' }, token);
    const { answer } = asked.body;
    expect(answer).toMatchObject({ mode: 'generated', status: 'complete', model: 'replay-model', invalidCitations: [] });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.tokens).toMatchObject({ prompt: 412 });
    expect(ollama.prompts.at(-1)).toMatch(/cite as \[/);
  });

  it('removes a citation of a rule that does not exist and flags the message', async () => {
    ollama.next({ kind: 'invent', citation: '[CR 999.9z]' });
    const id = await newConversation(api, token);
    const { answer } = (await api.post<Asked>(`/api/conversations/${id}/messages`, { content: 'Is trample damage assigned before blockers die?' }, token)).body;
    expect(answer.content).not.toContain('999.9z');
    expect(answer.invalidCitations.map((citation) => citation.target)).toContain('999.9z');
    expect(answer.flags).toContain('invalid-citations-removed');
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('keeps and marks the partial answer when the model dies mid-stream', async () => {
    ollama.next({ kind: 'die-after', pieces: 4 });
    const id = await newConversation(api, token);
    const { answer } = (await api.post<Asked>(`/api/conversations/${id}/messages`, { content: 'How does flying interact with reach?' }, token)).body;
    expect(answer.status).toBe('partial');
    expect(answer.flags).toContain('stream-interrupted');
    expect(answer.content).toMatch(/^word0 word1 word2 word3/);
    expect(answer.content).toMatch(/Ask again to retry/);
  });

  it('stores the partial answer when the reader disconnects mid-stream', async () => {
    ollama.next({ kind: 'slow', pieces: 200, delayMs: 50 });
    const id = await newConversation(api, token);
    const abort = new AbortController();
    const response = await streamAsk(stack, token, id, 'Explain the layers system for copy effects.', abort.signal);
    const events = await readEvents(response, (event) => event.type === 'token', abort);
    expect(events.map((event) => event.type)).toContain('token');
    const stored = await waitFor('the partial answer to be stored', async () => {
      const detail = await api.get<ConversationDetail>(`/api/conversations/${id}`, token);
      return detail.body.messages.find((message) => message.role === 'assistant');
    });
    expect(stored.flags).toContain('cancelled');
    expect(stored.content).toMatch(/^word0/);
    expect(stored.content.split('word').length - 1).toBeLessThan(200);
  });
});
