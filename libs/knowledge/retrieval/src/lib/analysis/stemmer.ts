/**
 * A light suffix stripper, enough to make "attacks", "attacked" and "attacking" one term. It never
 * strips "-er" (counter/count, power/pow would collide) and only applies when a real stem is left.
 * Index and query use the same function, so a stem only has to be consistent, not a real word.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return dropFinalE(dropVerbEnding(dropPlural(word)));
}

function dropPlural(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sses|xes|ches|shes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function dropVerbEnding(word: string): string {
  if (word.endsWith('ied') && word.length > 4) return word.slice(0, -3) + 'y';
  const ending = /(?:ing|ed)$/.exec(word);
  if (!ending) return word;
  const base = word.slice(0, ending.index);
  // "bring", "need", "shed": what is left must still look like a stem.
  if (base.length < 3 || !/[aeiouy]/.test(base)) return word;
  // "tapped" → "tap", "hitting" → "hit"; l, s and z often double in the base itself ("kill", "pass").
  return /([^aeiouylsz])\1$/.test(base) ? base.slice(0, -1) : base;
}

// "sacrifice"/"sacrificed" and "exile"/"exiled" meet once the silent e is gone.
function dropFinalE(word: string): string {
  return word.length > 4 && word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
}
