/** Which letters a word uses, one bit each: a cheap test that rules most words out before any distance is computed. */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    mask |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return mask;
}

/** Each edit adds or removes at most two letters from the set a word uses. */
export function mayBeWithin(maskA: number, maskB: number, maxTypos: number): boolean {
  let differing = maskA ^ maskB;
  let count = 0;
  while (differing) {
    differing &= differing - 1;
    if (++count > 2 * maxTypos) return false;
  }
  return true;
}

// Rows reused between calls: the distance runs thousands of times per lookup.
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment), because "lightnign" is one slip of the fingers, not two. Returns `max + 1` as soon
 * as the distance is known to exceed `max`, so scanning a vocabulary stays cheap.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(2 * (b.length + 1)));
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      let best = previous[j - 1] + (charA === charB ? 0 : 1);
      if (previous[j] + 1 < best) best = previous[j] + 1;
      if (current[j - 1] + 1 < best) best = current[j - 1] + 1;
      const swapped = i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB;
      if (swapped && beforePrevious[j - 2] + 1 < best) best = beforePrevious[j - 2] + 1;
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length], max + 1);
}
