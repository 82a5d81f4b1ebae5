import type { Embedder } from '@melvin/knowledge/retrieval';

export interface OllamaEmbedderOptions {
  /** Base URL of the Ollama server, e.g. OLLAMA_URL = http://ollama:11434 */
  url: string;
  model: string;
  /** Texts per request: larger batches are faster until the model's context runs out. */
  batchSize?: number;
  /** Per request; the first one also waits for Ollama to load the model. */
  timeoutMs?: number;
  /** How long Ollama keeps the model loaded after a request (a duration such as "10m", or seconds). */
  keepAlive?: string | number;
}

const DEFAULTS = { batchSize: 32, timeoutMs: 120_000, keepAlive: '10m' };

/** The parts of Ollama's /api/embed answer Melvin reads. */
interface EmbedResponse {
  embeddings?: unknown;
}

/** Embeds through Ollama's batch endpoint, POST /api/embed. */
export class OllamaEmbedder implements Embedder {
  readonly model: string;
  private readonly url: string;
  private readonly endpoint: string;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly keepAlive: string | number;

  constructor(options: OllamaEmbedderOptions) {
    this.model = options.model;
    this.url = options.url.replace(/\/+$/, '');
    // Appending keeps a path prefix (Ollama behind a reverse proxy) that new URL('/api/…') would drop.
    this.endpoint = `${this.url}/api/embed`;
    this.batchSize = options.batchSize ?? DEFAULTS.batchSize;
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.keepAlive = options.keepAlive ?? DEFAULTS.keepAlive;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new Error(`Ollama batch size must be a positive integer, got ${this.batchSize}`);
    }
  }

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      vectors.push(...(await this.embedBatch(texts.slice(start, start + this.batchSize))));
    }
    return vectors;
  }

  private async embedBatch(input: string[]): Promise<number[][]> {
    const response = await this.post({ model: this.model, input, keep_alive: this.keepAlive });
    if (!response.ok) throw await this.failure(response);
    const { embeddings } = (await response.json()) as EmbedResponse;
    if (!Array.isArray(embeddings) || embeddings.length !== input.length) {
      const got = Array.isArray(embeddings) ? `${embeddings.length} embeddings` : 'no embeddings';
      throw new Error(`Ollama answered ${got} for ${input.length} texts from model "${this.model}"`);
    }
    return embeddings as number[][];
  }

  private async post(body: object): Promise<Response> {
    try {
      return await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason =
        (error as FetchError).name === 'TimeoutError'
          ? `did not answer within ${this.timeoutMs} ms`
          : `could not be reached (${describeNetworkError(error as FetchError)})`;
      throw new Error(`Ollama at ${this.url} ${reason}`, { cause: error });
    }
  }

  private async failure(response: Response): Promise<Error> {
    const text = await response.text();
    const message = ollamaErrorMessage(text);
    if (response.status === 404 && message === null) {
      // A bare 404 page, not Ollama's JSON error: the server predates the batch endpoint.
      return new Error(`Ollama at ${this.url} has no /api/embed endpoint; upgrade Ollama to 0.3.4 or later`);
    }
    if (response.status === 404) {
      return new Error(`Ollama has no model "${this.model}"; run \`ollama pull ${this.model}\` on the Ollama host`);
    }
    return new Error(`Ollama failed to embed with "${this.model}" (HTTP ${response.status}): ${message ?? text.slice(0, 200)}`);
  }
}

/** Ollama reports errors as {"error": "..."}; anything else is not Ollama speaking. */
function ollamaErrorMessage(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = (parsed as { error?: unknown } | null)?.error;
    return typeof error === 'string' ? error : null;
  } catch {
    return null;
  }
}

/**
 * Read by shape, not instanceof: fetch may throw errors from another realm (jest's sandbox, for one).
 * The useful part (ECONNREFUSED, ENOTFOUND) hides in `cause`.
 */
interface FetchError {
  name?: string;
  message?: string;
  cause?: { code?: string; message?: string };
}

function describeNetworkError(error: FetchError): string {
  return error.cause?.code ?? error.cause?.message ?? error.message ?? String(error);
}
