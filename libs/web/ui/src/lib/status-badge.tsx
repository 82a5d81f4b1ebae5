import type { AggregateStatus } from '@melvin/shared/contracts';

const styles: Record<AggregateStatus, { badge: string; dot: string }> = {
  up: { badge: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30', dot: 'bg-emerald-500' },
  down: { badge: 'bg-red-50 text-red-800 ring-red-600/30', dot: 'bg-red-500' },
  unreachable: { badge: 'bg-amber-50 text-amber-900 ring-amber-600/30', dot: 'bg-amber-500' },
};

interface StatusBadgeProps {
  status: AggregateStatus;
  testId?: string;
}

/** The status word is always shown as text; the coloured dot only repeats it. */
export function StatusBadge({ status, testId }: StatusBadgeProps) {
  const style = styles[status] ?? styles.unreachable;
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.badge}`}
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${style.dot}`} />
      <span data-testid={testId}>{status}</span>
    </span>
  );
}
