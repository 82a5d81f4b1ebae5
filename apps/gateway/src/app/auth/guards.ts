import { ForbiddenException, Injectable, SetMetadata, UnauthorizedException, applyDecorators, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@melvin/shared/contracts';
import type { AuthenticatedActor } from './authenticated-actor';

const ROLES = 'melvin:roles';
const OPEN_DURING_PASSWORD_CHANGE = 'melvin:open-during-password-change';

/** Any verification failure is one answer: 401 UNAUTHENTICATED (details stay in our logs). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof UnauthorizedException) throw error;
    if (error || !user) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Sign in to do this' });
    return user;
  }
}

/** Checks the caller's role, and holds users with a temporary password to changing it first. */
@Injectable()
export class AccessPolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<{ user: AuthenticatedActor }>().user;
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) throw new ForbiddenException({ code: 'FORBIDDEN', message: 'You are not allowed to do this' });
    const open = this.reflector.getAllAndOverride<boolean | undefined>(OPEN_DURING_PASSWORD_CHANGE, targets);
    if (actor.mustChangePassword && !open) {
      throw new ForbiddenException({ code: 'PASSWORD_CHANGE_REQUIRED', message: 'Change your temporary password first' });
    }
    return true;
  }
}

/** The route needs a signed-in caller, with one of `roles` when given. */
export function Authenticated(...roles: Role[]) {
  return applyDecorators(
    ...(roles.length ? [SetMetadata(ROLES, roles)] : []),
    UseGuards(JwtAuthGuard, AccessPolicyGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED or SESSION_ENDED' }),
    ApiForbiddenResponse({ description: roles.length ? 'FORBIDDEN (needs role ' + roles.join('/') + ') or PASSWORD_CHANGE_REQUIRED' : 'PASSWORD_CHANGE_REQUIRED' }),
  );
}

/** Reachable while the caller still has to replace a temporary password. */
export const OpenDuringPasswordChange = () => SetMetadata(OPEN_DURING_PASSWORD_CHANGE, true);
