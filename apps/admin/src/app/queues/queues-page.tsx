import { useState } from 'react';
import { errorMessage } from '../session/admin-api';
import { useAdminApi } from '../session/admin-session';
import { openQueueDashboard, QUEUE_DASHBOARD_URL } from './open-queue-dashboard';

type DashboardState = { phase: 'idle' | 'opening' | 'opened' } | { phase: 'blocked' } | { phase: 'failed'; error: string };

/** The BullMQ queues (ingestion, loop analysis) are inspected in bull-board, opened from here. */
export function QueuesPage() {
  const api = useAdminApi();
  const [state, setState] = useState<DashboardState>({ phase: 'idle' });

  const open = async () => {
    setState({ phase: 'opening' });
    try {
      setState({ phase: (await openQueueDashboard(api)) ? 'opened' : 'blocked' });
    } catch (error) {
      setState({ phase: 'failed', error: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby="queues-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="queues-heading" className="text-lg font-semibold">
        Queues
      </h2>
      <p className="text-sm text-slate-600">
        The queue dashboard shows the ingestion and loop-analysis queues: waiting, active, completed and failed jobs, with their data
        and errors, and lets you retry or remove them. It opens in a new tab and stays signed in for 15 minutes.
      </p>
      <button
        type="button"
        onClick={open}
        disabled={state.phase === 'opening'}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 disabled:opacity-60"
      >
        Queue dashboard
      </button>
      <div aria-live="polite" className="text-sm">
        {state.phase === 'opened' && <p className="text-slate-600">The queue dashboard opened in a new tab.</p>}
        {state.phase === 'blocked' && (
          <p>
            The browser blocked the new tab.{' '}
            <a href={QUEUE_DASHBOARD_URL} target="_blank" rel="noopener" className="font-semibold text-slate-900 underline">
              Open the queue dashboard
            </a>
          </p>
        )}
      </div>
      {state.phase === 'failed' && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          Could not open the queue dashboard: {state.error}
        </p>
      )}
    </section>
  );
}
