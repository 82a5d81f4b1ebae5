import type { Trigger } from '../model/ability';
import type { Board } from './board';
import { LANDS_IN_PLAY, type GameState } from './game-state';

/**
 * The untap step of a new turn: mana empties, lands and permanents untap (but those that "don't
 * untap"), nothing is summoning sick any more, and "this turn" limits, damage and pumps wear off.
 * Draws are not modelled: a turn loop is reported as turns, never as cards drawn.
 */
export function untapForNewTurn(board: Board, state: GameState): void {
  state.pool = {};
  state.untappedLands = LANDS_IN_PLAY;
  state.combatsLeft = 1;
  state.combatStep = null;
  for (const p of state.permanents) {
    const staysTapped = board.info(p).statics.some((s) => s.effect.kind === 'doesntUntap');
    if (!staysTapped) p.tapped = false;
    p.sick = false;
    p.used = [];
    p.pump = 0;
    p.damage = 0;
    p.attacking = false;
  }
}

/** Trigger wordings of the steps of your own turn the engine walks through. */
const STEP_WORDINGS: [RegExp, string][] = [
  [/^(?:player's |its controller's |its owner's )?upkeep(?: of enchanted creature's controller)?$/, 'upkeep'],
  [/^combat(?: on your turn| step)?$/, 'combat'],
  [/^(?:player's )?end step$/, 'end step'],
];

/** Whether "at the beginning of <step>" fires at this step of your turn ("each upkeep", "combat on your turn"). */
export function stepMatches(trigger: Trigger, step: string): boolean {
  const wording = trigger.step ?? '';
  return STEP_WORDINGS.some(([pattern, name]) => name === step && pattern.test(wording));
}
