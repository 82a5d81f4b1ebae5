/** Words that only link the others in a name ("of", "the"): players drop them, and they identify nothing. */
export const LINKING_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with',
]);
