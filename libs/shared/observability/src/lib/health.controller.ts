import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ReadinessReport } from '@melvin/shared/contracts';
import { ReadinessService } from './readiness.service';

/** Liveness says the process runs; readiness says it can serve (every dependency reachable). */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const report = await this.readiness.report();
    response.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
