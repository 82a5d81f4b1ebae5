import type { ServiceHealth } from '@melvin/shared/contracts';
import { DependencyList } from './dependency-list';
import { formatUptime } from './format';
import { StatusBadge } from './status-badge';

export function ServiceRow({ health }: { health: ServiceHealth }) {
  const { service, status, report, error } = health;
  return (
    <tr data-testid="service-row" data-service={service} data-status={status} className="align-top">
      <th scope="row" className="px-4 py-3 text-left font-medium">
        {service}
      </th>
      <td className="px-4 py-3">
        <StatusBadge status={status} />
        {error && <p className="mt-1 text-xs text-red-700">{error}</p>}
      </td>
      <td className="px-4 py-3 font-mono text-xs">{report?.version ?? '—'}</td>
      <td className="px-4 py-3 whitespace-nowrap">{report ? formatUptime(report.uptimeSeconds) : '—'}</td>
      <td className="px-4 py-3">{report ? <DependencyList dependencies={report.dependencies} /> : '—'}</td>
    </tr>
  );
}
