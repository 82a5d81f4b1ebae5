import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OllamaChatClient, type OllamaChatStream } from './ollama-chat.client';
import { OllamaAbortedError, OllamaBusyError, OllamaRequestError, OllamaStreamError } from './ollama-errors';

/** A stand-in for Ollama that answers /api/chat the way the real one does: NDJSON, one object per line. */
type Handler = (request: IncomingMessage, body: Record<string, unknown>, response: ServerResponse) => void;

const MODEL = 'llama3.1:8b';
const ANSWER = ['No', ':', ' a creature', ' with menace', ' can’t be blocked', ' except by two or more creatures', ' [CR 702.111b].'];

function chunk(content: string, at: number): string {
  const createdAt = new Date(Date.UTC(2026, 3, 20, 10, 0, 0, at * 40)).toISOString();
  return JSON.stringify({ model: MODEL, created_at: createdAt, message: { role: 'assistant', content }, done: false }) + '\n';
}

const FINAL =
  JSON.stringify({
    model: MODEL,
    created_at: '2026-04-20T10:00:01.000Z',
    message: { role: 'assistant', content: '' },
    done_reason: 'stop',
    done: true,
    total_duration: 1_912_345_678,
    load_duration: 11_234_567,
    prompt_eval_count: 412,
    prompt_eval_duration: 301_000_000,
    eval_count: 38,
    eval_duration: 1_520_000_000,
  }) + '\n';

function startStreaming(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  response.flushHeaders();
}

async function collect(stream: OllamaChatStream): Promise<string[]> {
  const deltas: string[] = [];
  for await (const delta of stream) deltas.push(delta);
  return deltas;
}

describe('OllamaChatClient', () => {
  let server: Server;
  let url: string;
  let handle: Handler;
  const messages = [{ role: 'user' as const, content: 'Can one creature block a creature with menace?' }];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let raw = '';
      request.on('data', (part) => (raw += part));
      request.on('end', () => handle(request, JSON.parse(raw || '{}'), response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('streams the answer piece by piece, then reports Ollama’s figures', async () => {
    let sent: Record<string, unknown> = {};
    handle = (request, body, response) => {
      sent = { path: request.url, ...body };
      startStreaming(response);
      const lines = ANSWER.map(chunk).join('') + FINAL;
      // Real streams split objects across packets; the client must put them back together.
      const cut = Math.floor(lines.length / 3);
      response.write(lines.slice(0, cut));
      setTimeout(() => response.end(lines.slice(cut)), 20);
    };
    const client = new OllamaChatClient({ url: `${url}/`, model: MODEL, keepAlive: '10m', modelOptions: { temperature: 0.2 } });

    const stream = await client.chat({ messages });
    const deltas = await collect(stream);

    expect(deltas).toEqual(ANSWER);
    expect(stream.text).toBe(ANSWER.join(''));
    expect(stream.stats).toEqual({
      model: MODEL,
      promptTokens: 412,
      outputTokens: 38,
      generationMs: 1520,
      totalMs: 1912.345678,
      tokensPerSecond: 25,
      doneReason: 'stop',
    });
    expect(sent).toEqual({ path: '/api/chat', model: MODEL, messages, stream: true, keep_alive: '10m', options: { temperature: 0.2 } });
    expect(client.load).toEqual({ running: 0, queued: 0 });
  });

  it('keeps the partial answer when the connection dies mid-stream', async () => {
    handle = (_request, _body, response) => {
      startStreaming(response);
      response.write(chunk(ANSWER[0], 0) + chunk(ANSWER[1], 1));
      setTimeout(() => response.socket?.destroy(), 20);
    };
    const client = new OllamaChatClient({ url, model: MODEL });
    const stream = await client.chat({ messages });

    const failure = await collect(stream).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OllamaStreamError);
    expect((failure as OllamaStreamError).partial).toBe('No:');
    expect(stream.stats).toBeNull();
    expect(client.load.running).toBe(0);
  });

  it('reports an error Ollama sends in the middle of the stream, with what came before', async () => {
    handle = (_request, _body, response) => {
      startStreaming(response);
      response.end(chunk(ANSWER[0], 0) + JSON.stringify({ error: 'an error was encountered while running the model: CUDA error: out of memory' }) + '\n');
    };
    const client = new OllamaChatClient({ url, model: MODEL });

    const failure = await collect(await client.chat({ messages })).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OllamaStreamError);
    expect((failure as OllamaStreamError).message).toContain('CUDA error: out of memory');
    expect((failure as OllamaStreamError).partial).toBe('No');
  });

  it('refuses before streaming when Ollama rejects the request or cannot be reached', async () => {
    handle = (_request, _body, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: `model "${MODEL}" not found, try pulling it first` }));
    };
    const missing = await new OllamaChatClient({ url, model: MODEL }).chat({ messages }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(OllamaRequestError);
    expect(missing).toMatchObject({ status: 404, message: expect.stringContaining('not found, try pulling it first') });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new OllamaChatClient({ url: deadUrl, model: MODEL }).chat({ messages })).rejects.toThrow(/not reachable/);
  });

  it('stops generating when the user disconnects, and Ollama sees the connection close', async () => {
    let ollamaSawClose!: () => void;
    const closedOnServer = new Promise<void>((resolve) => (ollamaSawClose = resolve));
    handle = (_request, _body, response) => {
      startStreaming(response);
      response.write(chunk(ANSWER[0], 0));
      response.on('close', () => ollamaSawClose());
    };
    const client = new OllamaChatClient({ url, model: MODEL });
    const disconnect = new AbortController();
    const stream = await client.chat({ messages, signal: disconnect.signal });

    const deltas: string[] = [];
    const failure = await (async () => {
      for await (const delta of stream) {
        deltas.push(delta);
        disconnect.abort();
      }
    })().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OllamaAbortedError);
    expect((failure as OllamaAbortedError).partial).toBe('No');
    await closedOnServer;
    expect(client.load.running).toBe(0);
  });

  it('queues requests beyond its limit, tells each its place, and turns away the overflow', async () => {
    const held: ServerResponse[] = [];
    handle = (_request, _body, response) => {
      startStreaming(response);
      held.push(response);
    };
    const client = new OllamaChatClient({ url, model: MODEL, maxConcurrent: 1, maxQueue: 1 });
    const finishNext = () => held.shift()?.end(chunk('Yes.', 0) + FINAL);

    const first = await client.chat({ messages });
    const places: number[] = [];
    const second = client.chat({ messages, onQueued: (place) => places.push(place) });
    const third = client.chat({ messages });

    await expect(third).rejects.toBeInstanceOf(OllamaBusyError);
    expect(places).toEqual([1]);
    expect(client.load).toEqual({ running: 1, queued: 1 });

    finishNext();
    expect(await collect(first)).toEqual(['Yes.']);
    const secondStream = await second;
    finishNext();
    expect(await collect(secondStream)).toEqual(['Yes.']);
    expect(client.load).toEqual({ running: 0, queued: 0 });
  });

  it('frees the slot of an answer nobody reads once it is cancelled', async () => {
    handle = (_request, _body, response) => {
      startStreaming(response);
      response.write(chunk(ANSWER[0], 0));
    };
    const client = new OllamaChatClient({ url, model: MODEL, maxConcurrent: 1, maxQueue: 0 });
    const unread = await client.chat({ messages });

    await expect(client.chat({ messages })).rejects.toBeInstanceOf(OllamaBusyError);
    await unread.cancel();
    expect(client.load.running).toBe(0);
  });
});
