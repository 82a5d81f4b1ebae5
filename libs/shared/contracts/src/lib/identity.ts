import { z } from 'zod';

export const ROLES = ['user', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ACCOUNT_STATUSES = ['pending', 'active', 'denied', 'disabled'] as const;
export const accountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

/** Access tokens are checked for these exact values (and HS256 only) wherever they are verified. */
export const JWT_ISSUER = 'melvin-auth';
export const JWT_AUDIENCE = 'melvin-api';

/** Who is asking, as the gateway saw it: the source of `client address` and `user agent` in the audit. */
export const clientInfoSchema = z.object({
  address: z.string().max(64),
  userAgent: z.string().max(512),
});
export type ClientInfo = z.infer<typeof clientInfoSchema>;

/** The authenticated caller, from a verified access token. */
export const actorSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  role: roleSchema,
});
export type Actor = z.infer<typeof actorSchema>;

export const userViewSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  role: roleSchema,
  status: accountStatusSchema,
  note: z.string().nullable(),
  decisionReason: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** Claims of a Melvin access token (besides iss, aud, iat, exp). */
export const accessClaimsSchema = z.object({
  sub: z.string().uuid(),
  username: z.string(),
  role: roleSchema,
  /** Session version: bumped by logout-everywhere, password change, disable; older tokens die at once. */
  sv: z.number().int().nonnegative(),
  /** Set while a temporary password must be replaced: only /api/me and /api/me/password are open. */
  pwc: z.boolean().optional(),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export const sessionSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().positive(),
  user: userViewSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const AUDIT_ACTIONS = [
  'account.requested',
  'account.approved',
  'account.denied',
  'account.created',
  'account.role_changed',
  'account.disabled',
  'account.enabled',
  'password.changed',
  'password.reset_issued',
  'password.reset_completed',
  'sessions.revoked',
  'session.refresh_reuse',
  'login.succeeded',
  'login.failed',
  'login.locked_out',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEventViewSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  target: z.string().nullable(),
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  correlationId: z.string().nullable(),
  detail: z.record(z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const auditQuerySchema = z.object({
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  target: z.string().max(64).optional(),
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({ items: z.array(auditEventViewSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

const credentials = { username: z.string().max(64), password: z.string().max(256) };
const withClient = { client: clientInfoSchema };
const asActor = { actor: actorSchema };

/** Payloads of the identity messages (each wrapped in the usual envelope). */
export const identityRequests = {
  requestAccount: z.object({ ...credentials, note: z.string().max(500).optional(), ...withClient }),
  login: z.object({ ...credentials, ...withClient }),
  refresh: z.object({ refreshToken: z.string().max(200), ...withClient }),
  logout: z.object({ refreshToken: z.string().max(200), ...withClient }),
  checkSession: z.object({ userId: z.string().uuid(), sessionVersion: z.number().int() }),
  me: z.object({ ...asActor }),
  changePassword: z.object({ ...asActor, currentPassword: z.string().max(256), newPassword: z.string().max(256), ...withClient }),
  completePasswordReset: z.object({ token: z.string().max(200), newPassword: z.string().max(256), ...withClient }),
  listPending: z.object({ ...asActor }),
  decide: z.object({
    ...asActor,
    requestId: z.string().uuid(),
    decision: z.enum(['approve', 'deny']),
    reason: z.string().max(500).optional(),
    ...withClient,
  }),
  listUsers: z.object({ ...asActor, q: z.string().max(64).optional() }),
  updateUser: z.object({ ...asActor, userId: z.string().uuid(), role: roleSchema.optional(), disabled: z.boolean().optional(), ...withClient }),
  revokeSessions: z.object({ ...asActor, userId: z.string().uuid(), ...withClient }),
  resetPassword: z.object({ ...asActor, userId: z.string().uuid(), method: z.enum(['token', 'temporary-password']), ...withClient }),
  listAudit: z.object({ ...asActor, query: auditQuerySchema }),
};

export const passwordResetIssuedSchema = z.object({
  method: z.enum(['token', 'temporary-password']),
  resetToken: z.string().optional(),
  temporaryPassword: z.string().optional(),
  expiresAt: z.string().nullable(),
});
export type PasswordResetIssued = z.infer<typeof passwordResetIssuedSchema>;

export const sessionCheckSchema = z.object({ valid: z.boolean(), mustChangePassword: z.boolean() });
export type SessionCheck = z.infer<typeof sessionCheckSchema>;

/**
 * A failure a service reports over the Redis transport: the gateway turns it into an HTTP
 * response with the same status, code and message.
 */
export const serviceErrorSchema = z.object({
  status: z.number().int().min(400).max(599),
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ServiceError = z.infer<typeof serviceErrorSchema>;
