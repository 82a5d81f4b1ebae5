import { citationUrl, type Citation } from '@melvin/conversation/domain';
import type { StoredCitation } from '@melvin/shared/contracts';
import type { LoopFinding } from './answer-types';

export const NO_VALID_CITATION_CAVEAT =
  '\n\n> Caveat: Melvin could not match this answer to any rule, card or ruling it holds. Check it against the Comprehensive Rules before relying on it.';

export const PARTIAL_NOTE = '\n\n> The answer stopped before it was complete. Ask again to retry.';

export function storedCitation(citation: Citation): StoredCitation {
  return { kind: citation.kind, target: citation.target, label: citation.text, url: citationUrl(citation) };
}

export function clarificationText(ambiguous: Array<{ matched: string; candidates: string[] }>): string {
  const lines = ambiguous.map(({ matched, candidates }) =>
    candidates.length
      ? `- “${matched}” could be: ${candidates.slice(0, 8).join(', ')}`
      : `- “${matched}” matches no card Melvin knows.`,
  );
  return `Which card do you mean? Name it exactly (for example [[${ambiguous[0]?.candidates[0] ?? 'Card Name'}]]) and ask again.\n\n${lines.join('\n')}`;
}

/** A loop answer quotes the engine's steps, each citing the card whose text justifies it. */
export function loopAnswerText(cards: string[], loops: LoopFinding[]): string {
  const cited = cards.map((card) => `[Card: ${card}]`).join(', ');
  if (!loops.length) {
    return `Melvin's loop engine found no loop that repeats without limit among ${cited}, reading their oracle text with seven lands in play. It can miss loops that need other cards or setups; name them too if you have some in mind.`;
  }
  const sections = loops.map((loop, index) => {
    const steps = loop.steps.map((step, stepIndex) => `${stepIndex + 1}. ${step.effect} — “${step.ability}” [Card: ${step.card}]`);
    const needs = loop.requires.length ? `\nTo start: ${loop.requires.join('; ')}.` : '';
    const mandatory = loop.mandatory ? ' It is mandatory: once started, no player can stop it [CR 732.4].' : '';
    return `**Loop ${index + 1}** (${loop.cards.join(' + ')}): ${loop.outcomes.join(', ')}.${mandatory}${needs}\n${steps.join('\n')}`;
  });
  return `Yes — Melvin's loop engine found ${loops.length === 1 ? 'a loop' : `${loops.length} loops`} among ${cited}:\n\n${sections.join('\n\n')}`;
}
