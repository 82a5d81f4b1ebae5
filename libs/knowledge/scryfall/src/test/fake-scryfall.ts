import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { loadConfig } from '@melvin/shared/config';
import { scryfallClientOptions, type ScryfallClientOptions } from '../lib/scryfall-client';
import { scryfallEnv } from '../lib/scryfall-env';

export interface RecordedRequest {
  /** Path and query, e.g. `/cards/named?exact=lightning+bolt`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** When the request arrived, from `Date.now()`. */
  at: number;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Returns the reply, or nothing after answering (or deliberately not answering) through `response` itself. */
export type Handler = (request: RecordedRequest, response: ServerResponse) => Reply | void;

/** A local HTTP server playing Scryfall: it records what arrives and answers as each test tells it. */
export class FakeScryfall {
  readonly requests: RecordedRequest[] = [];
  private handler: Handler = () => ({ status: 404, body: scryfallError(404, 'No route in this test.') });

  private constructor(private readonly server: Server) {
    server.on('request', (incoming, response) => {
      const request = { path: incoming.url ?? '/', headers: incoming.headers, at: Date.now() };
      this.requests.push(request);
      const reply = this.handler(request, response);
      if (!reply) return;
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      response.end(JSON.stringify(reply.body ?? {}));
    });
  }

  static async start(): Promise<FakeScryfall> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeScryfall(server);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(handler: Handler): void {
    this.handler = handler;
  }

  requestsTo(pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path.startsWith(pathPrefix));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** An address where nothing listens: what Melvin sees on a machine without internet. */
export async function closedPortUrl(): Promise<string> {
  const fake = await FakeScryfall.start();
  const url = fake.url;
  await fake.close();
  return url;
}

export function card(name: string, id = `id-${name.toLowerCase().replace(/\W+/g, '-')}`) {
  return { object: 'card', id, oracle_id: `oracle-${id}`, name };
}

export function scryfallError(status: number, details: string, extra: Record<string, unknown> = {}) {
  return { object: 'error', status, code: status === 404 ? 'not_found' : 'bad_request', details, ...extra };
}

const testSchema = z.object({ ...scryfallEnv, MELVIN_VERSION: z.string() });

/** Client options as production builds them from the environment, with test-only overrides on top. */
export function clientOptions(apiUrl: string, overrides: Partial<ScryfallClientOptions> = {}): ScryfallClientOptions {
  const config = loadConfig('scryfall tests', testSchema, {
    SCRYFALL_API_URL: apiUrl,
    SCRYFALL_CONTACT: 'https://melvin.example.org/contact',
    MELVIN_VERSION: '1.4.0',
  });
  return { ...scryfallClientOptions(config), serverErrorDelayMs: 10, ...overrides };
}
