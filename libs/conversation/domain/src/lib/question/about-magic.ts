import { magicVocabularyScore } from './magic-vocabulary';
import { properNames } from './proper-names';

/**
 * A question counts as Magic from this score on: one Magic-only word, a known card, a rule number,
 * or a couple of game words together. Checked against real rules questions (nearly
 * all pass) and everyday ones about cooking, weather, code and sports (all refused).
 */
export const ABOUT_MAGIC_THRESHOLD = 2;

/** What Melvin says instead of answering a question that is not about Magic. */
export const OFF_TOPIC_REFUSAL =
  "Sorry, I can only help with Magic: The Gathering: rules, cards, rulings and how they interact. " +
  'If your question is about Magic, naming the cards in [[double brackets]] or the rule number helps me see it.';

export interface MagicEvidence {
  /** Names the user wrote as [[Name]]: marked as cards by the user, so they count in full. */
  bracketNames: readonly string[];
  /** Card names a finder recognised in plain text. */
  foundCardNames: readonly string[];
  ruleNumbers: readonly string[];
}

/**
 * Evidence that a text is about Magic: its Magic vocabulary plus the strongest name evidence.
 * A rule number, a [[bracketed]] card or a recognised card name of several words says so
 * outright. A one-word card name ("Python" is a card too) or a capitalised name of something
 * unknown is a hint worth one game word: "Does Lightning Bolt kill Tarmogoyf?" passes with "kill",
 * "Did the Lakers beat the Celtics?" does not. "Magic" written as a name inside a sentence is
 * the game.
 */
export function aboutMagicScore(text: string, { bracketNames, foundCardNames, ruleNumbers }: MagicEvidence): number {
  const names = properNames(text);
  const ruled = ruleNumbers.length > 0 ? 3 : 0;
  const game = names.includes('Magic') ? 1.5 : 0;
  return magicVocabularyScore(text) + ruled + game + nameEvidence(names, bracketNames, foundCardNames);
}

function nameEvidence(names: readonly string[], bracketNames: readonly string[], foundCardNames: readonly string[]): number {
  if (bracketNames.length > 0 || foundCardNames.some((name) => /\S\s+\S/.test(name.trim()))) return 3;
  return foundCardNames.length > 0 || names.some((name) => name !== 'Magic') ? 1 : 0;
}
