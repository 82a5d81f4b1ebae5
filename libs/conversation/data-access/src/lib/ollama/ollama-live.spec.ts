import { OllamaChatClient } from './ollama-chat.client';

/** Ollama cannot run on the development machines; with OLLAMA_URL set this runs against the real server. */
const url = process.env['OLLAMA_URL'];
const live = url ? describe : describe.skip;

live(`OllamaChatClient against a live Ollama${url ? '' : ' (skipped: set OLLAMA_URL, and OLLAMA_MODEL, to run)'}`, () => {
  it('streams an answer and reports its speed', async () => {
    const client = new OllamaChatClient({ url: url as string, model: process.env['OLLAMA_MODEL'] ?? 'llama3.1:8b', keepAlive: '5m' });
    const stream = await client.chat({ messages: [{ role: 'user', content: 'Answer with one word: what colour is a Forest in Magic: The Gathering?' }] });
    const pieces: string[] = [];
    for await (const piece of stream) pieces.push(piece);
    expect(pieces.join('').length).toBeGreaterThan(0);
    expect(stream.stats?.tokensPerSecond).toBeGreaterThan(0);
  }, 300_000);
});
