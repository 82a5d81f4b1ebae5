import { AnswerPipeline, OllamaChatClient, type AnswerKnowledge, type LoopChecker } from '@melvin/conversation/data-access';
import type { KnowledgeBase } from '@melvin/knowledge/data-access';
import { analyseCardSet, CardPool } from '@melvin/loop/domain';

/** The answer pipeline's view of a knowledge base held in this process. */
export function localKnowledge(base: KnowledgeBase): AnswerKnowledge {
  return {
    search: async (query, k, kinds) => base.search(query, { k, kinds }),
    findCardNames: (text) => base.index.cardNames.findMentions(text).mentions.map((mention) => mention.name),
    ambiguousNames: (text) =>
      base.index.cardNames.findMentions(text).ambiguous.map(({ matched, candidates }) => ({ matched, candidates: candidates.map((card) => card.name) })),
    ruleExists: (number) => Boolean(base.rule(number)),
    cardExists: (name) => Boolean(base.index.cardNames.exact(name)),
  };
}

/** Loop questions answered by the engine in this process, over the same cards. */
export function localLoops(base: KnowledgeBase): LoopChecker {
  let pool: CardPool | null = null;
  return {
    analyse: async (names) => {
      pool ??= new CardPool(base.corpus.cards);
      try {
        return analyseCardSet(pool, names.slice(0, 10), 2_000, { analyseKnown: true });
      } catch {
        return null;
      }
    },
  };
}

/** The same pipeline chat runs; with OLLAMA_URL set it generates, else it quotes. */
export function localPipeline(base: KnowledgeBase, env: { OLLAMA_URL?: string; OLLAMA_MODEL: string; ANSWER_TOKEN_BUDGET: number }): AnswerPipeline {
  return new AnswerPipeline({
    knowledge: localKnowledge(base),
    generator: env.OLLAMA_URL ? new OllamaChatClient({ url: env.OLLAMA_URL, model: env.OLLAMA_MODEL, keepAlive: '30m' }) : undefined,
    loops: localLoops(base),
    tokenBudget: env.ANSWER_TOKEN_BUDGET,
  });
}
