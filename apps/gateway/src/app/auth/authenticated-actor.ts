import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@melvin/shared/contracts';

/** The caller as the JWT strategy verified them. */
export interface AuthenticatedActor extends Actor {
  mustChangePassword: boolean;
  /** The token's session version: credentials derived from this session die with it. */
  sessionVersion: number;
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedActor => {
  return context.switchToHttp().getRequest<Request & { user: AuthenticatedActor }>().user;
});

/** Only the fields the identity service needs: never forward the request's user object as-is. */
export function actorOf(actor: AuthenticatedActor): Actor {
  return { id: actor.id, username: actor.username, role: actor.role };
}
