import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OllamaEmbedder } from './ollama-embedder';

interface EmbedCall {
  path: string;
  body: { model: string; input: string[]; keep_alive: unknown };
}

type Reply = (call: EmbedCall, response: ServerResponse) => void;

/** Answers as Ollama's /api/embed does: each text's vector here is [its length, 1]. */
const embedLikeOllama: Reply = ({ body }, response) =>
  sendJson(response, 200, {
    model: body.model,
    embeddings: body.input.map((text) => [text.length, 1]),
    total_duration: 14143917,
    load_duration: 1019500,
    prompt_eval_count: body.input.length * 8,
  });

/** A stand-in Ollama on a free local port that records every call. */
async function fakeOllama(reply: Reply = embedLikeOllama) {
  const calls: EmbedCall[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const call = { path: request.url ?? '', body: JSON.parse(raw) };
    calls.push(call);
    reply(call, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('OllamaEmbedder', () => {
  it('embeds every text, in order, in batches of the configured size', async () => {
    const ollama = await fakeOllama();
    const embedder = new OllamaEmbedder({ url: ollama.url, model: 'nomic-embed-text', batchSize: 2, keepAlive: '5m' });

    const vectors = await embedder.embed(['a', 'bb', 'ccc', 'dddd', 'eeeee']);

    expect(vectors).toEqual([[1, 1], [2, 1], [3, 1], [4, 1], [5, 1]]);
    expect(ollama.calls.map((call) => call.body)).toEqual([
      { model: 'nomic-embed-text', input: ['a', 'bb'], keep_alive: '5m' },
      { model: 'nomic-embed-text', input: ['ccc', 'dddd'], keep_alive: '5m' },
      { model: 'nomic-embed-text', input: ['eeeee'], keep_alive: '5m' },
    ]);
  });

  it('asks nothing of Ollama when there is nothing to embed', async () => {
    const ollama = await fakeOllama();

    expect(await new OllamaEmbedder({ url: ollama.url, model: 'nomic-embed-text' }).embed([])).toEqual([]);
    expect(ollama.calls).toEqual([]);
  });

  it('keeps the path of an Ollama served behind a proxy', async () => {
    const ollama = await fakeOllama();

    await new OllamaEmbedder({ url: `${ollama.url}/ollama/`, model: 'nomic-embed-text' }).embed(['x']);

    expect(ollama.calls[0].path).toBe('/ollama/api/embed');
  });

  it('names a missing model and the command that fetches it', async () => {
    const ollama = await fakeOllama((_, response) =>
      sendJson(response, 404, { error: 'model "nomic-embed-text" not found, try pulling it first' }),
    );

    await expect(new OllamaEmbedder({ url: ollama.url, model: 'nomic-embed-text' }).embed(['x'])).rejects.toThrow(
      'Ollama has no model "nomic-embed-text"; run `ollama pull nomic-embed-text` on the Ollama host',
    );
  });

  it('tells an operator to upgrade an Ollama without the batch endpoint', async () => {
    const ollama = await fakeOllama((_, response) => response.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found'));

    await expect(new OllamaEmbedder({ url: ollama.url, model: 'nomic-embed-text' }).embed(['x'])).rejects.toThrow(
      /no \/api\/embed endpoint; upgrade Ollama/,
    );
  });

  it("passes on Ollama's own explanation of other failures", async () => {
    const ollama = await fakeOllama((_, response) =>
      sendJson(response, 500, { error: 'the input length exceeds the context length' }),
    );

    await expect(new OllamaEmbedder({ url: ollama.url, model: 'nomic-embed-text' }).embed(['x'])).rejects.toThrow(
      'Ollama failed to embed with "nomic-embed-text" (HTTP 500): the input length exceeds the context length',
    );
  });

  it('rejects an answer that does not hold one vector per text', async () => {
    const ollama = await fakeOllama((_, response) => sendJson(response, 200, { model: 'nomic-embed-text', embeddings: [[1, 1]] }));

    await expect(new OllamaEmbedder({ url: ollama.url, model: 'nomic-embed-text' }).embed(['x', 'y'])).rejects.toThrow(
      'Ollama answered 1 embeddings for 2 texts from model "nomic-embed-text"',
    );
  });

  it('gives up on a silent Ollama after the timeout', async () => {
    const ollama = await fakeOllama(() => undefined);

    await expect(new OllamaEmbedder({ url: ollama.url, model: 'nomic-embed-text', timeoutMs: 100 }).embed(['x'])).rejects.toThrow(
      `Ollama at ${ollama.url} did not answer within 100 ms`,
    );
  });

  it('names the address when Ollama cannot be reached', async () => {
    const { url } = await fakeOllama();
    const server = servers.pop() as Server;
    await new Promise((resolve) => server.close(resolve));

    await expect(new OllamaEmbedder({ url, model: 'nomic-embed-text' }).embed(['x'])).rejects.toThrow(
      `Ollama at ${url} could not be reached (ECONNREFUSED)`,
    );
  });
});

const liveOllamaUrl = process.env['OLLAMA_URL'];
const liveModel = process.env['OLLAMA_EMBED_MODEL'] ?? 'nomic-embed-text';

(liveOllamaUrl ? describe : describe.skip)(
  `OllamaEmbedder against a live Ollama with ${liveModel}${liveOllamaUrl ? '' : ' (skipped: set OLLAMA_URL to run)'}`,
  () => {
    it('places related rules text closer together than unrelated text', async () => {
      const embedder = new OllamaEmbedder({ url: liveOllamaUrl ?? '', model: liveModel });

      const [bolt, shock, draw] = await embedder.embed([
        'Lightning Bolt deals 3 damage to any target.',
        'Shock deals 2 damage to any target.',
        'Shuffle your library, then draw a card.',
      ]);

      expect(bolt.length).toBeGreaterThan(0);
      expect(shock).toHaveLength(bolt.length);
      expect(cosine(bolt, shock)).toBeGreaterThan(cosine(bolt, draw));
    }, 120_000);
  },
);

function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((sum, value, i) => sum + value * b[i], 0);
  return dot / Math.hypot(...a) / Math.hypot(...b);
}
