import { ConcurrencyGate } from './concurrency-gate';
import { OllamaAbortedError, OllamaBusyError } from './ollama-errors';

describe('ConcurrencyGate', () => {
  it('lets callers in up to the limit, queues the rest in order and tells them their place', async () => {
    const gate = new ConcurrencyGate({ maxConcurrent: 2, maxQueue: 2 });
    const first = await gate.acquire();
    await gate.acquire();
    const positions: Record<string, number[]> = { third: [], fourth: [] };
    const third = gate.acquire({ onQueued: (p) => positions['third'].push(p) });
    const fourth = gate.acquire({ onQueued: (p) => positions['fourth'].push(p) });

    await expect(gate.acquire()).rejects.toBeInstanceOf(OllamaBusyError);
    expect(positions).toEqual({ third: [1], fourth: [2] });

    first();
    first(); // a second release must not free a second slot
    await third;
    expect(positions).toEqual({ third: [1], fourth: [2, 1] });
    expect({ running: gate.running, queued: gate.queued }).toEqual({ running: 2, queued: 1 });
    void fourth;
  });

  it('lets a waiting caller leave the line, moving everyone behind it up', async () => {
    const gate = new ConcurrencyGate({ maxConcurrent: 1, maxQueue: 3 });
    const only = await gate.acquire();
    const leaving = new AbortController();
    const behind: number[] = [];
    const left = gate.acquire({ signal: leaving.signal });
    const waiting = gate.acquire({ onQueued: (p) => behind.push(p) });

    leaving.abort();
    await expect(left).rejects.toBeInstanceOf(OllamaAbortedError);
    expect(behind).toEqual([2, 1]);

    only();
    const release = await waiting;
    release();
    expect({ running: gate.running, queued: gate.queued }).toEqual({ running: 0, queued: 0 });
  });

  it('turns away a caller whose signal is already aborted', async () => {
    const gate = new ConcurrencyGate({ maxConcurrent: 1, maxQueue: 1 });
    await expect(gate.acquire({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(OllamaAbortedError);
    expect(gate.running).toBe(0);
  });
});
