/**
 * The symbols of a printed mana cost, braces kept, in order: "{2}{W/U}{W/U}" → ["{2}", "{W/U}", "{W/U}"].
 * The faces of a multi-faced cost ("{1}{U} // {2}{B}") are read one after the other.
 */
export function parseManaCost(cost: string): string[] {
  return cost.match(/\{[^{}]+\}/g) ?? [];
}

/**
 * The mana value a cost stands for (CR 202.3): generic numbers count their amount, X counts zero,
 * a two-generic hybrid ({2/W}) counts two, the Un-sets' half symbols half, every other symbol one. Only used when a source omits it.
 */
export function manaValueOf(cost: string): number {
  return parseManaCost(cost).reduce((total, symbol) => total + symbolValue(symbol.slice(1, -1).toUpperCase()), 0);
}

function symbolValue(symbol: string): number {
  if (/^\d+(\.\d+)?$/.test(symbol)) return Number(symbol);
  if (symbol === '½' || /^H[WUBRG]$/.test(symbol)) return 0.5;
  if (/^[XYZ]$/.test(symbol)) return 0;
  return /^2\//.test(symbol) ? 2 : 1;
}
