import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { MessagePatterns, type Session } from '@melvin/shared/contracts';
import { clientInfoOf } from '../auth/client-info';
import { AuthRateLimited } from '../auth/auth-rate-limit';
import { ServiceClient } from '../services/service-client';
import { CompletePasswordResetDto, LoginDto, RefreshTokenDto, RequestAccountDto } from './identity.dto';

const patterns = MessagePatterns.identity;

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly services: ServiceClient) {}

  @Post('requests')
  @HttpCode(202)
  @AuthRateLimited()
  @ApiAcceptedResponse({ description: '{status: "pending"}: an admin will decide. 400 names the policy rule broken; 409 USERNAME_TAKEN' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED' })
  requestAccount(@Body() body: RequestAccountDto, @Req() request: Request): Promise<{ status: 'pending' }> {
    return this.services.ask(patterns.requestAccount, { ...body, client: clientInfoOf(request) });
  }

  @Post('login')
  @HttpCode(200)
  @AuthRateLimited()
  @ApiOkResponse({
    description:
      '{accessToken, refreshToken, expiresIn, user}. 401 INVALID_CREDENTIALS; 403 ACCOUNT_PENDING | ACCOUNT_DENIED | ACCOUNT_DISABLED | ACCOUNT_LOCKED; 429 RATE_LIMITED | TOO_MANY_ATTEMPTS',
  })
  login(@Body() body: LoginDto, @Req() request: Request): Promise<Session> {
    return this.services.ask(patterns.login, { ...body, client: clientInfoOf(request) });
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A new session; the presented refresh token stops working. 401 REFRESH_TOKEN_INVALID | _EXPIRED | _REUSED' })
  refresh(@Body() body: RefreshTokenDto, @Req() request: Request): Promise<Session> {
    return this.services.ask(patterns.refresh, { ...body, client: clientInfoOf(request) });
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOkResponse({ description: 'The refresh token (and every token rotated from the same sign-in) is revoked' })
  async logout(@Body() body: RefreshTokenDto, @Req() request: Request): Promise<void> {
    await this.services.ask(patterns.logout, { ...body, client: clientInfoOf(request) });
  }

  @Post('password-reset')
  @HttpCode(200)
  @AuthRateLimited()
  @ApiOkResponse({ description: 'Sets a new password with an admin-issued reset token. 400 RESET_TOKEN_INVALID or a policy rule' })
  completePasswordReset(@Body() body: CompletePasswordResetDto, @Req() request: Request): Promise<{ status: string }> {
    return this.services.ask(patterns.completePasswordReset, { ...body, client: clientInfoOf(request) });
  }
}
