import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Ollama cannot run on the test machines, so this server speaks its /api/chat streaming format
 * (NDJSON chunks, then a final `done: true` object with counts and durations) and writes answers
 * the way a model following Melvin's prompt would: citing what the prompt says to "cite as".
 */
export type ReplyScript =
  | { kind: 'cite' }
  | { kind: 'invent'; citation: string }
  | { kind: 'slow'; pieces: number; delayMs: number }
  | { kind: 'die-after'; pieces: number };

export class OllamaReplay {
  private server: Server | null = null;
  private readonly scripts: ReplyScript[] = [];
  readonly prompts: string[] = [];
  disconnected = 0;

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next chat request is answered this way (then back to citing). */
  next(script: ReplyScript): void {
    this.scripts.push(script);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.url === '/api/version') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"version":"0.6.0"}');
      return;
    }
    let body = '';
    for await (const chunk of request) body += chunk;
    const { messages, model } = JSON.parse(body) as { messages: Array<{ content: string }>; model: string };
    const prompt = messages.map((message) => message.content).join('\n');
    this.prompts.push(prompt);
    const cite = /cite as (\[[^\]]+\])/.exec(prompt)?.[1] ?? '';
    const script = this.scripts.shift() ?? { kind: 'cite' };
    request.socket.on('close', () => {
      if (!response.writableEnded) this.disconnected += 1;
    });
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const chunk = (content: string) => `${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: false })}\n`;
    const words =
      script.kind === 'invent'
        ? `Yes, it does ${script.citation}. The rule says so ${cite}.`.split(/(?<= )/)
        : script.kind === 'slow' || script.kind === 'die-after'
          ? Array.from({ length: script.kind === 'slow' ? script.pieces : script.pieces + 5 }, (_, i) => `word${i} `)
          : `Deathtouch makes any damage lethal ${cite}. `.split(/(?<= )/);
    for (const [index, word] of words.entries()) {
      if (script.kind === 'die-after' && index === script.pieces) {
        request.socket.destroy();
        return;
      }
      if (response.destroyed) return;
      response.write(chunk(word));
      await new Promise((resolve) => setTimeout(resolve, script.kind === 'slow' ? script.delayMs : 5));
    }
    response.end(
      `${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', total_duration: 900_000_000, load_duration: 1_000_000, prompt_eval_count: 412, prompt_eval_duration: 300_000_000, eval_count: words.length, eval_duration: 500_000_000 })}\n`,
    );
  }
}
