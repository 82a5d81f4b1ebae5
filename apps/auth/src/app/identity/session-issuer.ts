import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { RefreshTokens, toUserView, type UserAccount } from '@melvin/identity/data-access';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims, type ClientInfo, type Session } from '@melvin/shared/contracts';
import type { AuthConfig } from '../../config/env.schema';
import { AUTH_CONFIG } from './tokens';

/** Turns an authenticated account into a session: a short-lived access JWT plus a refresh token. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokens,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  accessToken(user: UserAccount): string {
    const claims: AccessClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      sv: user.sessionVersion,
      ...(user.mustChangePassword ? { pwc: true } : {}),
    };
    return this.jwt.sign(claims, {
      algorithm: 'HS256',
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
  }

  async start(user: UserAccount, client: ClientInfo): Promise<Session> {
    return this.session(user, await this.refreshTokens.issue(user.id, client));
  }

  session(user: UserAccount, refreshToken: string): Session {
    return { accessToken: this.accessToken(user), refreshToken, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, user: toUserView(user) };
  }
}
