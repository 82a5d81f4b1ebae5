import { existsSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Paths that belong to the API and the probes, never to a single-page app. */
const NON_APP_PREFIXES = ['/api', '/health', '/metrics'];

function spaFallback(indexFile: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    const isPageRequest = request.method === 'GET' && request.accepts('html') === 'html';
    const isAppPath = !NON_APP_PREFIXES.some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`));
    if (isPageRequest && isAppPath) response.sendFile(indexFile);
    else next();
  };
}

/**
 * Serves the admin console under /admin and the web app at /, each with SPA fallback so a
 * reload on a client-side route still finds the app. Hashed assets are cached for a year.
 */
export function serveWebBundles(app: NestExpressApplication, webDir: string, adminDir: string): string[] {
  const missing: string[] = [];
  const mounts: Array<[string, string]> = [
    ['/admin', resolve(adminDir)],
    ['/', resolve(webDir)],
  ];
  for (const [mountPath, dir] of mounts) {
    const indexFile = join(dir, 'index.html');
    if (!existsSync(indexFile)) {
      missing.push(indexFile);
      continue;
    }
    app.use(posix.join(mountPath, 'assets'), express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y' }));
    app.use(mountPath, express.static(dir, { index: false, maxAge: 0 }));
    app.use(mountPath, spaFallback(indexFile));
  }
  return missing;
}
