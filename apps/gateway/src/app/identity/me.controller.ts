import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { MessagePatterns, type Session, type UserView } from '@melvin/shared/contracts';
import { actorOf, CurrentActor, type AuthenticatedActor } from '../auth/authenticated-actor';
import { clientInfoOf } from '../auth/client-info';
import { Authenticated, OpenDuringPasswordChange } from '../auth/guards';
import { ServiceClient } from '../services/service-client';
import { ChangePasswordDto } from './identity.dto';

@ApiTags('me')
@Controller('api/me')
@Authenticated()
@OpenDuringPasswordChange()
export class MeController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOkResponse({ description: 'Your profile' })
  profile(@CurrentActor() actor: AuthenticatedActor): Promise<UserView> {
    return this.services.ask(MessagePatterns.identity.me, { actor: actorOf(actor) });
  }

  @Post('password')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A fresh session; every other session is ended. 401 INVALID_CREDENTIALS; 400 a policy rule' })
  changePassword(@CurrentActor() actor: AuthenticatedActor, @Body() body: ChangePasswordDto, @Req() request: Request): Promise<Session> {
    return this.services.ask(MessagePatterns.identity.changePassword, { actor: actorOf(actor), ...body, client: clientInfoOf(request) });
  }
}
