/** Words that say nothing about what a question is about. */
const STOPWORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing done down during each either else even ever every ' +
    'few for from further get gets got had has have having he her here hers him his how i if in into is ' +
    'it its itself just let lets like may me might more most much must my myself no nor not now of off ' +
    'on once one only or other our ours out over own same say says she should so some such than that ' +
    'the their theirs them then there these they this those through to too under until up upon us very ' +
    'was we well were what when where whether which while who whom whose why will with would yes yet ' +
    'you your yours thing things anything something really still im ive dont doesnt cant isnt wont'
  ).split(' '),
);

/** Lower-case words and numbers of a text, apostrophes dropped ("don't" → "dont"). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A crude stem, enough to let "attacks", "attacking" and "attacked" meet "attack". Precision does
 * not matter much: both sides of every comparison go through the same function.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  const rules: Array<[RegExp, string]> = [
    [/ies$/, 'y'],
    [/(ss)$/, '$1'],
    [/ing$/, ''],
    [/ed$/, ''],
    [/es$/, 'e'],
    [/s$/, ''],
  ];
  for (const [suffix, replacement] of rules) {
    if (suffix.test(word)) return word.replace(suffix, replacement);
  }
  return word;
}

/** The stems a text is about: its words minus stopwords and one-letter words, stemmed. */
export function contentTerms(text: string): string[] {
  return words(text)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stem);
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}
