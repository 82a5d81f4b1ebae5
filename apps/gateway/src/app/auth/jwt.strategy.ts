import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import {
  accessClaimsSchema,
  JWT_AUDIENCE,
  JWT_ISSUER,
  MessagePatterns,
  type SessionCheck,
} from '@melvin/shared/contracts';
import type { GatewayConfig } from '../../config/env.schema';
import { ServiceClient } from '../services/service-client';
import { GATEWAY_CONFIG } from '../services/tokens';
import type { AuthenticatedActor } from './authenticated-actor';

/**
 * Verifies access tokens: HS256 only (so `alg: none` and key-confusion tokens fail), issuer and
 * audience checked, expiry enforced; then asks auth whether the session is still live, so a
 * disabled account or a revoked session stops working at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly services: ServiceClient,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: unknown): Promise<AuthenticatedActor> {
    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Invalid access token' });
    const check = await this.services.ask<{ userId: string; sessionVersion: number }, SessionCheck>(MessagePatterns.identity.checkSession, {
      userId: claims.data.sub,
      sessionVersion: claims.data.sv,
    });
    if (!check.valid) throw new UnauthorizedException({ code: 'SESSION_ENDED', message: 'This session has ended; sign in again' });
    return { id: claims.data.sub, username: claims.data.username, role: claims.data.role, mustChangePassword: check.mustChangePassword, sessionVersion: claims.data.sv };
  }
}
