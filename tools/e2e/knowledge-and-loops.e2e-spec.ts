import { waitFor } from '@melvin/shared/testing';
import type { ApiClient } from './support/api-client';
import { startStackWithKnowledge } from './support/knowledge-stack';
import type { MelvinStack } from './support/melvin-stack';

const PASSWORD = 'Mana-Fl00d-9!';

interface CardLookup {
  query: string;
  card: { name: string; oracle_id: string; type_line: string; oracle_text: string; rulings?: unknown[] } | null;
  candidates: Array<{ name: string }>;
}

interface SearchResults {
  query: string;
  results: Array<{ kind: string; ref: string; text: string; score: number }>;
}

interface Analysis {
  id: string;
  status: string;
  progress: number;
  report: { cards: string[]; loops: Array<{ cards: string[]; outcomes: string[]; steps: Array<{ card: string; ability: string }> }>; one_card_away: unknown[] } | null;
}

describe('knowledge and loop analysis through the gateway', () => {
  let stack: MelvinStack;
  let api: ApiClient;
  let adminToken: string;
  let token: string;

  beforeAll(async () => {
    ({ stack, api, adminToken } = await startStackWithKnowledge({ name: 'knowledge_loops', env: { DECK_BUDGET_MS: '10000' } }));
    token = (await api.activeUser('judge', PASSWORD, adminToken)).accessToken;
  }, 240_000);
  afterAll(() => stack?.cleanUp());

  it('needs a signed-in user for every knowledge endpoint', async () => {
    expect((await api.get('/api/knowledge/search?q=trample')).status).toBe(401);
    expect((await api.get('/api/cards/named?fuzzy=bolt')).status).toBe(401);
  });

  it('searches rules, glossary, cards and rulings for a question, pulling in the named card and its keyword rule', async () => {
    const found = await api.get<SearchResults>(`/api/knowledge/search?q=${encodeURIComponent('Does [[Leyline Prowler]] kill a blocker?')}&k=10`, token);
    expect(found.status).toBe(200);
    expect(found.body.results).toHaveLength(10);
    expect(found.body.results.some((result) => result.kind === 'card' && result.ref === 'Leyline Prowler')).toBe(true);
    expect(found.body.results.some((result) => result.kind === 'rule' && result.ref.startsWith('702.2'))).toBe(true);
    const rulesOnly = await api.get<SearchResults>('/api/knowledge/search?q=state-based%20actions&kinds=rule', token);
    expect(rulesOnly.body.results.every((result) => result.kind === 'rule')).toBe(true);
    expect((await api.get('/api/knowledge/search?q=x&kinds=spells', token)).status).toBe(400);
  });

  it('looks cards up exactly, fuzzily (with "did you mean") and by prefix', async () => {
    const exact = await api.get<CardLookup>('/api/cards/named?exact=basalt%20monolith', token);
    expect(exact.body.card?.name).toBe('Basalt Monolith');
    const fuzzy = await api.get<CardLookup>('/api/cards/named?fuzzy=rings%20brighthearth', token);
    expect(fuzzy.body.card?.name).toBe('Rings of Brighthearth');
    const typo = await api.get<CardLookup>('/api/cards/named?fuzzy=pestermit', token);
    expect(typo.body.card?.name).toBe('Pestermite');
    const vague = await api.get<CardLookup>('/api/cards/named?fuzzy=a', token);
    expect(vague.body.card).toBeNull();
    const complete = await api.get<{ names: string[] }>('/api/cards/autocomplete?q=basa', token);
    expect(complete.body.names[0]).toBe('Basalt Monolith');
    expect((await api.get('/api/cards/named', token)).status).toBe(400);
  });

  it('says plainly that Scryfall is out of reach when a name is unknown locally (these machines are offline)', async () => {
    const missing = await api.get<CardLookup & { source: string; notice?: string }>('/api/cards/named?fuzzy=qqzx%20vorpal%20xyzzy', token);
    expect(missing.status).toBe(200);
    expect(missing.body.card).toBeNull();
    expect(missing.body.notice).toMatch(/Scryfall/);
  });

  it('searches cards with Scryfall syntax and points at a malformed token', async () => {
    const found = await api.get<{ total: number; cards: Array<{ name: string; type_line: string }> }>(`/api/cards/search?q=${encodeURIComponent('t:artifact o:"untap"')}`, token);
    expect(found.status).toBe(200);
    expect(found.body.total).toBeGreaterThan(0);
    expect(found.body.cards.every((card) => /Artifact/.test(card.type_line))).toBe(true);
    const broken = await api.get<{ code: string; details: { position: number; token: string } }>(`/api/cards/search?q=${encodeURIComponent('t:creature (o:draw')}`, token);
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('INVALID_QUERY');
    expect(broken.body.details.position).toBeGreaterThanOrEqual(0);
  });

  it('shows a rule with its subrules and a glossary entry', async () => {
    const rule = await api.get<{ number: string }>('/api/rules/702.2', token);
    expect(rule.status).toBe(200);
    expect(JSON.stringify(rule.body)).toMatch(/702\.2b/);
    expect((await api.get('/api/rules/999.9', token)).status).toBe(404);
    const term = await api.get<{ term: string }>('/api/glossary/Trample', token);
    expect(term.status).toBe(200);
  });

  it('finds a loop among named cards, explains it, stores it for its owner only, and exports it', async () => {
    const created = await api.post<Analysis>('/api/loops/analyses', { cards: ['Basalt Monolith', 'Rings of Brighthearth'] }, token);
    expect(created.status).toBe(201);
    const loop = created.body.report?.loops[0];
    expect(loop?.outcomes).toContain('infinite-mana');
    expect(loop?.steps.every((step) => step.ability.length > 0)).toBe(true);

    const listed = await api.get<Array<{ id: string }>>('/api/loops/analyses', token);
    expect(listed.body.map((analysis) => analysis.id)).toContain(created.body.id);
    expect((await api.get(`/api/loops/analyses/${created.body.id}`, adminToken)).status).toBe(404);

    const mermaid = await fetch(`${stack.gatewayUrl}/api/loops/analyses/${created.body.id}/export?format=mermaid`, { headers: { authorization: `Bearer ${token}` } });
    expect(mermaid.headers.get('content-type')).toMatch(/mermaid/);
    expect(await mermaid.text()).toMatch(/^flowchart LR/);
    const dot = await fetch(`${stack.gatewayUrl}/api/loops/analyses/${created.body.id}/export?format=dot`, { headers: { authorization: `Bearer ${token}` } });
    expect(await dot.text()).toMatch(/^digraph loops/);
  });

  it('refuses unknown card names with suggestions, and more than ten cards', async () => {
    const unknown = await api.post<{ code: string; message: string }>('/api/loops/analyses', { cards: ['Basalt Monolyth', 'Nonexistent Card Xyz'] }, token);
    expect([404, 201]).toContain(unknown.status);
    if (unknown.status === 404) expect(unknown.body.code).toBe('UNKNOWN_CARDS');
    const tooMany = await api.post('/api/loops/analyses', { cards: Array.from({ length: 11 }, (_, i) => `Card ${i}`) }, token);
    expect(tooMany.status).toBe(400);
  });

  it('analyses a pasted decklist as a job with progress, and finds its loops', async () => {
    const decklist = 'Commander\n1 Kiki-Jiki, Mirror Breaker\n\nDeck\n1 Pestermite\n1 Basalt Monolith\n1 Rings of Brighthearth\n1 Sol Ring\n10 Mountain\n';
    const queued = await api.post<{ id: string; statusUrl: string }>('/api/loops/decks', { decklist, title: 'Test deck', oneCardAway: false }, token);
    expect(queued.status).toBe(202);
    let last: unknown = null;
    const done = await waitFor(
      'the deck analysis to finish',
      async () => {
        const analysis = await api.get<Analysis>(queued.body.statusUrl, token);
        last = analysis.body;
        return analysis.body.status === 'done' || analysis.body.status === 'failed' ? analysis.body : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last state ${JSON.stringify(last)}\n${stack.describe()}`);
    });
    expect(done.status).toBe('done');
    expect(done.progress).toBe(100);
    const loopCards = done.report?.loops.map((loop) => [...loop.cards].sort().join(' + ')) ?? [];
    expect(loopCards).toContain('Basalt Monolith + Rings of Brighthearth');
    expect(loopCards).toContain('Kiki-Jiki, Mirror Breaker + Pestermite');
  });

  it('lets admins queue a knowledge ingestion and read the run history', async () => {
    const job = await api.post<{ jobId: string; statusUrl: string }>('/api/ingestion/jobs', { kind: 'ingest-knowledge', kinds: ['rules'] }, adminToken);
    expect(job.status).toBe(202);
    expect((await api.post('/api/ingestion/jobs', { kind: 'ingest-knowledge', sources: { rules: '../etc/passwd' } }, adminToken)).status).toBe(400);
    expect((await api.post('/api/ingestion/jobs', { kind: 'ingest-knowledge' }, token)).status).toBe(403);
    const finished = await waitFor(
      'the ingestion job',
      async () => {
        const status = await api.get<{ state: string; progress: number }>(job.body.statusUrl, adminToken);
        return ['completed', 'failed'].includes(status.body.state) ? status.body : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(finished).toMatchObject({ state: 'completed', progress: 100 });
    const runs = await api.get<Array<{ kind: string; status: string; trigger: string }>>('/api/ingestion/runs?limit=10', adminToken);
    expect(runs.body[0]).toMatchObject({ kind: 'rules', trigger: `job:${job.body.jobId}` });
    expect(['succeeded', 'unchanged']).toContain(runs.body[0].status);
    expect(runs.body.some((run) => run.trigger.startsWith('cli:'))).toBe(true);
  });
});
