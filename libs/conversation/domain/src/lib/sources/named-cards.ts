import { normalizeCardName } from '@melvin/knowledge/domain';
import type { RetrievedSource } from './retrieved-source';

/**
 * The compared forms of a card's name: the whole name and, for cards with several faces
 * ("Budoka Gardener // Dokai, Weaver of Life"), each face, so either face finds the card.
 */
export function cardNameKeys(name: string): string[] {
  return [...new Set([name, ...name.split(/\s*\/\/\s*/)].map(normalizeCardName).filter((key) => key !== ''))];
}

/**
 * Whether a card or ruling source is about a card the question names, in plain text or as
 * [[Name]]. Whole words only, so "Opt" is not found in "option".
 */
export function isAboutNamedCard(source: RetrievedSource, question: string): boolean {
  if (source.kind !== 'card' && source.kind !== 'ruling') return false;
  const asked = ` ${normalizeCardName(question)} `;
  return cardNameKeys(source.ref).some((key) => asked.includes(` ${key} `));
}
