import type { Outcome } from '../model/loop';
import type { Board } from './board';

const TALLY_OUTCOMES: Record<string, Outcome[]> = {
  damage: ['infinite-damage'],
  opponentLifeLost: ['infinite-lifeloss'],
  lifeGained: ['infinite-lifegain'],
  life: ['infinite-lifegain'],
  drawn: ['infinite-draw'],
  milled: ['infinite-mill'],
  tokens: ['infinite-tokens'],
  enters: ['infinite-etb'],
  leaves: ['infinite-ltb'],
  dies: ['infinite-death'],
  sacrificed: ['infinite-sacrifice'],
  cast: ['infinite-cast'],
  copies: ['infinite-copy'],
  untaps: ['infinite-untap'],
  counters: ['infinite-counters'],
  power: ['infinite-power'],
  combats: ['infinite-combat'],
  turns: ['infinite-turns'],
  'extra turns': ['infinite-turns'],
  'combats left': ['infinite-combat'],
};

/** Names what grows without bound, and which colours of mana. */
export function outcomesOf(board: Board, grown: Map<string, number>): { outcomes: Outcome[]; manaColors: string[] } {
  const outcomes = new Set<Outcome>();
  const colours = new Set<string>();
  const anyColour = board.colours.filter((c) => c !== 'C');
  for (const key of grown.keys()) {
    for (const outcome of TALLY_OUTCOMES[key] ?? []) outcomes.add(outcome);
    if (key.startsWith('mana ') || key === 'untapped lands') {
      outcomes.add('infinite-mana');
      const symbol = key === 'untapped lands' ? '*' : key.slice(5).split('|')[0];
      for (const c of symbol === '*' ? (anyColour.length ? anyColour : ['C']) : [symbol]) colours.add(c);
    }
    if (key.startsWith('tokens ')) {
      outcomes.add('infinite-tokens');
      const card = board.cards[Number.parseInt(key.slice(7), 10)];
      const hasty = /^\d+t(?!T)[^|]*\|[^|]*haste/.test(key.slice(7)) || card?.keywords.has('haste');
      if (card?.types.has('creature') && hasty) outcomes.add('infinite-combat');
    }
    if (key.startsWith('counters ')) {
      outcomes.add('infinite-counters');
      if (key.startsWith('counters +1/+1')) outcomes.add('infinite-power');
    }
    if (key.startsWith('power ')) outcomes.add('infinite-power');
  }
  const order = ['W', 'U', 'B', 'R', 'G', 'C'];
  return { outcomes: [...outcomes].sort(), manaColors: [...colours].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
}

/** Readable names for the per-iteration figures. */
export function netPerIteration(board: Board, grown: Map<string, number>): Record<string, number> {
  const net: Record<string, number> = {};
  const add = (key: string, value: number) => (net[key] = (net[key] ?? 0) + value);
  for (const [key, value] of grown) {
    if (key.startsWith('tokens ')) add(`tokens (${board.cards[Number.parseInt(key.slice(7), 10)]?.name ?? 'token'})`, value);
    else if (key.startsWith('counters ')) add(`${key.split(' ')[1]} counters`, value);
    else if (key.startsWith('power ')) add('power', value);
    else if (key.startsWith('damage ')) continue;
    else add(key, value);
  }
  return net;
}
