import { useId, type ReactNode } from 'react';

/** A titled block fed by one API resource: a Refresh button, a loading note and the last error. */
export function PageSection({
  title,
  resource,
  onRefresh,
  children,
}: {
  title: string;
  resource: { loading: boolean; error: string | null; data: unknown };
  onRefresh: () => void;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="flex items-center gap-3">
          <span aria-live="polite" className="text-xs text-slate-500">
            {resource.loading ? 'Loading…' : ''}
          </span>
          <button
            type="button"
            onClick={onRefresh}
            aria-label={`Refresh ${title.toLowerCase()}`}
            className="rounded-md px-2 py-1 text-xs font-semibold text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"
          >
            Refresh
          </button>
        </div>
      </div>
      {resource.error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {resource.error}
        </p>
      )}
      {children}
    </section>
  );
}
