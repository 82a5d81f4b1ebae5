import { Injectable } from '@nestjs/common';
import {
  BACKEND_SERVICES,
  MessagePatterns,
  readinessReportSchema,
  worstStatus,
  type BackendServiceName,
  type ServiceHealth,
  type SystemHealth,
} from '@melvin/shared/contracts';
import { ReadinessService } from '@melvin/shared/observability';
import { ServiceClient } from '../services/service-client';

/** Melvin's health as a whole: the gateway's own readiness plus each service's, asked over Redis. */
@Injectable()
export class SystemHealthService {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly services: ServiceClient,
  ) {}

  async check(): Promise<SystemHealth> {
    const gateway = this.readiness.report().then((report): ServiceHealth => ({ service: 'gateway', status: report.status, report }));
    const services = await Promise.all([gateway, ...BACKEND_SERVICES.map((service) => this.ask(service))]);
    return {
      status: worstStatus(services.map((service) => service.status)),
      checkedAt: new Date().toISOString(),
      services,
    };
  }

  private async ask(service: BackendServiceName): Promise<ServiceHealth> {
    try {
      const report = readinessReportSchema.parse(await this.services.ask(MessagePatterns.readiness(service), {}));
      return { service, status: report.status, report };
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'no answer over Redis in time' : String(error);
      return { service, status: 'unreachable', error: reason };
    }
  }
}
