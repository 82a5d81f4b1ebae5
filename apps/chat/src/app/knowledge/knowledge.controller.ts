import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CardQueryError } from '@melvin/knowledge/data-access';
import {
  autocompleteRequestSchema,
  cardLookupRequestSchema,
  cardSearchRequestSchema,
  glossaryLookupRequestSchema,
  knowledgeSearchRequestSchema,
  MessagePatterns,
  ruleLookupRequestSchema,
} from '@melvin/shared/contracts';
import { ServiceErrorFilter, ServiceFailure } from '@melvin/shared/runtime';
import { LiveCardLookup } from './live-card-lookup';
import { LiveKnowledge } from './live-knowledge';

/** The knowledge read side over Redis: the gateway's search, card and rules endpoints land here. */
@Controller()
@UseFilters(ServiceErrorFilter)
export class KnowledgeController {
  constructor(
    private readonly knowledge: LiveKnowledge,
    private readonly cards: LiveCardLookup,
  ) {}

  @MessagePattern(MessagePatterns.knowledge.search)
  search(@Payload() message: unknown) {
    const { data } = knowledgeSearchRequestSchema.parse(message);
    return this.knowledge.search(data.query, { k: data.k, kinds: data.kinds });
  }

  @MessagePattern(MessagePatterns.knowledge.card)
  card(@Payload() message: unknown) {
    const { data } = cardLookupRequestSchema.parse(message);
    return this.cards.lookup(data.name, data.mode);
  }

  @MessagePattern(MessagePatterns.knowledge.autocomplete)
  autocomplete(@Payload() message: unknown) {
    const { data } = autocompleteRequestSchema.parse(message);
    return { query: data.text, names: this.knowledge.current().autocomplete(data.text, data.limit) };
  }

  @MessagePattern(MessagePatterns.knowledge.cardSearch)
  cardSearch(@Payload() message: unknown) {
    const { data } = cardSearchRequestSchema.parse(message);
    try {
      return this.knowledge.current().searchCards(data.query, data);
    } catch (error) {
      if (error instanceof CardQueryError) {
        throw new ServiceFailure(400, 'INVALID_QUERY', error.message, { position: error.position, token: error.token });
      }
      throw error;
    }
  }

  @MessagePattern(MessagePatterns.knowledge.rule)
  rule(@Payload() message: unknown) {
    const { data } = ruleLookupRequestSchema.parse(message);
    const rule = this.knowledge.current().rule(data.number);
    if (!rule) throw new ServiceFailure(404, 'RULE_NOT_FOUND', `The Comprehensive Rules have no rule ${data.number}`);
    return rule;
  }

  @MessagePattern(MessagePatterns.knowledge.glossary)
  glossary(@Payload() message: unknown) {
    const { data } = glossaryLookupRequestSchema.parse(message);
    const entry = this.knowledge.current().glossary(data.term);
    if (!entry) throw new ServiceFailure(404, 'TERM_NOT_FOUND', `The glossary has no entry "${data.term}"`);
    return entry;
  }

  @MessagePattern(MessagePatterns.knowledge.status)
  status() {
    return this.knowledge.current().status();
  }
}
