/** The half-open range `[from, to)` of a sorted string array whose items start with `prefix`. */
export function sortedPrefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(sorted, prefix);
  // Every string starting with the prefix sorts before the prefix followed by the highest code unit.
  const to = lowerBound(sorted, prefix + '\uffff', from);
  return [from, to];
}

function lowerBound(sorted: readonly string[], value: string, from = 0): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
