import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestionRunView, JobStatus } from '@melvin/shared/contracts';
import { FakeGateway, signedInApi } from '../../testing/fake-gateway';
import { AdminApiProvider } from '../session/admin-session';
import { KnowledgePage } from './knowledge-page';

afterEach(cleanup);

const run = (overrides: Partial<IngestionRunView>): IngestionRunView => ({
  id: 'run-1',
  kind: 'rules',
  status: 'succeeded',
  sourceName: 'MagicCompRules 20251114.txt',
  edition: '2025-11-14',
  counts: { rules: 3012, glossary: 245 },
  warnings: [],
  error: null,
  changes: null,
  trigger: 'api',
  startedAt: '2025-11-20T10:00:00.000Z',
  finishedAt: '2025-11-20T10:00:04.000Z',
  durationMs: 4200,
  ...overrides,
});

const job = (state: JobStatus['state'], progress: number, extra: Partial<JobStatus> = {}): JobStatus => ({
  id: '42',
  name: 'ingest-knowledge',
  state,
  progress,
  createdAt: '2025-11-20T10:00:00.000Z',
  ...extra,
});

const STATUS = {
  releases: { rules: { id: 'r1', edition: '2025-08-01', sourceName: 'MagicCompRules 20250801.txt', activatedAt: '2025-08-02T00:00:00.000Z' } },
  counts: { rules: 3000, cards: 0 },
};

async function renderPage(gateway: FakeGateway) {
  const api = await signedInApi(gateway);
  render(
    <AdminApiProvider api={api}>
      <KnowledgePage pollIntervalMs={5} />
    </AdminApiProvider>,
  );
}

describe('KnowledgePage', () => {
  it('shows the active release of each kind, the counts and the run history with warnings, errors and CR changes', async () => {
    const gateway = new FakeGateway().on('GET /api/knowledge/status', { body: STATUS }).on('GET /api/ingestion/runs?limit=50', {
      body: [
        run({
          id: 'run-2',
          changes: { from: '2025-08-01', to: '2025-11-14', added: 1, removed: 0, changed: 2, addedRules: ['702.190'], removedRules: [], changedRules: ['100.1', '603.2'] },
          warnings: ['line 12: rule 100.1a appears twice'],
        }),
        run({ id: 'run-1', kind: 'cards', status: 'failed', edition: null, counts: {}, error: 'oracle-cards.json is not a JSON array', durationMs: 120 }),
      ],
    });
    await renderPage(gateway);

    const rows = await screen.findAllByTestId('ingestion-run');
    expect(rows.map((row) => [row.dataset['kind'], row.dataset['status']])).toEqual([
      ['rules', 'succeeded'],
      ['cards', 'failed'],
    ]);
    expect(within(rows[0]).getByText('4.2 s')).toBeTruthy();
    expect(within(rows[0]).getByText('1 warning').closest('details')?.textContent).toContain('rule 100.1a appears twice');
    const changes = within(rows[0]).getByTestId('run-changes');
    expect(changes.querySelector('summary')?.textContent).toBe('1 added, 0 removed, 2 changed (2025-08-01 → 2025-11-14)');
    expect(changes.textContent).toContain('100.1, 603.2');
    expect(within(rows[1]).getByText('oracle-cards.json is not a JSON array')).toBeTruthy();

    const releases = screen.getAllByTestId('active-release');
    expect(releases.map((release) => release.textContent)).toEqual([
      expect.stringContaining('MagicCompRules 20250801.txt'),
      expect.stringContaining('No active release'),
      expect.stringContaining('No active release'),
    ]);
    expect(screen.getByTestId('knowledge-count-rules').textContent).toMatch(/^3.000$/);
  });

  it('ingests the chosen kinds, following the job with a progress bar, then reloads history and status', async () => {
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const gateway = new FakeGateway()
      .on('GET /api/knowledge/status', { body: STATUS })
      .on('GET /api/ingestion/runs?limit=50', { body: [] }, { body: [run({})] })
      .on('POST /api/ingestion/jobs', { status: 202, body: { jobId: '42', statusUrl: '/api/ingestion/jobs/42' } })
      .on(
        'GET /api/ingestion/jobs/42',
        { body: job('waiting', 0) },
        { body: job('active', 40) },
        async () => {
          await finished;
          return { body: job('completed', 100, { result: { runs: [run({})] } }) };
        },
      );
    await renderPage(gateway);
    await screen.findByText('No ingestion has run yet.');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Cards (Scryfall)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Rulings (Scryfall)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ingest now' }));

    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40'));
    expect(screen.getByText('Job 42: active, 40%')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ingest now' }).hasAttribute('disabled')).toBe(true);
    expect(gateway.callsTo('POST /api/ingestion/jobs').map((call) => call.body)).toEqual([{ kind: 'ingest-knowledge', kinds: ['rules'] }]);

    finish();
    await screen.findByText('Job 42 completed: rules succeeded.');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await waitFor(() => expect(screen.getAllByTestId('ingestion-run')).toHaveLength(1));
    expect(gateway.callsTo('GET /api/knowledge/status')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Ingest now' }).hasAttribute('disabled')).toBe(false);
  });

  it('sends no kinds when all are chosen, and says why a failed job failed', async () => {
    const gateway = new FakeGateway()
      .on('GET /api/knowledge/status', { body: STATUS })
      .on('GET /api/ingestion/runs?limit=50', { body: [] })
      .on('POST /api/ingestion/jobs', { status: 202, body: { jobId: '43', statusUrl: '/api/ingestion/jobs/43' } })
      .on('GET /api/ingestion/jobs/43', { body: job('failed', 30, { id: '43', failedReason: 'No Comprehensive Rules file in the data directory' }) });
    await renderPage(gateway);

    fireEvent.click(await screen.findByRole('button', { name: 'Ingest now' }));

    expect((await screen.findByRole('alert')).textContent).toBe('No Comprehensive Rules file in the data directory');
    expect(gateway.callsTo('POST /api/ingestion/jobs')[0].body).toEqual({ kind: 'ingest-knowledge' });
    expect(screen.getByRole('progressbar').dataset['state']).toBe('failed');
  });

  it('cannot start an ingestion with no kind chosen', async () => {
    const gateway = new FakeGateway().on('GET /api/knowledge/status', { body: STATUS }).on('GET /api/ingestion/runs?limit=50', { body: [] });
    await renderPage(gateway);
    for (const name of ['Comprehensive Rules', 'Cards (Scryfall)', 'Rulings (Scryfall)']) fireEvent.click(screen.getByRole('checkbox', { name }));
    expect(screen.getByRole('button', { name: 'Ingest now' }).hasAttribute('disabled')).toBe(true);
  });
});
