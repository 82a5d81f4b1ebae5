import type { Cost } from '../model/ability';
import { AMOUNT, parseAmount } from './amounts';

/** X in a cost is taken as 1, the same X its effects then use. */
const count = (word: string): number => {
  const n = parseAmount(word);
  return typeof n === 'number' ? n : 1;
};
import { parseManaCost } from './mana-cost';
import { parseObjectFilter } from './object-filter';

/** Reads one cost item; null when the item is not a cost the engine knows. */
function readCostItem(item: string): Cost[] | null {
  const text = item.trim();
  if (/^(\{[^}]+\})+$/.test(text)) {
    const costs: Cost[] = [];
    if (/\{t\}/.test(text)) costs.push({ kind: 'tap' });
    if (/\{q\}/.test(text)) costs.push({ kind: 'untap' });
    const energy = (text.match(/\{e\}/g) ?? []).length;
    if (energy) costs.push({ kind: 'energy', amount: energy });
    const mana = text.replace(/\{[tqe]\}/g, '');
    if (mana) costs.push({ kind: 'mana', mana: parseManaCost(mana) });
    return costs;
  }
  let m = text.match(new RegExp(String.raw`^sacrifice (?:${AMOUNT} )?(.+)$`));
  if (m) {
    const what = m[2];
    return [{ kind: 'sacrifice', count: count(m[1]), filter: what === '~' ? { self: true } : parseObjectFilter(what) }];
  }
  m = text.match(new RegExp(String.raw`^remove ${AMOUNT} ([+-]\d/[+-]\d|[a-z]+) counters? from (.+)$`));
  if (m) return [{ kind: 'removeCounters', counter: m[2], count: count(m[1]), filter: m[3] === '~' ? { self: true } : parseObjectFilter(m[3]) }];
  m = text.match(new RegExp(String.raw`^put ${AMOUNT} ([+-]\d/[+-]\d|[a-z]+) counters? on (.+)$`));
  if (m) return [{ kind: 'putCounters', counter: m[2], count: count(m[1]), filter: m[3] === '~' ? { self: true } : parseObjectFilter(m[3]) }];
  m = text.match(/^pay (\d+|x) life$/);
  if (m) return [{ kind: 'payLife', amount: m[1] === 'x' ? 1 : Number(m[1]) }];
  if (/^exile ~( from your graveyard)?$/.test(text)) return [{ kind: 'exile', what: 'self' }];
  if (/^exile .* from your graveyard$/.test(text)) return [{ kind: 'exile', what: 'graveyardCard' }];
  if (/^exile .* from your hand$/.test(text)) return [{ kind: 'exile', what: 'handCard' }];
  if (/^discard ~$/.test(text)) return [{ kind: 'discard', count: 1, self: true }];
  if (/^discard your hand$/.test(text)) return [{ kind: 'discard', count: 0, self: false, wholeHand: true }];
  if (/^exert ~$/.test(text)) return [{ kind: 'exert' }];
  m = text.match(new RegExp(String.raw`^discard ${AMOUNT} .*cards?$`));
  if (m) return [{ kind: 'discard', count: count(m[1]), self: false }];
  m = text.match(/^return (.+?) (?:you control )?to (?:its|their) owner'?s'? hands?$/);
  if (m) return [{ kind: 'returnToHand', filter: m[1] === '~' ? { self: true } : parseObjectFilter(m[1]) }];
  m = text.match(new RegExp(String.raw`^tap ${AMOUNT} untapped (.+)$`));
  if (m) return [{ kind: 'tapOther', count: count(m[1]), filter: parseObjectFilter(m[2]) }];
  m = text.match(/^([+-])(\d+|x)$/);
  if (m) return [{ kind: 'loyalty', change: (m[1] === '-' ? -1 : 1) * (m[2] === 'x' ? 1 : Number(m[2])) }];
  if (/^0$/.test(text)) return [{ kind: 'loyalty', change: 0 }];
  return null;
}

/** Reads "{2}, {T}, Sacrifice a creature" (normalised). Null when any part is unknown. */
export function readCosts(text: string): Cost[] | null {
  // Snow mana ({S}) needs snow sources; the board's lands are ordinary basics, so such a cost is not read as payable.
  if (/\{s\}/i.test(text)) return null;
  const items = text.split(/, | and (?=\{)/).map((item) => item.trim()).filter(Boolean);
  const costs: Cost[] = [];
  for (const item of items) {
    const read = readCostItem(item);
    if (!read) return null;
    costs.push(...read);
  }
  return costs;
}

/** True when the text before a colon plausibly is a cost (so "Choose one: ..." is not read as one). */
export function looksLikeCost(text: string): boolean {
  return /^(\{|sacrifice|remove|put|pay|exile|discard|return|tap|[+-]?\d+$|[+-]x$)/.test(text.trim());
}
