import type { ManaCost, ManaSymbol } from '../model/ability';

const SYMBOLS: Record<string, ManaSymbol> = { w: 'W', u: 'U', b: 'B', r: 'R', g: 'G', c: 'C' };

/** Reads "{2}{W}{W}" (any case). Hybrid and Phyrexian symbols count as one pip of their first colour; X counts 1. */
export function parseManaCost(text: string): ManaCost {
  const cost: ManaCost = { generic: 0, pips: {}, x: false };
  for (const match of text.toLowerCase().matchAll(/\{([^}]+)\}/g)) {
    const symbol = match[1];
    if (/^\d+$/.test(symbol)) cost.generic += Number(symbol);
    else if (symbol === 'x') {
      // X is paid as 1: the engine plays every X ability at its smallest useful size.
      cost.x = true;
      cost.generic += 1;
    }
    else {
      const colour = SYMBOLS[symbol[0]];
      if (colour) cost.pips[colour] = (cost.pips[colour] ?? 0) + 1;
      else if (/^\d/.test(symbol)) cost.generic += Number.parseInt(symbol, 10);
    }
  }
  return cost;
}

export function manaCostTotal(cost: ManaCost): number {
  return cost.generic + Object.values(cost.pips).reduce((sum, n) => sum + (n ?? 0), 0);
}

export function isManaSymbolRun(text: string): boolean {
  return /^(\{[^}]+\})+$/.test(text.trim());
}
