import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SystemHealth } from '@melvin/shared/contracts';
import { SystemHealthService } from './system-health.service';

@ApiTags('health')
@Controller('api/health')
export class SystemHealthController {
  constructor(private readonly health: SystemHealthService) {}

  @Get()
  @ApiOkResponse({ description: 'Every service is ready' })
  @ApiServiceUnavailableResponse({ description: 'At least one service is down or unreachable; the body says which' })
  async check(@Res({ passthrough: true }) response: Response): Promise<SystemHealth> {
    const health = await this.health.check();
    response.status(health.status === 'up' ? 200 : 503);
    return health;
  }
}
