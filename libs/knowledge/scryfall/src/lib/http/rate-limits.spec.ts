import { MemoryResponseCache } from '../cache/memory-response-cache';
import { ScryfallClient, type ScryfallClientOptions } from '../scryfall-client';
import { ScryfallRequestError } from '../scryfall-errors';
import { card, clientOptions, FakeScryfall, scryfallError } from '../../test/fake-scryfall';

/** Gaps in ms between consecutive arrivals. */
const gaps = (times: number[]) => times.slice(1).map((time, index) => time - times[index]);

describe('ScryfallClient pacing', () => {
  let scryfall: FakeScryfall;
  const client = (overrides: Partial<ScryfallClientOptions> = {}) =>
    new ScryfallClient(clientOptions(scryfall.url, overrides), new MemoryResponseCache());

  beforeEach(async () => {
    scryfall = await FakeScryfall.start();
  });
  afterEach(() => scryfall.close());

  it('sends name lookups at most twice a second', async () => {
    scryfall.answer(() => ({ body: card('Any') }));
    const melvin = client();
    await Promise.all(['Opt', 'Shock', 'Duress', 'Ponder', 'Brainstorm'].map((name) => melvin.named({ exact: name })));
    const arrivals = scryfall.requestsTo('/cards/named').map((request) => request.at);
    expect(arrivals).toHaveLength(5);
    // Arrival times jitter on a loaded machine, so the span is checked: five requests need two seconds.
    expect(arrivals[4] - arrivals[0]).toBeGreaterThanOrEqual(1_900);
    expect(Math.min(...gaps(arrivals))).toBeGreaterThanOrEqual(350);
  });

  it('does not hold a lookup by id behind queued name lookups', async () => {
    scryfall.answer(() => ({ body: card('Any') }));
    const melvin = client();
    const names = ['Opt', 'Shock', 'Duress', 'Ponder'].map((name) => melvin.named({ exact: name }));
    await melvin.cardById('abc');
    expect(scryfall.requestsTo('/cards/named').length).toBeLessThanOrEqual(2);
    await Promise.all(names);
  });

  describe('after a 429', () => {
    it('sends nothing at all until the pause is over, then retries and succeeds', async () => {
      scryfall.answer((request) =>
        scryfall.requests.length === 1 ? { status: 429, body: scryfallError(429, 'Too many requests.') } : { body: card(request.path) },
      );
      const melvin = client({ rateLimitPauseMs: 600 });
      const named = melvin.named({ exact: 'Opt' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const byId = melvin.cardById('abc');

      expect(await named).toMatchObject({ object: 'card' });
      await byId;
      const [limited, ...later] = scryfall.requests;
      expect(later.map((request) => request.path).sort()).toEqual(['/cards/abc', '/cards/named?exact=opt']);
      for (const request of later) expect(request.at - limited.at).toBeGreaterThanOrEqual(590);
    });

    it('waits longer when Scryfall asks for it with Retry-After', async () => {
      scryfall.answer(() =>
        scryfall.requests.length === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: {} } : { body: card('Opt') },
      );
      await client({ rateLimitPauseMs: 200 }).named({ exact: 'Opt' });
      const [limited, retried] = scryfall.requests;
      expect(retried.at - limited.at).toBeGreaterThanOrEqual(990);
    });

    it('gives up after a few attempts rather than pressing on, and still keeps the next request waiting', async () => {
      scryfall.answer(() => ({ status: 429, body: scryfallError(429, 'Too many requests.') }));
      const melvin = client({ rateLimitPauseMs: 300, retries: 2 });
      await expect(melvin.cardById('abc')).rejects.toMatchObject({ status: 429 });
      expect(scryfall.requests).toHaveLength(3);

      scryfall.answer(() => ({ body: card('Opt') }));
      await melvin.cardById('def');
      const [lastRefused, next] = scryfall.requests.slice(-2);
      expect(next.at - lastRefused.at).toBeGreaterThanOrEqual(290);
    });
  });

  describe('on server errors', () => {
    it('retries with growing waits and returns the answer once Scryfall recovers', async () => {
      scryfall.answer(() => (scryfall.requests.length <= 2 ? { status: 503, body: {} } : { body: card('Opt') }));
      expect(await client({ serverErrorDelayMs: 100 }).cardById('abc')).toMatchObject({ name: 'Opt' });
      const [first, second, third] = scryfall.requests.map((request) => request.at);
      expect(second - first).toBeGreaterThanOrEqual(95);
      expect(third - second).toBeGreaterThanOrEqual(195);
    });

    it('reports the failure after a bounded number of attempts', async () => {
      scryfall.answer(() => ({ status: 500, body: scryfallError(500, 'Something went wrong.') }));
      const failed = client({ retries: 2 }).cardById('abc');
      await expect(failed).rejects.toBeInstanceOf(ScryfallRequestError);
      await expect(failed).rejects.toMatchObject({ status: 500, details: 'Something went wrong.' });
      expect(scryfall.requests).toHaveLength(3);
    });
  });
});
