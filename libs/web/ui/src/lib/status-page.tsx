import { accentButtonStyles, type Accent } from './controls/styles';
import { formatCheckedAt } from './format';
import { ServiceTable } from './service-table';
import { StatusBadge } from './status-badge';
import { useSystemHealth } from './use-system-health';

export type StatusPageAccent = Accent;

export interface StatusPageProps {
  /** The page heading, e.g. `Melvin`. */
  title: string;
  /** One line under the heading saying who the page is for. */
  subtitle: string;
  /** Colour of the Refresh button; `indigo` unless given. */
  accent?: StatusPageAccent;
}

/** Shows the health of every Melvin service, as reported by the gateway's `/api/health`. */
export function StatusPage({ title, subtitle, accent = 'indigo' }: StatusPageProps) {
  const { health, error, loading, refresh } = useSystemHealth();

  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-10">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
          <p className="text-sm text-slate-600">{subtitle}</p>
        </div>
        <div className="flex items-center gap-3">
          <span aria-live="polite" className="text-xs text-slate-500">
            {loading && health ? 'Refreshing…' : ''}
          </span>
          <button
            type="button"
            onClick={refresh}
            aria-busy={loading}
            className={accentButtonStyles(accent)}
          >
            Refresh
          </button>
        </div>
      </header>

      {error && (
        <div role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
          <p className="font-semibold">Could not load the status of Melvin&apos;s services.</p>
          <p>{error}</p>
          {health && <p className="mt-1 text-red-700">Showing the last report received.</p>}
        </div>
      )}

      {health ? (
        <section aria-labelledby="services-heading" className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="services-heading" className="text-lg font-semibold">
              Overall status
            </h2>
            <StatusBadge status={health.status} testId="overall-status" />
            <p className="text-xs text-slate-500">
              Checked at <time dateTime={health.checkedAt}>{formatCheckedAt(health.checkedAt)}</time>
            </p>
          </div>
          <ServiceTable services={health.services} />
        </section>
      ) : (
        !error && (
          <p role="status" className="text-slate-600">
            Checking Melvin&apos;s services…
          </p>
        )
      )}
    </main>
  );
}
