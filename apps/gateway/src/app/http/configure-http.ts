import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger } from 'winston';
import { CORRELATION_HEADER } from '@melvin/shared/contracts';
import { SERVICE_LOGGER } from '@melvin/shared/observability';
import type { GatewayConfig } from '../../config/env.schema';
import { ApiExceptionFilter } from './api-exception.filter';
import { createValidationPipe } from './validation-pipe';
import { serveWebBundles } from './web-bundles';
import { mountQueueDashboard } from '../queues/queue-dashboard';

/** Everything about the public edge: headers, CORS, validation, errors, API docs, web bundles. */
export function configureGatewayHttp(app: NestExpressApplication, config: GatewayConfig): void {
  const logger = app.get<Logger>(SERVICE_LOGGER);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI at /api/docs needs inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'https://cards.scryfall.io'],
        },
      },
    }),
  );
  app.enableCors({
    origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false,
    credentials: true,
    exposedHeaders: [CORRELATION_HEADER],
  });
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter(logger));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Melvin API')
      .setDescription('Rules answers, card lookup and loop analysis for Magic: The Gathering')
      .setVersion(config.MELVIN_VERSION)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  // Before the admin console's SPA fallback, which would otherwise answer /admin/queues.
  mountQueueDashboard(app);
  const missing = serveWebBundles(app, config.WEB_DIST_DIR, config.ADMIN_DIST_DIR);
  for (const file of missing) logger.warn(`web bundle not found, not serving it: ${file} (run npm run build)`);
}
