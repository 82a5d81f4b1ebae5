import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { toCardView, type CardLookup } from '@melvin/knowledge/data-access';
import { toCardRecord } from '@melvin/knowledge/domain';
import { createScryfallClient, RedisResponseCache, ScryfallAmbiguousNameError, ScryfallUnavailableError, type ScryfallClient } from '@melvin/knowledge/scryfall';
import { REDIS_CLIENT } from '@melvin/shared/persistence';
import type { ChatConfig } from '../../config/env.schema';
import { CHAT_CONFIG } from '../tokens';
import { LiveKnowledge } from './live-knowledge';

export type CardAnswer = CardLookup & { source: 'local' | 'scryfall'; notice?: string };

/**
 * Card lookup answers from Melvin's own copy first; only a name it does not know at all (no card,
 * no suggestion) is asked of Scryfall's live API, rate-limited and cached. Offline, it says so.
 */
@Injectable()
export class LiveCardLookup {
  private readonly scryfall: ScryfallClient;

  constructor(
    private readonly knowledge: LiveKnowledge,
    @Inject(REDIS_CLIENT) redis: Redis,
    @Inject(CHAT_CONFIG) config: ChatConfig,
  ) {
    this.scryfall = createScryfallClient(config, new RedisResponseCache(redis, `${config.REDIS_KEY_PREFIX}:scryfall:`));
  }

  async lookup(name: string, mode: 'exact' | 'fuzzy'): Promise<CardAnswer> {
    const local = this.knowledge.current().lookupCard(name, mode);
    if (local.card || local.candidates.length) return { ...local, source: 'local' };
    try {
      const found = await this.scryfall.named(mode === 'exact' ? { exact: name } : { fuzzy: name });
      return { ...local, card: found ? toCardView(toCardRecord(found)) : null, source: 'scryfall' };
    } catch (error) {
      if (error instanceof ScryfallUnavailableError) return { ...local, source: 'local', notice: error.message };
      if (error instanceof ScryfallAmbiguousNameError) return { ...local, source: 'scryfall', notice: 'Scryfall finds several cards by that name: be more specific' };
      throw error;
    }
  }
}
