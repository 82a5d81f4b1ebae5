import type { Command } from 'commander';
import { loadConfig } from '@melvin/shared/config';
import { systemHealthSchema } from '@melvin/shared/contracts';
import { healthEnvSchema } from '../config/env.schema';

export function registerHealthCommand(program: Command): void {
  program
    .command('health')
    .description("print each service's readiness as the gateway sees it (MELVIN_URL, default http://localhost:8000)")
    .action(async () => {
      const { MELVIN_URL } = loadConfig('melvin health', healthEnvSchema);
      const response = await fetch(new URL('/api/health', MELVIN_URL), { signal: AbortSignal.timeout(15_000) });
      const health = systemHealthSchema.parse(await response.json());
      for (const service of health.services) {
        const failing = service.report?.dependencies.filter((dependency) => dependency.status !== 'up') ?? [];
        const why = service.error ?? failing.map((dependency) => `${dependency.name}: ${dependency.error}`).join('; ');
        console.log(`${service.service.padEnd(18)} ${service.status.padEnd(12)} ${why}`);
      }
      console.log(`overall: ${health.status}`);
      process.exitCode = health.status === 'up' ? 0 : 1;
    });
}
