import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import { Queues } from '@melvin/shared/contracts';
import { ServiceClient } from '../services/service-client';
import { DASHBOARD_PATH, QueueDashboardSessions } from './queue-dashboard-session';

/** The BullMQ dashboard at /admin/queues, behind the admin-only dashboard cookie. */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  const queues = Object.values(Queues).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))));
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'Melvin queues' } } });
  app.use(DASHBOARD_PATH, app.get(QueueDashboardSessions).guard(app.get(ServiceClient)), serverAdapter.getRouter());
}
