import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { MessagePatterns, type SessionCheck } from '@melvin/shared/contracts';
import type { ServiceClient } from '../services/service-client';

/** Browsers send no bearer token when they navigate, so the dashboard is opened with a short-lived cookie. */
export const DASHBOARD_COOKIE = 'melvin_queue_dashboard';
export const DASHBOARD_PATH = '/admin/queues';
const AUDIENCE = 'melvin-queue-dashboard';
const ISSUER = 'melvin-gateway';
const LIFETIME_SECONDS = 15 * 60;

const dashboardClaimsSchema = z.object({ sub: z.string().uuid(), sv: z.number().int().nonnegative(), role: z.literal('admin') });

export class QueueDashboardSessions {
  private readonly jwt: JwtService;

  constructor(secret: string) {
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  }

  /** A Set-Cookie value scoped to the dashboard's path only, unreadable by scripts. */
  cookieFor(admin: { id: string; sessionVersion: number }, secure: boolean): string {
    const token = this.jwt.sign({ sub: admin.id, sv: admin.sessionVersion, role: 'admin' }, { audience: AUDIENCE, issuer: ISSUER, expiresIn: LIFETIME_SECONDS });
    const attributes = [`Path=${DASHBOARD_PATH}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${LIFETIME_SECONDS}`, ...(secure ? ['Secure'] : [])];
    return `${DASHBOARD_COOKIE}=${token}; ${attributes.join('; ')}`;
  }

  /** Express middleware in front of the dashboard: a valid cookie of a live admin session, or 401. */
  guard(services: ServiceClient) {
    return async (request: Request, response: Response, next: NextFunction) => {
      const token = readCookie(request.headers.cookie, DASHBOARD_COOKIE);
      const claims = token ? this.verify(token) : null;
      const live =
        claims &&
        (await services
          .ask<{ userId: string; sessionVersion: number }, SessionCheck>(MessagePatterns.identity.checkSession, { userId: claims.sub, sessionVersion: claims.sv })
          .then((check) => check.valid)
          .catch(() => false));
      if (live) return next();
      response
        .status(401)
        .type('text/plain')
        .send('The queue dashboard needs an admin session: open it from the admin console (Queues).');
    };
  }

  private verify(token: string): z.infer<typeof dashboardClaimsSchema> | null {
    try {
      const parsed = dashboardClaimsSchema.safeParse(this.jwt.verify(token, { audience: AUDIENCE, issuer: ISSUER }));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}
