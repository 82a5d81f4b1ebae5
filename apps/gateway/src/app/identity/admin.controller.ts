import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { MessagePatterns, type AuditPage, type PasswordResetIssued, type UserView } from '@melvin/shared/contracts';
import { actorOf, CurrentActor, type AuthenticatedActor } from '../auth/authenticated-actor';
import { clientInfoOf } from '../auth/client-info';
import { Authenticated } from '../auth/guards';
import { ServiceClient } from '../services/service-client';
import { AuditQueryDto, DenyRequestDto, ResetPasswordDto, UpdateUserDto, UserSearchQuery } from './identity.dto';

const patterns = MessagePatterns.identity;

@ApiTags('admin')
@Controller('api/admin')
@Authenticated('admin')
export class AdminController {
  constructor(private readonly services: ServiceClient) {}

  @Get('requests')
  @ApiOkResponse({ description: 'Pending account requests, oldest first' })
  pending(@CurrentActor() actor: AuthenticatedActor): Promise<UserView[]> {
    return this.services.ask(patterns.listPending, { actor: actorOf(actor) });
  }

  @Post('requests/:id/approve')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'NOT_PENDING' })
  approve(@CurrentActor() actor: AuthenticatedActor, @Param('id', new ParseUUIDPipe()) id: string, @Req() request: Request): Promise<UserView> {
    return this.services.ask(patterns.decide, { actor: actorOf(actor), requestId: id, decision: 'approve', client: clientInfoOf(request) });
  }

  @Post('requests/:id/deny')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'NOT_PENDING' })
  deny(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DenyRequestDto,
    @Req() request: Request,
  ): Promise<UserView> {
    return this.services.ask(patterns.decide, { actor: actorOf(actor), requestId: id, decision: 'deny', reason: body.reason, client: clientInfoOf(request) });
  }

  @Get('users')
  @ApiOkResponse({ description: 'Users whose name contains q (all when omitted), by name' })
  users(@CurrentActor() actor: AuthenticatedActor, @Query() query: UserSearchQuery): Promise<UserView[]> {
    return this.services.ask(patterns.listUsers, { actor: actorOf(actor), q: query.q });
  }

  @Patch('users/:id')
  @ApiConflictResponse({ description: 'LAST_ADMIN or NOT_DECIDED' })
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
    @Req() request: Request,
  ): Promise<UserView> {
    return this.services.ask(patterns.updateUser, { actor: actorOf(actor), userId: id, ...body, client: clientInfoOf(request) });
  }

  @Post('users/:id/revoke-sessions')
  @HttpCode(200)
  revokeSessions(@CurrentActor() actor: AuthenticatedActor, @Param('id', new ParseUUIDPipe()) id: string, @Req() request: Request): Promise<{ revoked: true }> {
    return this.services.ask(patterns.revokeSessions, { actor: actorOf(actor), userId: id, client: clientInfoOf(request) });
  }

  @Post('users/:id/reset-password')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A one-time reset token (default) or a temporary password that must be changed at next sign-in' })
  resetPassword(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResetPasswordDto,
    @Req() request: Request,
  ): Promise<PasswordResetIssued> {
    return this.services.ask(patterns.resetPassword, { actor: actorOf(actor), userId: id, method: body.method ?? 'token', client: clientInfoOf(request) });
  }

  @Get('audit')
  @ApiOkResponse({ description: '{items, nextCursor}: newest first; pass nextCursor as cursor for the next page' })
  audit(@CurrentActor() actor: AuthenticatedActor, @Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.services.ask(patterns.listAudit, { actor: actorOf(actor), query: { ...query, limit: query.limit ?? 50 } });
  }
}
