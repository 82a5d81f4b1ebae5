import type { AnswerKnowledge } from '@melvin/conversation/data-access';
import type { LiveKnowledge } from '../knowledge/live-knowledge';

/** The answer pipeline's view of the live knowledge base (always the current release). */
export function knowledgeForAnswers(knowledge: LiveKnowledge): AnswerKnowledge {
  return {
    search: (query, k, kinds) => knowledge.searchHits(query, k, kinds),
    findCardNames: (text) => knowledge.current().index.cardNames.findMentions(text).mentions.map((mention) => mention.name),
    ambiguousNames: (text) =>
      knowledge
        .current()
        .index.cardNames.findMentions(text)
        .ambiguous.map(({ matched, candidates }) => ({ matched, candidates: candidates.map((card) => card.name) })),
    ruleExists: (number) => Boolean(knowledge.current().rule(number)),
    cardExists: (name) => Boolean(knowledge.current().index.cardNames.exact(name)),
  };
}
