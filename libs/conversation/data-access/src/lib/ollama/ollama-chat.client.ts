import { ConcurrencyGate, type Release } from './concurrency-gate';
import { ndjsonLines } from './ndjson-lines';
import { OllamaAbortedError, OllamaError, OllamaRequestError, OllamaStreamError } from './ollama-errors';

export interface OllamaChatClientOptions {
  /** OLLAMA_URL, e.g. http://ollama:11434. */
  url: string;
  /** OLLAMA_MODEL, e.g. llama3.1:8b. */
  model: string;
  /** How long Ollama keeps the model loaded after a request ("10m", or -1 for ever); Ollama's default otherwise. */
  keepAlive?: string | number;
  /** Model parameters passed through as Ollama's `options` (temperature, num_ctx, …). */
  modelOptions?: Record<string, unknown>;
  /** Answers generated at once (default 1). */
  maxConcurrent?: number;
  /** Requests that may wait for a free slot before new ones are turned away (default 8). */
  maxQueue?: number;
}

export interface OllamaChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface OllamaChatRequest {
  messages: OllamaChatMessage[];
  /** Abort when the user goes away: stops waiting, or stops generation mid-answer. */
  signal?: AbortSignal;
  /** Told the 1-based place in line while all slots are taken, so the user can be told too. */
  onQueued?: (position: number) => void;
}

/** What Ollama reports once an answer is complete. */
export interface OllamaChatStats {
  model: string;
  /** Tokens of the prompt that were evaluated (prompt_eval_count; fewer when Ollama reused its cache). */
  promptTokens: number;
  /** Tokens generated (eval_count). */
  outputTokens: number;
  /** Time spent generating (eval_duration), in milliseconds. */
  generationMs: number;
  /** Whole request including model load (total_duration), in milliseconds. */
  totalMs: number;
  /** Generation speed: outputTokens per second of generation. */
  tokensPerSecond: number;
  /** Why generation stopped: "stop", "length", … */
  doneReason?: string;
}

/** One line of Ollama's /api/chat stream. Durations are in nanoseconds. */
interface ChatChunk {
  model?: string;
  message?: { role?: string; content?: string };
  done?: boolean;
  done_reason?: string;
  total_duration?: number;
  prompt_eval_count?: number;
  eval_count?: number;
  eval_duration?: number;
  error?: string;
}

const NANOS_PER_MS = 1e6;

/**
 * Streams chat answers from Ollama's /api/chat. `chat()` waits for a slot, sends the request and
 * resolves once Ollama has accepted it, so "busy", "unreachable" and "unknown model" surface
 * before any text; the returned stream then yields the answer piece by piece.
 */
export class OllamaChatClient {
  private readonly gate: ConcurrencyGate;
  private readonly endpoint: string;

  constructor(private readonly options: OllamaChatClientOptions) {
    this.gate = new ConcurrencyGate({ maxConcurrent: options.maxConcurrent ?? 1, maxQueue: options.maxQueue ?? 8 });
    // Joined by hand rather than with `new URL`, which would drop a path prefix behind a proxy.
    this.endpoint = `${options.url.replace(/\/+$/, '')}/api/chat`;
  }

  /** Requests being generated, and waiting for a slot. */
  get load(): { running: number; queued: number } {
    return { running: this.gate.running, queued: this.gate.queued };
  }

  async chat({ messages, signal, onQueued }: OllamaChatRequest): Promise<OllamaChatStream> {
    const release = await this.gate.acquire({ signal, onQueued });
    try {
      const response = await this.post(messages, signal);
      return new OllamaChatStream(response, release, signal);
    } catch (error) {
      release();
      throw error;
    }
  }

  private async post(messages: OllamaChatMessage[], signal: AbortSignal | undefined): Promise<ReadableStream<Uint8Array>> {
    const { model, keepAlive, modelOptions } = this.options;
    const body = {
      model,
      messages,
      stream: true,
      ...(keepAlive !== undefined ? { keep_alive: keepAlive } : {}),
      ...(modelOptions ? { options: modelOptions } : {}),
    };
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw new OllamaAbortedError('', { cause: error });
      throw new OllamaRequestError(`Ollama is not reachable at ${this.options.url}.`, undefined, { cause: error });
    }
    if (!response.ok || !response.body) {
      const reason = await errorOf(response);
      throw new OllamaRequestError(`Ollama refused the request (HTTP ${response.status}): ${reason}`, response.status);
    }
    return response.body;
  }
}

/**
 * One answer as it streams in: iterate it for the new text of each chunk. It can be iterated
 * once; the slot is given back when the answer ends, fails, or the loop is left early (which
 * also closes the connection, so Ollama stops generating). A stream nobody will read must be
 * cancelled, or aborted through the request's signal, to free its slot.
 */
export class OllamaChatStream implements AsyncIterable<string> {
  private received = '';
  private finalStats: OllamaChatStats | null = null;
  private started = false;
  private readonly deltas: AsyncGenerator<string>;
  private readonly abandon: () => void;

  constructor(body: ReadableStream<Uint8Array>, release: Release, signal?: AbortSignal) {
    this.deltas = this.read(body, release, signal);
    this.abandon = () => {
      release();
      void body.cancel().catch(() => undefined);
    };
    signal?.addEventListener('abort', () => this.started || this.abandon(), { once: true });
  }

  /** Stops the answer and frees its slot, whether or not reading has begun. */
  async cancel(): Promise<void> {
    if (this.started) await this.deltas.return(undefined);
    else this.abandon();
  }

  /** All text received so far: the whole answer once iteration is done, the partial one if it failed. */
  get text(): string {
    return this.received;
  }

  /** Ollama's figures for the answer, once it is complete; null before then or after a failure. */
  get stats(): OllamaChatStats | null {
    return this.finalStats;
  }

  [Symbol.asyncIterator](): AsyncGenerator<string> {
    this.started = true;
    return this.deltas;
  }

  private async *read(body: ReadableStream<Uint8Array>, release: Release, signal?: AbortSignal): AsyncGenerator<string> {
    try {
      for await (const line of ndjsonLines(body)) {
        const chunk = this.parse(line);
        if (chunk.error !== undefined) throw new OllamaStreamError(`Ollama stopped with an error: ${chunk.error}`, this.received);
        const delta = chunk.message?.content ?? '';
        if (delta !== '') {
          this.received += delta;
          yield delta;
        }
        if (chunk.done) {
          this.finalStats = statsOf(chunk);
          return;
        }
      }
      throw new OllamaStreamError('Ollama closed the stream before the answer was complete.', this.received);
    } catch (error) {
      if (error instanceof OllamaError) throw error;
      if (signal?.aborted) throw new OllamaAbortedError(this.received, { cause: error });
      throw new OllamaStreamError('The connection to Ollama broke off mid-answer.', this.received, { cause: error });
    } finally {
      release();
    }
  }

  private parse(line: string): ChatChunk {
    try {
      return JSON.parse(line) as ChatChunk;
    } catch (error) {
      throw new OllamaStreamError(`Ollama sent a line that is not JSON: ${line.slice(0, 80)}`, this.received, { cause: error });
    }
  }
}

function statsOf(chunk: ChatChunk): OllamaChatStats {
  const outputTokens = chunk.eval_count ?? 0;
  const generationMs = (chunk.eval_duration ?? 0) / NANOS_PER_MS;
  return {
    model: chunk.model ?? '',
    promptTokens: chunk.prompt_eval_count ?? 0,
    outputTokens,
    generationMs,
    totalMs: (chunk.total_duration ?? 0) / NANOS_PER_MS,
    tokensPerSecond: generationMs > 0 ? outputTokens / (generationMs / 1000) : 0,
    ...(chunk.done_reason ? { doneReason: chunk.done_reason } : {}),
  };
}

/** Ollama explains refusals as {"error": "…"}; fall back to the raw body or the status text. */
async function errorOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    // Not JSON: the text itself is the best explanation there is.
  }
  return text.trim() || response.statusText;
}
