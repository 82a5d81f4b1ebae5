import { words } from '../text/terms';
import { properNames } from './proper-names';

/** Longer messages carry their own context; follow-ups are quick additions like "what if it had flying?". */
const MAX_FOLLOW_UP_WORDS = 14;

/** Words that point back at something said before. */
const POINTS_BACK = /\b(?:it|its|it's|they|them|their|that|this|those|these|he|she|him|her|his|same|such|instead|either|both|former|latter|then)\b/i;

/** Openings that leave out what the earlier question already said. */
const ELLIPTIC_OPENING = /^\s*(?:and|but|or|so|also|what if|what about|how about|even if|and if|but if|does it|is it|would it|could it|why|how come|wait|ok|okay)\b/i;

/**
 * Whether a message reads as a continuation of the conversation: short, leaning on a pronoun or
 * an elliptic opening, and naming no known card of its own.
 */
export function readsAsFollowUp(text: string, cardNames: readonly string[]): boolean {
  if (cardNames.length > 0) return false;
  const count = words(text).length;
  return count > 0 && count <= MAX_FOLLOW_UP_WORDS && (POINTS_BACK.test(text) || ELLIPTIC_OPENING.test(text));
}

/**
 * Whether a message names something new in plain text ("what about Tarmogoyf?"): the earlier
 * cards are then not carried over, only the topic.
 */
export function namesSomethingNew(text: string): boolean {
  return properNames(text).some((name) => name !== 'Magic');
}
