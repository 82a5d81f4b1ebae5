import type { Request } from 'express';
import type { ClientInfo } from '@melvin/shared/contracts';

/** Where a request came from, for the audit trail (bounded: both are attacker-controlled). */
export function clientInfoOf(request: Request): ClientInfo {
  return {
    address: (request.ip ?? request.socket.remoteAddress ?? 'unknown').slice(0, 64),
    userAgent: (request.header('user-agent') ?? '').slice(0, 512),
  };
}
