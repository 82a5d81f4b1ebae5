import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MessagePatterns } from '@melvin/shared/contracts';
import { Authenticated } from '../auth/guards';
import { ServiceClient } from '../services/service-client';
import { CardAutocompleteQuery, CardNamedQuery, CardSearchQuery, KnowledgeSearchQuery } from './knowledge.dto';

/** Search and lookup over the Comprehensive Rules, Scryfall cards and rulings, for signed-in users. */
@ApiTags('knowledge')
@Controller('api')
@Authenticated()
export class KnowledgeController {
  constructor(private readonly services: ServiceClient) {}

  @Get('knowledge/search')
  @ApiOkResponse({ description: '{query, results: [{kind, ref, oracleId?, text, score}]} best first' })
  search(@Query() query: KnowledgeSearchQuery) {
    return this.services.ask(MessagePatterns.knowledge.search, { query: query.q, k: query.k ?? 10, ...(query.kinds ? { kinds: query.kinds } : {}) });
  }

  @Get('knowledge/status')
  @ApiOkResponse({ description: 'The active release of each kind and what the index holds' })
  status() {
    return this.services.ask(MessagePatterns.knowledge.status, {});
  }

  @Get('cards/named')
  @ApiOkResponse({ description: '{query, card | null, candidates: [{name}]}: candidates are "did you mean" suggestions' })
  @ApiBadRequestResponse({ description: 'Neither or both of exact and fuzzy given' })
  named(@Query() query: CardNamedQuery) {
    if (!query.exact === !query.fuzzy) {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'Give exactly one of exact or fuzzy' });
    }
    const mode = query.exact ? 'exact' : 'fuzzy';
    return this.services.ask(MessagePatterns.knowledge.card, { name: query.exact ?? query.fuzzy, mode });
  }

  @Get('cards/autocomplete')
  @ApiOkResponse({ description: '{query, names}: up to 20 card names, those starting with the text first' })
  autocomplete(@Query() query: CardAutocompleteQuery) {
    return this.services.ask(MessagePatterns.knowledge.autocomplete, { text: query.q, limit: 20 });
  }

  @Get('cards/search')
  @ApiOkResponse({ description: '{query, total, cards}' })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY, with details.position and details.token pointing at the problem' })
  cardSearch(@Query() query: CardSearchQuery) {
    return this.services.ask(MessagePatterns.knowledge.cardSearch, { query: query.q, limit: query.limit ?? 50, offset: query.offset ?? 0, order: query.order ?? 'name' });
  }

  @Get('rules/:number')
  @ApiOkResponse({ description: 'The rule with its subrules, examples and the rules it cites' })
  @ApiNotFoundResponse({ description: 'RULE_NOT_FOUND' })
  rule(@Param('number') number: string) {
    return this.services.ask(MessagePatterns.knowledge.rule, { number: number.slice(0, 20) });
  }

  @Get('glossary/:term')
  @ApiOkResponse({ description: 'A glossary entry and the rules it cites' })
  @ApiNotFoundResponse({ description: 'TERM_NOT_FOUND' })
  glossary(@Param('term') term: string) {
    return this.services.ask(MessagePatterns.knowledge.glossary, { term: term.slice(0, 200) });
  }
}
