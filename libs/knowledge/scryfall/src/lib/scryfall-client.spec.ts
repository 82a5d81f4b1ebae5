import { MemoryResponseCache } from './cache/memory-response-cache';
import { ScryfallClient, type ScryfallClientOptions } from './scryfall-client';
import { ScryfallAmbiguousNameError, ScryfallRequestError, ScryfallUnavailableError } from './scryfall-errors';
import { card, clientOptions, closedPortUrl, FakeScryfall, scryfallError } from '../test/fake-scryfall';

/** These tests are about answers, not pacing: lift the rate limits so they run quickly. */
const unthrottled: Partial<ScryfallClientOptions> = { searchRequestsPerSecond: 1000, otherRequestsPerSecond: 1000 };

describe('ScryfallClient', () => {
  let scryfall: FakeScryfall;
  let now: number;
  let cache: MemoryResponseCache;

  const client = (overrides: Partial<ScryfallClientOptions> = {}) =>
    new ScryfallClient(clientOptions(scryfall.url, { ...unthrottled, ...overrides }), cache);

  beforeEach(async () => {
    scryfall = await FakeScryfall.start();
    now = Date.UTC(2025, 0, 1);
    cache = new MemoryResponseCache(100, () => now);
  });
  afterEach(() => scryfall.close());

  it('introduces itself with a descriptive User-Agent and the Accept header Scryfall requires', async () => {
    scryfall.answer(() => ({ body: card('Lightning Bolt') }));
    await client().named({ exact: 'Lightning Bolt' });
    expect(scryfall.requests[0].headers['user-agent']).toBe('Melvin/1.4.0 (+https://melvin.example.org/contact)');
    expect(scryfall.requests[0].headers['accept']).toBe('application/json;q=0.9,*/*;q=0.8');
  });

  describe('named', () => {
    it('returns the card, or null when Scryfall has no card of that name', async () => {
      scryfall.answer((request) =>
        request.path.includes('bolt') ? { body: card('Lightning Bolt') } : { status: 404, body: scryfallError(404, 'No card found.') },
      );
      expect(await client().named({ exact: 'Lightning Bolt' })).toMatchObject({ name: 'Lightning Bolt' });
      expect(await client().named({ fuzzy: 'Nonexistent Dragon' })).toBeNull();
      expect(scryfall.requests.map((request) => request.path)).toEqual([
        '/cards/named?exact=lightning+bolt',
        '/cards/named?fuzzy=nonexistent+dragon',
      ]);
    });

    it('reports a fuzzy name that fits several cards as ambiguous, with Scryfall’s explanation', async () => {
      const details = 'Too many cards match ambiguous name “bolt”. Add more words to refine your search.';
      scryfall.answer(() => ({ status: 404, body: scryfallError(404, details, { type: 'ambiguous' }) }));
      const lookup = client().named({ fuzzy: 'bolt' });
      await expect(lookup).rejects.toBeInstanceOf(ScryfallAmbiguousNameError);
      await expect(lookup).rejects.toMatchObject({ status: 404, details, query: 'bolt' });
    });
  });

  it('passes on what Scryfall says is wrong with a request', async () => {
    const warnings = ['Invalid expression “is:slick” was ignored.'];
    scryfall.answer(() => ({ status: 400, body: scryfallError(400, 'All of your terms were ignored.', { warnings }) }));
    const failed = client().search('is:slick');
    await expect(failed).rejects.toBeInstanceOf(ScryfallRequestError);
    await expect(failed).rejects.toMatchObject({ status: 400, details: 'All of your terms were ignored.', warnings });
  });

  it('gives an empty page for a search without matches, and asks for later pages by number', async () => {
    scryfall.answer((request) =>
      request.path.includes('page=2')
        ? { body: { object: 'list', data: [card('Shock')], has_more: false, total_cards: 176 } }
        : { status: 404, body: scryfallError(404, 'Your query didn’t match any cards.') },
    );
    expect(await client().search('o:"gain control of your opponent"')).toMatchObject({ data: [], has_more: false, total_cards: 0 });
    expect((await client().search('t:instant', 2)).data.map((found) => found.name)).toEqual(['Shock']);
  });

  it('completes names, without asking Scryfall about a single letter', async () => {
    scryfall.answer(() => ({ body: { object: 'catalog', total_values: 2, data: ['Thalia, Guardian of Thraben', 'Thalia’s Lancers'] } }));
    expect(await client().autocomplete('thal')).toEqual(['Thalia, Guardian of Thraben', 'Thalia’s Lancers']);
    expect(await client().autocomplete('t')).toEqual([]);
    expect(scryfall.requests).toHaveLength(1);
  });

  it('looks up a printing and its rulings by id, null for an unknown id', async () => {
    const ruling = { object: 'ruling', oracle_id: 'o-1', source: 'wotc', published_at: '2004-10-04', comment: 'It can target itself.' };
    scryfall.answer((request) => {
      if (request.path === '/cards/abc/rulings') return { body: { object: 'list', has_more: false, data: [ruling] } };
      if (request.path === '/cards/abc') return { body: card('Fireball', 'abc') };
      return { status: 404, body: scryfallError(404, 'No card found with the given ID.') };
    });
    expect(await client().cardById('abc')).toMatchObject({ name: 'Fireball' });
    expect(await client().rulings('abc')).toEqual([ruling]);
    expect(await client().cardById('missing')).toBeNull();
    expect(await client().rulings('missing')).toBeNull();
  });

  describe('cache', () => {
    beforeEach(() =>
      scryfall.answer((request) =>
        request.path.includes('bolt') ? { body: card('Lightning Bolt') } : { status: 404, body: scryfallError(404, 'No card found.') },
      ),
    );

    it('answers a repeated lookup, however it is spelled, without asking Scryfall again', async () => {
      await client().named({ exact: 'Lightning Bolt' });
      expect(await client().named({ exact: '  lightning   BOLT ' })).toMatchObject({ name: 'Lightning Bolt' });
      expect(scryfall.requests).toHaveLength(1);
    });

    it('remembers that a card does not exist', async () => {
      expect(await client().named({ exact: 'Nonexistent Dragon' })).toBeNull();
      expect(await client().named({ exact: 'Nonexistent Dragon' })).toBeNull();
      expect(scryfall.requests).toHaveLength(1);
    });

    it('asks again once a day has passed, and sooner about cards it did not find', async () => {
      const lookups = () => Promise.all([client().named({ exact: 'Lightning Bolt' }), client().named({ exact: 'Nonexistent Dragon' })]);
      await lookups();
      now += 3_601_000; // past the not-found TTL, well within the day
      await lookups();
      expect(scryfall.requests.map((request) => request.path)).toEqual([
        '/cards/named?exact=lightning+bolt',
        '/cards/named?exact=nonexistent+dragon',
        '/cards/named?exact=nonexistent+dragon',
      ]);
      now += 86_400_000;
      await lookups();
      expect(scryfall.requests).toHaveLength(5);
    });

    it('shares one request between identical lookups made at the same time', async () => {
      const shared = client();
      await Promise.all([shared.named({ exact: 'Nonexistent Dragon' }), shared.named({ exact: 'nonexistent dragon' })]);
      expect(scryfall.requests.filter((request) => request.path.includes('nonexistent'))).toHaveLength(1);
    });
  });

  describe('when Scryfall cannot be reached', () => {
    it('says plainly that Scryfall is unreachable and Melvin uses its local data', async () => {
      const offline = new ScryfallClient(clientOptions(await closedPortUrl(), unthrottled), cache);
      const lookup = offline.named({ exact: 'Lightning Bolt' });
      await expect(lookup).rejects.toBeInstanceOf(ScryfallUnavailableError);
      await expect(lookup).rejects.toThrow('Scryfall is unreachable (connection refused); Melvin is using its local data.');
    });

    it('gives up on a silent server after the timeout', async () => {
      scryfall.answer(() => undefined); // never answers
      await expect(client({ timeoutMs: 200 }).cardById('abc')).rejects.toThrow(/unreachable \(no answer within 200 ms\)/);
    });

    it('in offline mode fails at once without a request, yet still serves what it remembers', async () => {
      scryfall.answer(() => ({ body: card('Lightning Bolt') }));
      await client().named({ exact: 'Lightning Bolt' });
      const offline = client({ offline: true });
      expect(await offline.named({ exact: 'Lightning Bolt' })).toMatchObject({ name: 'Lightning Bolt' });
      await expect(offline.named({ exact: 'Shock' })).rejects.toThrow(/unreachable \(offline mode is on.*using its local data/);
      expect(scryfall.requests).toHaveLength(1);
    });
  });
});
