import type { DependencyReport } from '@melvin/shared/contracts';
import { StatusBadge } from './status-badge';

export function DependencyList({ dependencies }: { dependencies: DependencyReport[] }) {
  if (dependencies.length === 0) {
    return <span className="text-slate-500">none</span>;
  }
  return (
    <ul className="space-y-1">
      {dependencies.map((dependency) => (
        <li key={dependency.name} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <span className="font-medium">{dependency.name}</span>
          <StatusBadge status={dependency.status} />
          <span className="text-xs text-slate-500">{Math.round(dependency.latencyMs)} ms</span>
          {dependency.error && <span className="basis-full text-xs text-red-700">{dependency.error}</span>}
        </li>
      ))}
    </ul>
  );
}
