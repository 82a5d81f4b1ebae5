import { SetMetadata, type ExecutionContext } from '@nestjs/common';

const AUTH_RATE_LIMITED = 'melvin:auth-rate-limited';

/** Sign-in and account requests get the stricter per-address limit (`AUTH_RATE_LIMIT_MAX`). */
export const AuthRateLimited = () => SetMetadata(AUTH_RATE_LIMITED, true);

export function isAuthRateLimited(context: ExecutionContext): boolean {
  return Reflect.getMetadata(AUTH_RATE_LIMITED, context.getHandler()) === true;
}
