import type { ServiceHealth } from '@melvin/shared/contracts';
import { ServiceRow } from './service-row';

const columns = ['Service', 'Status', 'Version', 'Uptime', 'Dependencies'];

export function ServiceTable({ services }: { services: ServiceHealth[] }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Status of each Melvin service</caption>
        <thead className="bg-slate-100 text-left text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {services.map((service) => (
            <ServiceRow key={service.service} health={service} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
