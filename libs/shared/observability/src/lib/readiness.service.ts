import { Inject, Injectable } from '@nestjs/common';
import type { DependencyReport, ReadinessReport, ServiceName } from '@melvin/shared/contracts';
import type { DependencyCheck } from './dependency-check';
import { DEPENDENCY_CHECKS, SERVICE_IDENTITY } from './tokens';

export interface ServiceIdentity {
  name: ServiceName;
  version: string;
}

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every dependency check in parallel; the service is up only when all of them are. */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
    @Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[],
  ) {}

  async report(): Promise<ReadinessReport> {
    const dependencies = await Promise.all(this.checks.map((check) => this.run(check)));
    return {
      service: this.identity.name,
      status: dependencies.every((dependency) => dependency.status === 'up') ? 'up' : 'down',
      version: this.identity.version,
      uptimeSeconds: Math.round(process.uptime()),
      dependencies,
    };
  }

  private async run(check: DependencyCheck): Promise<DependencyReport> {
    const started = Date.now();
    try {
      await withTimeout(check.check(), CHECK_TIMEOUT_MS);
      return { name: check.name, status: 'up', latencyMs: Date.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { name: check.name, status: 'down', latencyMs: Date.now() - started, error: message };
    }
  }
}
