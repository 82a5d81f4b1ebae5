import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, type AuthenticatedActor } from '../auth/authenticated-actor';
import { Authenticated } from '../auth/guards';
import { DASHBOARD_PATH, QueueDashboardSessions } from './queue-dashboard-session';

@ApiTags('admin')
@Controller('api/admin/queues')
@Authenticated('admin')
export class QueueDashboardController {
  constructor(private readonly sessions: QueueDashboardSessions) {}

  /** Sets the cookie that opens the BullMQ dashboard at /admin/queues for 15 minutes. */
  @Post('session')
  @HttpCode(204)
  @ApiNoContentResponse({ description: `Cookie set; open ${DASHBOARD_PATH}` })
  open(@CurrentActor() actor: AuthenticatedActor, @Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    response.setHeader('Set-Cookie', this.sessions.cookieFor(actor, request.secure));
  }
}
