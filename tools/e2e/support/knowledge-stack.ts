import { join, resolve } from 'node:path';
import { testEnvironment, waitFor } from '@melvin/shared/testing';
import { ApiClient } from './api-client';
import { MelvinStack, type StackOptions } from './melvin-stack';

const DATA = resolve(testEnvironment().MELVIN_DATA_DIR);
/** The newest CR, the combo-pieces excerpt of the card file (1,415 cards) and all rulings: seconds to load. */
export const SMALL_KNOWLEDGE = [
  '--cr',
  join(DATA, 'cr/MagicCompRules 20260417.txt'),
  '--oracle',
  join(DATA, 'scryfall/oracle-cards-combo-pieces.json.gz'),
  '--rulings',
  join(DATA, 'scryfall/rulings-20220425.json.gz'),
];

/** A running stack whose knowledge store holds SMALL_KNOWLEDGE, already loaded by chat and loop-analysis. */
export async function startStackWithKnowledge(options: StackOptions): Promise<{ stack: MelvinStack; api: ApiClient; adminToken: string }> {
  const stack = new MelvinStack(undefined, {
    ...options,
    env: { RATE_LIMIT_MAX: '5000', AUTH_RATE_LIMIT_MAX: '1000', KNOWLEDGE_RELOAD_INTERVAL_MS: '1000', RPC_TIMEOUT_MS: '15000', ...options.env },
  });
  await stack.start();
  await stack.cli(['ingest', ...SMALL_KNOWLEDGE]);
  const api = new ApiClient(stack.gatewayUrl);
  const adminToken = await stack.signIn();
  await waitFor(
    'chat to load the ingested knowledge',
    async () => {
      const status = await api.get<{ counts?: { cards?: number } }>('/api/knowledge/status', adminToken);
      return (status.body.counts?.cards ?? 0) > 0 ? true : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 1000 },
  );
  return { stack, api, adminToken };
}

export interface SseEvent {
  type: string;
  data: Record<string, unknown>;
}

/** Reads a Server-Sent Events response until it ends, or until `stopWhen` says to hang up. */
export async function readEvents(response: Response, stopWhen?: (event: SseEvent) => boolean, abort?: AbortController): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (!type || !data) continue;
        const event = { type, data: JSON.parse(data) as Record<string, unknown> };
        events.push(event);
        if (stopWhen?.(event)) {
          abort?.abort();
          return events;
        }
      }
    }
  } catch (error) {
    if (!abort?.signal.aborted) throw error;
  }
  return events;
}
