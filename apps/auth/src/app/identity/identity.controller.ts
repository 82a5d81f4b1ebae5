import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import { Accounts, AuditTrail, RefreshTokens, toUserView } from '@melvin/identity/data-access';
import { IdentityError } from '@melvin/identity/domain';
import {
  envelopeSchema,
  identityRequests,
  MessagePatterns,
  type Actor,
  type AuditPage,
  type PasswordResetIssued,
  type Session,
  type SessionCheck,
  type UserView,
} from '@melvin/shared/contracts';
import { ServiceErrorFilter } from '@melvin/shared/runtime';
import { LoginService } from './login.service';
import { SessionIssuer } from './session-issuer';

const patterns = MessagePatterns.identity;

/** Re-validates a message: the gateway deploys separately and may speak an older version. */
function parse<Schema extends z.ZodTypeAny>(schema: Schema, message: unknown): z.infer<Schema> & { correlationId: string } {
  const { correlationId, data } = envelopeSchema(schema).parse(message);
  return { ...data, correlationId };
}

/** Admin operations re-check the role here too: the gateway is not the only line of defence. */
function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new IdentityError(403, 'FORBIDDEN', 'Admins only');
}

@Controller()
@UseFilters(ServiceErrorFilter)
export class IdentityController {
  constructor(
    private readonly accounts: Accounts,
    private readonly refreshTokens: RefreshTokens,
    private readonly audit: AuditTrail,
    private readonly login: LoginService,
    private readonly sessions: SessionIssuer,
  ) {}

  @MessagePattern(patterns.requestAccount)
  async requestAccount(@Payload() message: unknown): Promise<{ status: 'pending' }> {
    const { username, password, note, client, correlationId } = parse(identityRequests.requestAccount, message);
    await this.accounts.request({ username, password, note }, { client, correlationId });
    return { status: 'pending' };
  }

  @MessagePattern(patterns.login)
  signIn(@Payload() message: unknown): Promise<Session> {
    const { username, password, client } = parse(identityRequests.login, message);
    return this.login.login(username, password, client);
  }

  @MessagePattern(patterns.refresh)
  async refresh(@Payload() message: unknown): Promise<Session> {
    const { refreshToken, client, correlationId } = parse(identityRequests.refresh, message);
    const rotated = await this.refreshTokens.rotate(refreshToken, client, correlationId);
    return this.sessions.session(rotated.user, rotated.refreshToken);
  }

  @MessagePattern(patterns.logout)
  async logout(@Payload() message: unknown): Promise<{ loggedOut: true }> {
    const { refreshToken } = parse(identityRequests.logout, message);
    await this.refreshTokens.revoke(refreshToken);
    return { loggedOut: true };
  }

  @MessagePattern(patterns.checkSession)
  async checkSession(@Payload() message: unknown): Promise<SessionCheck> {
    const { userId, sessionVersion } = parse(identityRequests.checkSession, message);
    const user = await this.accounts.get(userId).catch(() => undefined);
    const valid = user?.status === 'active' && user.sessionVersion === sessionVersion;
    return { valid, mustChangePassword: Boolean(valid && user?.mustChangePassword) };
  }

  @MessagePattern(patterns.me)
  async me(@Payload() message: unknown): Promise<UserView> {
    const { actor } = parse(identityRequests.me, message);
    return toUserView(await this.accounts.get(actor.id));
  }

  @MessagePattern(patterns.changePassword)
  async changePassword(@Payload() message: unknown): Promise<Session> {
    const { actor, currentPassword, newPassword, client, correlationId } = parse(identityRequests.changePassword, message);
    const user = await this.accounts.changePassword(actor.id, currentPassword, newPassword, { client, correlationId });
    return this.sessions.start(user, client);
  }

  @MessagePattern(patterns.completePasswordReset)
  async completePasswordReset(@Payload() message: unknown): Promise<{ status: 'password-changed' }> {
    const { token, newPassword, client, correlationId } = parse(identityRequests.completePasswordReset, message);
    await this.accounts.completePasswordReset(token, newPassword, { client, correlationId });
    return { status: 'password-changed' };
  }

  @MessagePattern(patterns.listPending)
  async listPending(@Payload() message: unknown): Promise<UserView[]> {
    requireAdmin(parse(identityRequests.listPending, message).actor);
    return (await this.accounts.listPending()).map(toUserView);
  }

  @MessagePattern(patterns.decide)
  async decide(@Payload() message: unknown): Promise<UserView> {
    const { actor, requestId, decision, reason, client, correlationId } = parse(identityRequests.decide, message);
    requireAdmin(actor);
    return toUserView(await this.accounts.decide(requestId, decision, reason, { actor: actor.username, client, correlationId }));
  }

  @MessagePattern(patterns.listUsers)
  async listUsers(@Payload() message: unknown): Promise<UserView[]> {
    const { actor, q } = parse(identityRequests.listUsers, message);
    requireAdmin(actor);
    return (await this.accounts.search(q)).map(toUserView);
  }

  @MessagePattern(patterns.updateUser)
  async updateUser(@Payload() message: unknown): Promise<UserView> {
    const { actor, userId, role, disabled, client, correlationId } = parse(identityRequests.updateUser, message);
    requireAdmin(actor);
    return toUserView(await this.accounts.update(userId, { role, disabled }, { actor: actor.username, client, correlationId }));
  }

  @MessagePattern(patterns.revokeSessions)
  async revokeSessions(@Payload() message: unknown): Promise<{ revoked: true }> {
    const { actor, userId, client, correlationId } = parse(identityRequests.revokeSessions, message);
    requireAdmin(actor);
    await this.accounts.revokeSessions(userId, { actor: actor.username, client, correlationId });
    return { revoked: true };
  }

  @MessagePattern(patterns.resetPassword)
  resetPassword(@Payload() message: unknown): Promise<PasswordResetIssued> {
    const { actor, userId, method, client, correlationId } = parse(identityRequests.resetPassword, message);
    requireAdmin(actor);
    return this.accounts.issuePasswordReset(userId, method, { actor: actor.username, client, correlationId });
  }

  @MessagePattern(patterns.listAudit)
  listAudit(@Payload() message: unknown): Promise<AuditPage> {
    const { actor, query } = parse(identityRequests.listAudit, message);
    requireAdmin(actor);
    return this.audit.page(query);
  }
}
