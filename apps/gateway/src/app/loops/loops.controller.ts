import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MessagePatterns, type AnalysisSummary, type AnalysisView, type DeckAnalysisAccepted } from '@melvin/shared/contracts';
import { actorOf, CurrentActor, type AuthenticatedActor } from '../auth/authenticated-actor';
import { Authenticated } from '../auth/guards';
import { ServiceClient } from '../services/service-client';
import { AnalyseCardsDto, AnalyseDeckDto, ExportQuery, ListAnalysesQuery } from './loops.dto';

/** Loop analysis: card sets at once, decks as jobs; each user sees only their own analyses. */
@ApiTags('loops')
@Controller('api/loops')
@Authenticated()
export class LoopsController {
  constructor(private readonly services: ServiceClient) {}

  @Post('analyses')
  @ApiCreatedResponse({ description: 'The stored analysis: its report lists every loop with steps, outcomes and requirements' })
  @ApiNotFoundResponse({ description: 'UNKNOWN_CARDS, with fuzzy suggestions in details.unknown_cards' })
  analyseCards(@CurrentActor() actor: AuthenticatedActor, @Body() body: AnalyseCardsDto): Promise<AnalysisView> {
    // A 10-card set gets the engine's whole budget; allow for it on top of the usual timeout.
    return this.services.ask<object, AnalysisView>(MessagePatterns.loops.analyseCards, { actor: actorOf(actor), cards: body.cards }, 15_000);
  }

  @Post('decks')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Queued: poll statusUrl (status, progress 0–100, then the report)' })
  async analyseDeck(@CurrentActor() actor: AuthenticatedActor, @Body() body: AnalyseDeckDto): Promise<DeckAnalysisAccepted> {
    const analysis = await this.services.ask<object, AnalysisView>(MessagePatterns.loops.startDeck, {
      actor: actorOf(actor),
      decklist: body.decklist,
      ...(body.title ? { title: body.title } : {}),
      oneCardAway: body.oneCardAway ?? true,
    });
    return { id: analysis.id, status: analysis.status, statusUrl: `/api/loops/analyses/${analysis.id}` };
  }

  @Get('analyses')
  @ApiOkResponse({ description: 'Your analyses, newest first' })
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: ListAnalysesQuery): Promise<AnalysisSummary[]> {
    return this.services.ask<object, AnalysisSummary[]>(MessagePatterns.loops.list, { actor: actorOf(actor), limit: query.limit ?? 20, ...(query.before ? { before: query.before } : {}) });
  }

  @Get('analyses/:id')
  @ApiOkResponse({ description: 'One analysis: status, progress, report and loop graph' })
  @ApiNotFoundResponse({ description: 'ANALYSIS_NOT_FOUND (also for analyses of other users)' })
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string): Promise<AnalysisView> {
    return this.services.ask<object, AnalysisView>(MessagePatterns.loops.get, { actor: actorOf(actor), id });
  }

  @Get('analyses/:id/export')
  @ApiOkResponse({ description: 'The analysis as JSON, or its loops as a Mermaid flowchart or a Graphviz DOT graph' })
  async export(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Query() query: ExportQuery, @Res() response: Response) {
    const format = query.format ?? 'json';
    const exported = await this.services.ask<object, { contentType: string; body: string }>(MessagePatterns.loops.export, { actor: actorOf(actor), id, format });
    const extension = { json: 'json', mermaid: 'mmd', dot: 'dot' }[format];
    response
      .status(200)
      .type(exported.contentType)
      .setHeader('Content-Disposition', `attachment; filename="melvin-loops-${id}.${extension}"`)
      .send(exported.body);
  }
}
