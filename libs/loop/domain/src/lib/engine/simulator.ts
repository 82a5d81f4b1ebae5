import type { Amount, Cost, Effect, ManaCost, ObjectFilter, PlayerRef, Target, Trigger } from '../model/ability';
import { parseManaCost } from '../parser/mana-cost';
import { COLOUR_LETTERS } from '../parser/object-filter';
import type { Board, HeldAbility } from './board';
import { clonePermanent, cloneState, OPPONENT_LIBRARY_SIZE, type EventInfo, type GameState, type Permanent, type StackItem } from './game-state';
import { addMana, doublePool, manaMade, payMana, type ManaPurpose } from './mana';
import { stepMatches, untapForNewTurn } from './turn-structure';

/** One thing that happened, as the explanation tells it. */
export interface Step {
  kind: 'activate' | 'cast' | 'resolve' | 'seed';
  card: string;
  /** Exact oracle text that allows it. */
  ability: string;
  effect: string;
  /** A player chose to do this (so a loop through it is optional). */
  choice: boolean;
  /** Catalogue indices of the cards this step relies on. */
  cards: number[];
  seed?: string;
}

export interface Move {
  state: GameState;
  step: Step;
}

/** A move being built: the state is private to it and is mutated freely. */
export interface MoveContext {
  state: GameState;
  notes: string[];
  cards: Set<number>;
  events: EventInfo[];
  choice: boolean;
  created: number[];
  /** Objects an effect of the item resolving chose, for later "that permanent". */
  chosen: number[];
}

/** Marks a creature that a delayed trigger returns when it dies this turn; kept with the keywords it gained. */
const RETURNS_WHEN_IT_DIES = 'returns when it dies';

const MAX_STACK = 10;
const MAX_PERMANENTS = 24;

function fork(ctx: MoveContext): MoveContext {
  return { state: cloneState(ctx.state), notes: [...ctx.notes], cards: new Set(ctx.cards), events: [...ctx.events], choice: ctx.choice, created: [...ctx.created], chosen: [...ctx.chosen] };
}

function start(state: GameState): MoveContext {
  return { state: cloneState(state), notes: [], cards: new Set(), events: [], choice: false, created: [], chosen: [] };
}

function find(state: GameState, id: number | undefined): Permanent | undefined {
  return id === undefined ? undefined : state.permanents.find((p) => p.id === id);
}

/** What a token copy's "except" changes: an extra type, or no longer legendary. */
function copyExceptions(text: string): string[] {
  const lower = text.toLowerCase();
  return [...(lower.includes("it's an artifact in addition") ? ['artifact'] : []), ...(/isn't legendary/.test(lower) ? ['nonlegendary'] : [])];
}

/** "x dies, x dies, x dies" reads as "x dies (×3)". */
function collapseRepeats(notes: string[]): string[] {
  const out: { note: string; times: number }[] = [];
  for (const note of notes) {
    const last = out[out.length - 1];
    if (last?.note === note) last.times += 1;
    else out.push({ note, times: 1 });
  }
  return out.map(({ note, times }) => (times > 1 ? `${note} (×${times})` : note));
}

/** Plays abstract Magic over a Board: which moves a state allows, and what each does. */
export class Simulator {
  /** Whether any card reacts to combat: attack or combat triggers, damage triggers, additional combats. */
  private readonly combatMatters: boolean;
  /** Whether any card untaps lands, so tapping one for mana ahead of a payment can matter. */
  private readonly untapsLands: boolean;

  constructor(readonly board: Board) {
    this.combatMatters = board.cards.some(
      (info) =>
        info.triggered.some((t) => t.trigger.event === 'attacks' || t.trigger.event === 'dealsDamage' || (t.trigger.event === 'beginningOfStep' && stepMatches(t.trigger, 'combat'))) ||
        [...info.activated, ...info.triggered].some((a) => a.effects.some((e) => e.kind === 'extraCombat' || ('target' in e && e.target.kind !== 'self' && 'filter' in e.target && Boolean(e.target.filter.attacking)))) ||
        info.statics.some((s) => s.effect.kind === 'grant' && s.effect.abilities.some((a) => a.kind === 'triggered' && a.trigger.event === 'attacks')),
    );
    this.untapsLands = board.cards.some((info) =>
      [...info.activated, ...info.triggered].some((a) => a.effects.some((e) => e.kind === 'untap' && (e.target.kind === 'all' || e.target.kind === 'chosen') && board.reachesLands(e.target.filter))),
    );
  }

  /** Lands are tapped for mana as costs are paid; tapping one early only matters when something untaps it again. */
  private tapLandForMana(state: GameState): Move[] {
    if (!this.untapsLands || state.untappedLands <= 0) return [];
    const ctx = start(state);
    ctx.state.untappedLands -= 1;
    addMana(ctx.state, this.board.colours.length === 1 ? this.board.colours[0] : '*', 1);
    ctx.notes.push('tap a land for mana');
    return [this.finish(ctx, { kind: 'activate', card: '', ability: '', choice: true })];
  }

  moves(state: GameState): Move[] {
    if (state.stack.length > MAX_STACK || state.permanents.length > MAX_PERMANENTS) return [];
    if (state.stack.length) return [...this.resolveTop(state), ...this.activations(state, true)];
    if (state.combatStep) return [...this.combatSteps(state), ...this.activations(state, false), ...this.tapLandForMana(state)];
    return [...this.activations(state, false), ...this.casts(state), ...this.seeds(state), ...this.extraTurn(state), ...this.combatSteps(state), ...this.tapLandForMana(state)];
  }

  /** Combat, walked only when something on the board cares: begin (combat triggers), declare attackers, deal damage. */
  private combatSteps(state: GameState): Move[] {
    const attackers = state.permanents.filter((p) => this.canAttack(state, p));
    if (state.combatStep === null) {
      if (state.combatsLeft <= 0 || !attackers.length || !this.combatMatters) return [];
      const ctx = start(state);
      ctx.state.combatsLeft -= 1;
      ctx.state.combatStep = 'beginning';
      ctx.state.tallies.combats += 1;
      ctx.notes.push('go to combat');
      ctx.events.push({ event: 'beginningOfStep', amount: 1, step: 'combat' });
      return [this.finish(ctx, { kind: 'resolve', card: '', ability: '', choice: true })];
    }
    const ctx = start(state);
    if (state.combatStep === 'beginning') {
      ctx.state.combatStep = 'attackers';
      for (const attacker of attackers) this.attack(ctx, find(ctx.state, attacker.id) as Permanent);
      return [this.finish(ctx, { kind: 'resolve', card: '', ability: '', choice: true })];
    }
    ctx.state.combatStep = null;
    for (const p of ctx.state.permanents.filter((q) => q.attacking)) {
      p.attacking = false;
      this.dealDamage(ctx, p, this.board.power(ctx.state, p), null, true);
    }
    return [this.finish(ctx, { kind: 'resolve', card: '', ability: '', choice: false })];
  }

  private canAttack(state: GameState, p: Permanent): boolean {
    if (!this.board.isCreature(p) || p.tapped || p.attacking) return false;
    const keywords = this.board.keywords(state, p);
    // Only extra turns are counted, so once one has been taken every later turn is an extra one.
    const inExtraTurn = state.tallies.turns > 0;
    if (inExtraTurn && this.board.info(p).statics.some((s) => s.effect.kind === 'noAttackInExtraTurns')) return false;
    return !keywords.has('defender') && (!p.sick || keywords.has('haste'));
  }

  private attack(ctx: MoveContext, p: Permanent): void {
    p.attacking = true;
    if (!this.board.has(ctx.state, p, 'vigilance')) p.tapped = true;
    ctx.cards.add(p.card);
    ctx.notes.push(`${this.name(p)} attacks`);
    ctx.events.push({ event: 'attacks', object: clonePermanent(p), amount: 1 });
  }

  /** With an extra turn banked and nothing on the stack, the turn can pass: untap, then upkeep triggers. */
  private extraTurn(state: GameState): Move[] {
    if (state.extraTurns <= 0) return [];
    const ctx = start(state);
    ctx.state.extraTurns -= 1;
    ctx.state.tallies.turns += 1;
    this.beginTurn(ctx);
    return [this.finish(ctx, { kind: 'resolve', card: '', ability: '', choice: true })];
  }

  /** The turn ends (end step triggers), and a new one begins: untap, then upkeep. */
  private beginTurn(ctx: MoveContext): void {
    ctx.events.push({ event: 'beginningOfStep', amount: 1, step: 'end step' });
    untapForNewTurn(this.board, ctx.state);
    ctx.notes.push('end the turn; a new turn: untap everything, then upkeep');
    ctx.events.push({ event: 'beginningOfStep', amount: 1, step: 'upkeep' });
    this.drawStep(ctx);
  }

  /** Draws are not modelled, except that a card known to be on top of the library comes to hand. */
  private drawStep(ctx: MoveContext): void {
    const top = ctx.state.libraryTop ?? [];
    if (!top.length) return;
    const card = top[top.length - 1];
    ctx.state.libraryTop = top.slice(0, -1);
    ctx.state.hand.push(card);
    ctx.notes.push(`draw ${this.board.cards[card].name}`);
  }

  /** Something acts at the end of this turn or the start of the next, so reaching the next turn once may start a loop. */
  private listensToTurnChange(state: GameState): boolean {
    const turnStep = (trigger: Trigger) => trigger.event === 'beginningOfStep' && (stepMatches(trigger, 'upkeep') || stepMatches(trigger, 'end step'));
    return state.permanents.some((p) => this.board.triggered(state, p).some((h) => turnStep(h.ability.trigger)));
  }

  // ---- moves -------------------------------------------------------------------------------

  private distinct(state: GameState, items: Permanent[]): Permanent[] {
    const seen = new Set<string>();
    return items.filter((p) => {
      const key = this.board.descriptor(p, state);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private activations(state: GameState, manaOnly: boolean): Move[] {
    const moves: Move[] = [];
    for (const p of this.distinct(state, state.permanents)) {
      for (const held of this.board.activated(state, p)) {
        const a = held.ability;
        if (!a.effects.length && !a.modes?.length) continue;
        if (manaOnly && !a.isManaAbility) continue;
        if (state.combatStep && a.sorcerySpeed) continue;
        // Imprinting again onto an object that already holds a card achieves nothing.
        if (p.imprinted !== null && a.effects.every((e) => e.kind === 'imprint')) continue;
        if (this.grantsOnlyHeldKeywords(state, p, a.effects) && !a.modes?.length) continue;
        const limitKey = a.loyalty ? 'loyalty' : held.key;
        if (a.oncePerTurn && p.used.includes(limitKey)) continue;
        if (!this.tapCostsPayable(state, p, a.costs)) continue;
        for (const paid of this.payCosts(start(state), p.id, a.costs, held.textCard, false, a.isManaAbility)) {
          const self = find(paid.state, p.id);
          if (self && a.oncePerTurn) self.used = [...self.used, limitKey];
          paid.cards.add(p.card).add(held.textCard);
          const item: StackItem = {
            kind: 'ability', source: clonePermanent(self ?? p), card: p.card, textCard: held.textCard, text: a.text,
            effects: a.effects, modes: a.modes, isCopy: false,
          };
          const results: MoveContext[] = [];
          if (a.isManaAbility) {
            results.push(...this.resolveManaAbility(paid, item, a.costs.some((c) => c.kind === 'tap'), self ?? p));
          } else {
            paid.state.stack.push(item);
            paid.events.push({ event: 'activate', amount: 1, item, object: clonePermanent(self ?? p) });
            paid.notes.push('activate it, paying its cost');
            results.push(paid);
          }
          for (const r of results) {
            moves.push(this.finish(r, { kind: 'activate', card: this.board.cards[held.textCard].name, ability: a.text, choice: true }));
          }
        }
      }
    }
    return moves;
  }

  /** {T} and {Q} costs checked before the state is copied: most abilities on a busy board fail here. */
  private tapCostsPayable(state: GameState, p: Permanent, costs: Cost[]): boolean {
    return costs.every((cost) => {
      if (cost.kind === 'untap') return p.tapped;
      if (cost.kind !== 'tap') return true;
      return !p.tapped && !(p.sick && this.board.isCreature(p) && !this.board.has(state, p, 'haste'));
    });
  }

  /** "~ gains first strike until end of turn" while it has first strike changes nothing: not a move worth searching. */
  private grantsOnlyHeldKeywords(state: GameState, p: Permanent, effects: Effect[]): boolean {
    return effects.every((e) => e.kind === 'grantKeyword' && e.target.kind === 'self' && this.board.has(state, p, e.keyword));
  }

  private casts(state: GameState): Move[] {
    const moves: Move[] = [];
    for (const card of new Set(state.hand)) {
      const info = this.board.cards[card];
      // A land is played, not cast, once a turn: replaying one never repeats without limit.
      if (info.types.has('land')) continue;
      const effects = info.spellEffects.flatMap((a) => ('effects' in a ? a.effects : []));
      const modes = info.spellEffects.flatMap((a) => ('modes' in a && a.modes ? a.modes : []));
      if (!info.permanent && !effects.length && !modes.length) continue;
      const ctx = start(state);
      const cost = this.reducedSpellCost(ctx, parseManaCost(info.manaCost), info.types);
      if (!this.payManaCost(ctx, cost, { ability: false, types: info.types })) continue;
      ctx.state.hand.splice(ctx.state.hand.indexOf(card), 1);
      const text = info.spellEffects.map((a) => a.text).join('\n') || info.name;
      const item: StackItem = {
        kind: 'spell', source: this.phantom(card), card, textCard: card, text, effects: info.permanent ? [] : effects,
        modes: info.permanent || !modes.length ? undefined : modes, isCopy: false, spellCard: card,
      };
      this.castSpell(ctx, item);
      ctx.cards.add(card);
      ctx.notes.push(`cast ${info.name}`);
      moves.push(this.finish(ctx, { kind: 'cast', card: info.name, ability: text, choice: true }));
    }
    return moves;
  }

  /** Outside help a loop may need once to start: the first life gain, the first life loss. */
  private seeds(state: GameState): Move[] {
    const listens = (event: Trigger['event']) =>
      state.permanents.some((p) => this.board.triggered(state, p).some((h) => h.ability.trigger.event === event)) ||
      (state.turnTriggers ?? []).some((t) => t.ability.trigger.event === event);
    const moves: Move[] = [];
    const offer = (name: string, apply: (ctx: MoveContext) => void) => {
      if (state.seeds.includes(name)) return;
      const ctx = start(state);
      ctx.state.seeds.push(name);
      apply(ctx);
      moves.push(this.finish(ctx, { kind: 'seed', card: '', ability: '', choice: true, seed: name }));
    };
    if (listens('gainLife')) offer('an initial life gain', (ctx) => this.gainLife(ctx, 1));
    if (listens('loseLife')) offer('an initial life loss by an opponent', (ctx) => this.opponentLoses(ctx, 1));
    // A turn's draw step, or any cantrip, is the first draw a draw trigger needs.
    if (listens('draw')) offer('an initial card draw', (ctx) => this.drawCards(ctx, 1));
    if (this.listensToTurnChange(state)) offer('your next turn', (ctx) => this.beginTurn(ctx));
    for (const creature of this.damageListened(state)) {
      offer(`an initial damage to ${this.name(creature)}`, (ctx) => this.damagePermanent(ctx, find(ctx.state, creature.id) as Permanent, 1));
    }
    return moves;
  }

  /** Creatures something reacts to being dealt damage ("whenever ~ is dealt damage"): a first damage may start a loop. */
  private damageListened(state: GameState): Permanent[] {
    const creatures = this.distinct(state, state.permanents.filter((p) => this.board.isCreature(p)));
    return creatures.filter((creature) => {
      const event: EventInfo = { event: 'dealtDamage', object: creature, amount: 1 };
      return state.permanents.some((listener) => this.board.triggered(state, listener).some((h) => this.triggerMatches(h.ability.trigger, listener, event)));
    });
  }

  private resolveTop(state: GameState): Move[] {
    const ctx = start(state);
    const item = ctx.state.stack.pop() as StackItem;
    ctx.cards.add(item.textCard).add(item.card);
    let branches: MoveContext[] = [ctx];
    if (item.optionalCost) {
      const declined = fork(ctx);
      declined.notes.push('declined');
      declined.choice = true;
      const paid = this.payCosts(fork(ctx), item.source.id, item.optionalCost, item.textCard, true);
      for (const p of paid) p.choice = true;
      branches = [declined, ...paid];
    }
    const results: MoveContext[] = [];
    for (const branch of branches) {
      if (branch.notes.includes('declined')) {
        results.push(branch);
        continue;
      }
      const modes = item.modes?.length ? item.modes : [item.effects];
      for (const effects of modes) {
        const c = modes.length > 1 ? fork(branch) : branch;
        if (modes.length > 1) c.choice = true;
        results.push(...this.applyEffects(c, item, effects, 0));
      }
    }
    for (const r of results) if (item.spellCard !== undefined && !item.isCopy) this.spellLeavesStack(r, item.spellCard);
    const info = this.board.cards[item.textCard];
    return results.map((r) => this.finish(r, { kind: 'resolve', card: info.name, ability: item.text, choice: r.choice || item.kind !== 'trigger' }));
  }

  private spellLeavesStack(ctx: MoveContext, card: number): void {
    const info = this.board.cards[card];
    if (info.permanent) this.enter(ctx, card, { token: false });
    else ctx.state.graveyard.push(card);
  }

  private phantom(card: number): Permanent {
    return { id: -1, card, token: false, tapped: false, sick: false, counters: {}, damage: 0, attachedTo: null, gained: [], extraTypes: [], pump: 0, used: [], imprinted: null, pairedWith: null, attacking: false };
  }

  private castSpell(ctx: MoveContext, item: StackItem): void {
    ctx.state.stack.push(item);
    ctx.state.tallies.cast += 1;
    ctx.events.push({ event: 'cast', amount: 1, item, spellCard: item.card });
  }

  private applyAll(ctx: MoveContext, item: StackItem): MoveContext[] {
    const modes = item.modes?.length ? item.modes : [item.effects];
    return modes.flatMap((effects) => this.applyEffects(modes.length > 1 ? fork(ctx) : ctx, item, effects, 0));
  }

  // ---- costs -------------------------------------------------------------------------------

  private reducedActivationCost(ctx: MoveContext, p: Permanent, cost: ManaCost, manaAbility: boolean): ManaCost {
    let reduction = 0;
    let floor = 0;
    for (const s of this.board.statics(ctx.state)) {
      if (s.effect.kind !== 'costReduction' || s.effect.appliesTo !== 'activated') continue;
      if (s.effect.nonManaOnly && manaAbility) continue;
      if (!this.board.covers(ctx.state, s.holder, s.effect.filter, p)) continue;
      reduction += s.effect.amount;
      floor = Math.max(floor, s.effect.floor);
      ctx.cards.add(s.holder.card);
    }
    return this.reduce(cost, reduction, floor);
  }

  private reducedSpellCost(ctx: MoveContext, cost: ManaCost, types: Set<string>): ManaCost {
    let reduction = 0;
    for (const s of this.board.statics(ctx.state)) {
      if (s.effect.kind !== 'costReduction' || s.effect.appliesTo !== 'spells') continue;
      const to = s.effect.filter;
      const wanted = to.kind === 'all' ? (to.filter.types ?? []) : [];
      if (wanted.length && !wanted.some((t) => types.has(t))) continue;
      reduction += s.effect.amount;
    }
    return this.reduce(cost, reduction, 0);
  }

  /** Generic mana goes down by the reduction, but never under the floor ("less than one mana"). */
  private reduce(cost: ManaCost, reduction: number, floor: number): ManaCost {
    if (!reduction) return cost;
    const pips = Object.values(cost.pips).reduce((sum, n) => sum + (n ?? 0), 0);
    const total = cost.generic + pips;
    const generic = Math.max(0, cost.generic - reduction);
    const lifted = total > 0 ? Math.max(generic, floor - pips) : generic;
    return { ...cost, generic: lifted };
  }

  /** Pays mana from the pool and the lands; a card that makes each land give more is credited only when lands were tapped. */
  private payManaCost(ctx: MoveContext, cost: ManaCost, purpose: ManaPurpose): boolean {
    const { perLand, cards } = this.landYield(ctx.state);
    const lands = ctx.state.untappedLands;
    const anyColour = this.board.statics(ctx.state).find((s) => s.effect.kind === 'spendAsAnyColour');
    if (anyColour && Object.keys(cost.pips).length) ctx.cards.add(anyColour.holder.card);
    if (!payMana(ctx.state, cost, { ...purpose, anyColour: Boolean(anyColour) }, this.board.colours, perLand)) return false;
    if (ctx.state.untappedLands < lands) for (const card of cards) ctx.cards.add(card);
    return true;
  }

  /**
   * Mana one counted basic land makes when tapped: its own mana times the multipliers (Mana Reflection),
   * plus "whenever you tap a land for mana, add one mana" triggers, whose mana is the trigger's, not multiplied.
   */
  private landYield(state: GameState): { perLand: number; cards: number[] } {
    let factor = 1;
    let bonus = 0;
    const cards: number[] = [];
    for (const s of this.board.statics(state)) {
      if (s.effect.kind !== 'manaMultiplier') continue;
      factor *= s.effect.factor;
      cards.push(s.holder.card);
    }
    for (const p of state.permanents) {
      for (const { ability, textCard } of this.board.triggered(state, p)) {
        const subject = ability.trigger.subject;
        if (ability.trigger.event !== 'tappedForMana' || !subject || !this.board.everyLandMatches(subject)) continue;
        const extra = ability.effects.reduce((sum, e) => sum + (e.kind === 'addMana' && typeof e.amount === 'number' ? e.amount : 0), 0);
        if (!extra) continue;
        bonus += extra;
        cards.push(textCard);
      }
    }
    return { perLand: factor + bonus, cards };
  }

  /** Multipliers on a permanent tapped for mana ("it produces three times as much of that mana instead"). */
  private manaFactor(ctx: MoveContext): number {
    let factor = 1;
    for (const s of this.board.statics(ctx.state)) {
      if (s.effect.kind !== 'manaMultiplier') continue;
      factor *= s.effect.factor;
      ctx.cards.add(s.holder.card);
    }
    return factor;
  }

  /**
   * A mana ability resolves at once. A tap for mana makes as much as the multipliers say, and tells
   * "whenever you tap ... for mana" triggers which type of mana it made.
   */
  private resolveManaAbility(ctx: MoveContext, item: StackItem, tapped: boolean, source: Permanent): MoveContext[] {
    if (tapped) item.manaFactor = this.manaFactor(ctx);
    const before = { ...ctx.state.pool };
    const results = this.applyAll(ctx, item);
    if (tapped) for (const r of results) r.events.push({ event: 'tappedForMana', object: clonePermanent(source), amount: 1, mana: manaMade(before, r.state.pool) });
    return results;
  }

  /** Pays costs in order; several results when a cost lets the player choose (what to sacrifice). */
  private payCosts(ctx: MoveContext, sourceId: number, costs: Cost[], textCard: number, optional = false, manaAbility = false): MoveContext[] {
    let branches: MoveContext[] = [ctx];
    for (const cost of costs) {
      branches = branches.flatMap((b) => this.payCost(b, sourceId, cost, textCard, optional, manaAbility));
      if (!branches.length) return [];
    }
    return branches;
  }

  private payCost(ctx: MoveContext, sourceId: number, cost: Cost, textCard: number, optional: boolean, manaAbility = false): MoveContext[] {
    const state = ctx.state;
    const self = find(state, sourceId);
    switch (cost.kind) {
      case 'mana': {
        const mana = self && !optional ? this.reducedActivationCost(ctx, self, cost.mana, manaAbility) : cost.mana;
        return this.payManaCost(ctx, mana, { ability: true, types: self ? this.board.types(self) : new Set() }) ? [ctx] : [];
      }
      case 'tap': {
        if (!self || self.tapped) return [];
        if (self.sick && this.board.isCreature(self) && !this.board.has(state, self, 'haste')) return [];
        self.tapped = true;
        ctx.events.push({ event: 'becomesTapped', object: clonePermanent(self), amount: 1 });
        return [ctx];
      }
      case 'untap': {
        if (!self || !self.tapped) return [];
        self.tapped = false;
        return [ctx];
      }
      case 'loyalty': {
        if (!self) return [];
        const loyalty = (self.counters['loyalty'] ?? 0) + cost.change;
        if (loyalty < 0) return [];
        self.counters['loyalty'] = loyalty;
        return [ctx];
      }
      case 'removeCounters': {
        const enough = (p: Permanent) => (p.counters[cost.counter] ?? 0) >= cost.count;
        if (cost.filter.self) {
          if (!self || !enough(self)) return [];
          self.counters[cost.counter] -= cost.count;
          return [ctx];
        }
        // "Remove a +1/+1 counter from a creature you control": which creature pays is the player's choice.
        const holders = this.distinct(state, state.permanents.filter((p) => enough(p) && this.board.matches(p, cost.filter, self ?? null)));
        return holders.map((holder) => {
          const c = holders.length > 1 ? fork(ctx) : ctx;
          const payer = find(c.state, holder.id) as Permanent;
          payer.counters[cost.counter] -= cost.count;
          c.cards.add(payer.card);
          return c;
        });
      }
      case 'putCounters': {
        if (!self || !cost.filter.self) return [];
        return this.putCounters(ctx, self, cost.counter, cost.count, true) ? [ctx] : [];
      }
      case 'payLife': {
        if (state.life < cost.amount) return [];
        state.life -= cost.amount;
        return [ctx];
      }
      case 'energy': {
        if (state.energy < cost.amount) return [];
        state.energy -= cost.amount;
        return [ctx];
      }
      case 'discard': {
        if (cost.self) return [];
        if (cost.wholeHand) {
          state.graveyard.push(...state.hand.splice(0));
          state.otherCardsInHand = 0;
          return [ctx];
        }
        if (state.otherCardsInHand < cost.count) return [];
        state.otherCardsInHand -= cost.count;
        return [ctx];
      }
      case 'exert':
        return [ctx];
      case 'exile': {
        if (cost.what === 'self' && self) {
          this.leave(ctx, self, 'exile');
          return [ctx];
        }
        if (cost.what === 'graveyardCard' && state.graveyard.length) {
          state.exile.push(state.graveyard.shift() as number);
          return [ctx];
        }
        return [];
      }
      case 'sacrifice':
      case 'returnToHand':
      case 'tapOther': {
        const filter = cost.filter;
        if (cost.kind === 'tapOther' && this.board.reachesLands(filter) && state.untappedLands >= cost.count && !filter.types?.includes('creature')) {
          state.untappedLands -= cost.count;
          return [ctx];
        }
        if (cost.kind === 'sacrifice' && cost.count > 1) return this.sacrificeSeveral(ctx, filter, cost.count, self ?? null);
        const candidates = filter.self
          ? self ? [self] : []
          : this.distinct(state, state.permanents.filter((p) => this.board.matches(p, filter, self ?? null) && !(cost.kind === 'tapOther' && (p.tapped || p.id === sourceId))));
        if (cost.kind === 'sacrifice' && !filter.self && this.board.reachesLands(filter) && filter.types?.includes('land') && state.untappedLands > 0) {
          const c = fork(ctx);
          c.state.untappedLands -= 1;
          return [c, ...this.sacrificeChoices(ctx, candidates, cost.kind)];
        }
        return this.sacrificeChoices(ctx, candidates, cost.kind);
      }
    }
  }

  /** "Sacrifice five artifacts": tokens go first, as a player would choose; unpayable without enough. */
  private sacrificeSeveral(ctx: MoveContext, filter: ObjectFilter, count: number, self: Permanent | null): MoveContext[] {
    const candidates = ctx.state.permanents.filter((p) => this.board.matches(p, filter, self));
    if (candidates.length < count) return [];
    const chosen = [...candidates.filter((p) => p.token), ...candidates.filter((p) => !p.token)].slice(0, count);
    for (const p of chosen) {
      ctx.cards.add(p.card);
      this.sacrifice(ctx, p);
    }
    return [ctx];
  }

  private sacrificeChoices(ctx: MoveContext, candidates: Permanent[], kind: 'sacrifice' | 'returnToHand' | 'tapOther'): MoveContext[] {
    return candidates.map((candidate) => {
      const c = candidates.length > 1 ? fork(ctx) : ctx;
      const p = find(c.state, candidate.id) as Permanent;
      c.cards.add(p.card);
      if (kind === 'sacrifice') this.sacrifice(c, p);
      else if (kind === 'returnToHand') this.leave(c, p, 'hand');
      else {
        p.tapped = true;
        c.events.push({ event: 'becomesTapped', object: clonePermanent(p), amount: 1 });
      }
      return c;
    });
  }

  // ---- effects -----------------------------------------------------------------------------

  private amount(ctx: MoveContext, item: StackItem, amount: Amount): number {
    if (typeof amount === 'number') return amount;
    if (amount === 'X') return 1;
    if (amount === 'event') return item.event?.amount ?? 1;
    return this.board.count(ctx.state, amount, item.source, item.event?.object);
  }

  /** The object choices a target allows; one list per choice. */
  private targets(ctx: MoveContext, item: StackItem, target: Target): Permanent[][] {
    const state = ctx.state;
    switch (target.kind) {
      case 'self': {
        const p = find(state, item.source.id);
        return [p ? [p] : []];
      }
      case 'eventObject': {
        const created = ctx.created.map((id) => find(state, id)).filter((p): p is Permanent => Boolean(p));
        if (created.length) return [created];
        const p = find(state, item.event?.object?.id);
        return [p ? [p] : []];
      }
      case 'earlierTarget': {
        const chosen = ctx.chosen.map((id) => find(state, id)).filter((p): p is Permanent => Boolean(p));
        return [chosen];
      }
      case 'attached': {
        const source = find(state, item.source.id);
        const p = find(state, source?.attachedTo ?? undefined);
        return [p ? [p] : []];
      }
      case 'all':
        return [state.permanents.filter((p) => this.board.matches(p, target.filter, item.source))];
      case 'chosen': {
        const candidates = this.distinct(state, state.permanents.filter((p) => this.board.matches(p, target.filter, item.source)));
        if (!candidates.length) return [[]];
        if (target.upTo > 1) return [[...candidates.filter((p) => p.tapped), ...candidates.filter((p) => !p.tapped)].slice(0, target.upTo)];
        return candidates.map((p) => [p]);
      }
    }
  }

  private applyEffects(ctx: MoveContext, item: StackItem, effects: Effect[], i: number): MoveContext[] {
    if (i >= effects.length) return [ctx];
    return this.applyEffect(ctx, item, effects[i]).flatMap((c) => this.applyEffects(c, item, effects, i + 1));
  }

  /** Applies an effect once per target choice. */
  private eachTarget(ctx: MoveContext, item: StackItem, target: Target, apply: (c: MoveContext, targets: Permanent[]) => void): MoveContext[] {
    const options = this.targets(ctx, item, target);
    return options.map((option) => {
      const c = options.length > 1 ? fork(ctx) : ctx;
      if (options.length > 1) c.choice = true;
      const chosen = option.map((p) => find(c.state, p.id)).filter((p): p is Permanent => Boolean(p));
      if (target.kind === 'chosen') c.chosen = chosen.map((p) => p.id);
      apply(c, chosen);
      return c;
    });
  }

  private name(p: Permanent): string {
    const info = this.board.info(p);
    if (!p.token) return info.name;
    return info.card ? `a token copy of ${info.name}` : `a ${info.name}`;
  }

  private applyEffect(ctx: MoveContext, item: StackItem, effect: Effect): MoveContext[] {
    const state = ctx.state;
    switch (effect.kind) {
      case 'addMana': {
        const factor = item.manaFactor ?? 1;
        if (typeof effect.amount === 'object' && 'coloursAmong' in effect.amount) {
          const colours = this.board.coloursAmong(state, effect.amount.coloursAmong, item.source);
          for (const colour of colours) addMana(state, colour, factor, effect.restriction);
          ctx.notes.push(`add ${colours.map((c) => `{${c}}`.repeat(factor)).join('') || 'no mana'}`);
          return [ctx];
        }
        const amount = this.amount(ctx, item, effect.amount) * factor;
        const symbols = effect.ofEventType ? [item.event?.mana ?? '*'] : effect.symbols;
        if (effect.choice === 'all') for (const symbol of symbols) addMana(state, symbol, amount / symbols.length, effect.restriction);
        else addMana(state, symbols.length > 1 ? '*' : symbols[0], amount, effect.restriction);
        ctx.notes.push(`add ${amount} mana`);
        return [ctx];
      }
      case 'doubleMana':
        doublePool(state);
        ctx.notes.push('double the mana in the pool');
        return [ctx];
      case 'untap':
      case 'tap':
      case 'tapOrUntap': {
        const untap = effect.kind !== 'tap';
        if (effect.target.kind !== 'self' && effect.target.kind !== 'eventObject') {
          const filter = effect.target.kind === 'all' || effect.target.kind === 'chosen' ? effect.target.filter : null;
          if (filter && this.board.reachesLands(filter) && untap && state.untappedLands < 7) {
            const c = effect.target.kind === 'all' ? ctx : fork(ctx);
            const count = effect.target.kind === 'chosen' ? effect.target.upTo : 7;
            const lands = Math.min(7 - c.state.untappedLands, count);
            c.state.untappedLands += lands;
            c.state.tallies.untaps += lands;
            c.notes.push(`untap ${lands} land${lands > 1 ? 's' : ''}`);
            if (effect.target.kind === 'all') {
              this.setTapped(c, state.permanents.filter((p) => this.board.matches(p, filter, item.source)), false);
              return [c];
            }
            // "Untap two target lands": some chosen objects, the rest among the counted basic lands.
            const mixed = this.eachTarget(ctx, item, effect.target, (cc, targets) => {
              this.setTapped(cc, targets, false);
              const rest = Math.min(7 - cc.state.untappedLands, count - targets.length);
              if (rest <= 0) return;
              cc.state.untappedLands += rest;
              cc.state.tallies.untaps += rest;
              cc.notes.push(`untap ${rest} land${rest > 1 ? 's' : ''}`);
            });
            return [c, ...mixed];
          }
        }
        return this.eachTarget(ctx, item, effect.target, (c, targets) => this.setTapped(c, targets, effect.kind === 'tapOrUntap' ? targets.some((p) => p.tapped) ? false : true : !untap));
      }
      case 'createToken':
        return this.createTokens(ctx, item, effect);
      case 'damage': {
        const amount = this.amount(ctx, item, effect.amount);
        if (effect.to === 'opponent' || effect.to === 'each opponent') {
          this.dealDamage(ctx, item.source, amount, null);
          return [ctx];
        }
        if (effect.to === 'you') return [ctx];
        if (effect.to === 'self' || effect.to === 'eventObject') {
          return this.eachTarget(ctx, item, { kind: effect.to }, (c, targets) => targets.forEach((p) => this.dealDamage(c, item.source, amount, p)));
        }
        if (effect.to === 'each creature') {
          for (const p of state.permanents.filter((q) => this.board.isCreature(q))) this.dealDamage(ctx, item.source, amount, p);
          return [ctx];
        }
        const damageable = (p: Permanent) => this.board.isCreature(p) || this.board.types(p).has('planeswalker');
        const allowed = (p: Permanent) => damageable(p) && !(effect.to === 'any other' && p.id === item.source.id);
        const creatures = this.distinct(state, state.permanents.filter(allowed));
        const toPlayerToo = effect.to === 'any' || effect.to === 'any other';
        const results: MoveContext[] = [];
        if (toPlayerToo) {
          const c = creatures.length ? fork(ctx) : ctx;
          this.dealDamage(c, item.source, amount, null);
          results.push(c);
        }
        for (const creature of creatures) {
          const c = fork(ctx);
          c.choice = true;
          this.dealDamage(c, item.source, amount, find(c.state, creature.id) as Permanent);
          results.push(c);
        }
        if (creatures.length && toPlayerToo) results[0].choice = true;
        return results.length ? results : [ctx];
      }
      case 'gainLife':
        this.gainLife(ctx, this.amount(ctx, item, effect.amount));
        return [ctx];
      case 'loseLife': {
        const amount = this.amount(ctx, item, effect.amount);
        if (effect.who === 'you') {
          state.life -= amount;
          ctx.events.push({ event: 'loseLife', who: 'you', amount });
        } else {
          this.opponentLoses(ctx, amount);
          if (effect.who === 'each player') state.life -= amount;
        }
        return [ctx];
      }
      case 'draw':
        if (effect.who === 'you' || effect.who === 'target player') this.drawCards(ctx, this.amount(ctx, item, effect.count));
        return [ctx];
      case 'mill': {
        const count = this.amount(ctx, item, effect.count);
        if (effect.who !== 'you') return this.millPlayers(ctx, effect.who, count);
        state.tallies.milled += count;
        ctx.notes.push(`mill ${count}`);
        ctx.events.push({ event: 'mill', amount: count });
        return [ctx];
      }
      case 'putCounters':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          for (const p of targets) this.putCounters(c, p, effect.counter, this.amount(c, item, effect.count), false);
        });
      case 'removeCounters':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          for (const p of targets) {
            const n = Math.min(p.counters[effect.counter] ?? 0, effect.count === 'X' ? Infinity : this.amount(c, item, effect.count));
            if (n) p.counters[effect.counter] -= n;
          }
        });
      case 'counterOfHeldKind':
        return this.counterOfHeldKind(ctx, item, effect.target);
      case 'proliferate':
        for (const p of state.permanents) {
          for (const counter of Object.keys(p.counters)) if (p.counters[counter] > 0 && counter !== '-1/-1') this.putCounters(ctx, p, counter, 1, false);
        }
        return [ctx];
      case 'bounce': {
        // "When it dies, return it to your hand": by then the card is in the graveyard, not on the battlefield.
        const gone = (effect.target.kind === 'eventObject' || effect.target.kind === 'self') && !this.targets(ctx, item, effect.target)[0].length;
        if (gone) return this.returnToHand(ctx, item, effect.target);
        return this.eachTarget(ctx, item, effect.target, (c, targets) => targets.forEach((p) => this.leave(c, p, 'hand')));
      }
      case 'flicker':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          for (const p of targets) {
            this.leave(c, p, 'exile');
            if (!p.token) {
              c.state.exile.splice(c.state.exile.lastIndexOf(this.board.printedCard(p)), 1);
              // A clone comes back copying what it copied before: the same choice is open to it again.
              this.enter(c, p.card, { token: false });
              c.notes.push(`flicker ${this.name(p)}`);
            }
          }
        });
      case 'reanimate':
        return this.reanimate(ctx, item, effect);
      case 'returnFromGraveyardToHand':
        return this.returnToHand(ctx, item, effect.target);
      case 'putOnLibrary':
        return this.putOnLibrary(ctx, item, effect.target);
      case 'toLibrary':
        this.moveToLibrary(ctx, item, effect.target);
        return [ctx];
      case 'fetchSameName':
        this.fetchSameName(ctx, item, effect.target);
        return [ctx];
      case 'sacrifice':
        if (effect.target.kind === 'chosen') {
          const filter = effect.target.filter;
          const candidates = this.distinct(state, state.permanents.filter((p) => this.board.matches(p, filter, item.source)));
          return candidates.length ? this.sacrificeChoices(ctx, candidates, 'sacrifice') : [ctx];
        }
        return this.eachTarget(ctx, item, effect.target, (c, targets) => targets.forEach((p) => this.sacrifice(c, p)));
      case 'destroy':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          for (const p of targets) if (!this.board.has(c.state, p, 'indestructible')) this.leave(c, p, 'graveyard');
        });
      case 'copySpell': {
        const spell = item.event?.item;
        if (!spell || spell.kind !== 'spell') return [ctx];
        const copy: StackItem = { ...spell, isCopy: true, spellCard: undefined };
        state.stack.push(copy);
        state.tallies.copies += 1;
        ctx.events.push({ event: 'castOrCopy', amount: 1, item: copy, spellCard: spell.card });
        ctx.notes.push(`copy ${this.board.cards[spell.card].name}`);
        return [ctx];
      }
      case 'copyAbility': {
        const ability = item.event?.item;
        if (!ability || ability.kind === 'spell') return [ctx];
        state.stack.push({ ...ability, isCopy: true });
        state.tallies.copies += 1;
        ctx.notes.push('copy the ability');
        return [ctx];
      }
      case 'castImprinted': {
        const source = find(state, item.source.id) ?? item.source;
        if (source.imprinted === null) return [ctx];
        const info = this.board.cards[source.imprinted];
        const effects = info.spellEffects.flatMap((a) => ('effects' in a ? a.effects : []));
        const copy: StackItem = {
          kind: 'spell', source: this.phantom(source.imprinted), card: source.imprinted, textCard: source.imprinted,
          text: info.spellEffects.map((a) => a.text).join('\n'), effects, isCopy: true,
        };
        state.tallies.copies += 1;
        this.castSpell(ctx, copy);
        ctx.cards.add(source.imprinted);
        ctx.notes.push(`cast a copy of ${info.name}`);
        return [ctx];
      }
      case 'extraTurn':
        state.extraTurns += 1;
        ctx.notes.push('take an extra turn');
        return [ctx];
      case 'returnWhenDies':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          for (const p of targets) if (!p.gained.some((g) => g.startsWith(RETURNS_WHEN_IT_DIES))) p.gained = [...p.gained, `${RETURNS_WHEN_IT_DIES}:${item.textCard}`];
        });
      case 'skipTurn':
        state.extraTurns -= 1;
        ctx.notes.push('skip your next turn');
        return [ctx];
      case 'extraCombat':
        state.combatsLeft += 1;
        ctx.notes.push('an additional combat');
        return [ctx];
      case 'pump':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          const power = this.amount(c, item, effect.power);
          for (const p of targets) {
            p.pump += power;
            if (power > 0) c.state.tallies.power += power;
          }
        });
      case 'grantKeyword':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          for (const p of targets) {
            if (this.board.has(c.state, p, effect.keyword)) continue;
            p.gained = [...p.gained, `${effect.keyword}:${item.textCard}`];
            c.notes.push(`${this.name(p)} gains ${effect.keyword}`);
          }
        });
      case 'becomeColour':
        // Kept with the object's extra types, where its colour is read; a colour it already has alone changes nothing.
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          for (const p of targets) {
            if (p.extraTypes.includes(effect.colour)) continue;
            p.extraTypes = [...p.extraTypes.filter((t) => !(t in COLOUR_LETTERS)), effect.colour];
            c.notes.push(`${this.name(p)} becomes ${effect.colour}`);
          }
        });
      case 'turnTrigger': {
        const granted = { textCard: item.textCard, ability: effect.ability };
        // The same trigger twice only repeats what once does; keeping one keeps the search finite.
        if (!(state.turnTriggers ?? []).some((t) => t.textCard === granted.textCard && t.ability === granted.ability)) state.turnTriggers = [...(state.turnTriggers ?? []), granted];
        ctx.notes.push(`until end of turn: ${effect.ability.text}`);
        return [ctx];
      }
      case 'gainControl':
        // Control is already ours in a solitaire search; what matters is which object later effects mean.
        return this.eachTarget(ctx, item, effect.target, () => undefined);
      case 'imprint': {
        const source = find(state, item.source.id);
        const card = state.hand.find((c) => this.imprintable(c, effect));
        if (source && card !== undefined && source.imprinted === null) {
          state.hand.splice(state.hand.indexOf(card), 1);
          source.imprinted = card;
        }
        return [ctx];
      }
      default:
        return [ctx];
    }
  }

  /** One more counter of a kind the chosen permanent already has: each permanent and kind is a choice. */
  private counterOfHeldKind(ctx: MoveContext, item: StackItem, target: Target): MoveContext[] {
    const filter = target.kind === 'chosen' || target.kind === 'all' ? target.filter : {};
    const held = (p: Permanent) => Object.keys(p.counters).filter((kind) => p.counters[kind] > 0);
    const candidates = this.distinct(ctx.state, ctx.state.permanents.filter((p) => held(p).length && this.board.matches(p, filter, item.source)));
    const options = candidates.flatMap((p) => held(p).map((kind) => ({ id: p.id, kind })));
    return options.map(({ id, kind }) => {
      const c = options.length > 1 ? fork(ctx) : ctx;
      if (options.length > 1) c.choice = true;
      this.putCounters(c, find(c.state, id) as Permanent, kind, 1, false);
      return c;
    });
  }

  /** Milling someone else: the opponent, or (a choice) yourself when the effect lets you target any player. */
  private millPlayers(ctx: MoveContext, who: PlayerRef, count: number): MoveContext[] {
    if (who === 'target player') {
      const yourself = fork(ctx);
      yourself.choice = true;
      this.millYourself(yourself, count);
      ctx.choice = true;
      this.millOpponent(ctx, count);
      return [ctx, yourself];
    }
    if (who === 'each player') this.millYourself(ctx, count);
    this.millOpponent(ctx, count);
    return [ctx];
  }

  private millYourself(ctx: MoveContext, count: number): void {
    ctx.state.tallies.milled += count;
    ctx.notes.push(`mill ${count}`);
    ctx.events.push({ event: 'mill', amount: count });
  }

  /** The opponent's library is finite: milling stops when it is empty (and they have lost). */
  private millOpponent(ctx: MoveContext, count: number): void {
    const library = ctx.state.opponentLibrary ?? OPPONENT_LIBRARY_SIZE;
    const milled = Math.min(count, library);
    if (milled <= 0) return;
    ctx.state.opponentLibrary = library - milled;
    ctx.state.tallies.milled += milled;
    ctx.notes.push(`the opponent mills ${milled}`);
    ctx.events.push({ event: 'opponentGraveyard', who: 'opponent', amount: milled });
  }

  imprintable(card: number, effect: Extract<Effect, { kind: 'imprint' }>): boolean {
    const info = this.board.cards[card];
    const types = effect.filter.types ?? [];
    return (!types.length || types.some((t) => info.types.has(t))) && (effect.maxManaValue === undefined || info.manaValue <= effect.maxManaValue);
  }

  private setTapped(ctx: MoveContext, targets: Permanent[], tapped: boolean): void {
    for (const p of targets) {
      if (p.tapped === tapped) continue;
      p.tapped = tapped;
      ctx.cards.add(p.card);
      ctx.events.push({ event: tapped ? 'becomesTapped' : 'becomesUntapped', object: clonePermanent(p), amount: 1 });
      if (!tapped) ctx.state.tallies.untaps += 1;
      ctx.notes.push(`${tapped ? 'tap' : 'untap'} ${this.name(p)}`);
    }
  }

  private createTokens(ctx: MoveContext, item: StackItem, effect: Extract<Effect, { kind: 'createToken' }>): MoveContext[] {
    const doublers = this.board.statics(ctx.state).filter((s) => s.effect.kind === 'tokenDoubler');
    const make = (c: MoveContext, card: number, extraTypes: string[], haste: boolean) => {
      let count = this.amount(c, item, effect.count);
      for (const d of doublers) {
        count *= 2;
        c.cards.add(d.holder.card);
      }
      c.created = [];
      for (let i = 0; i < count; i += 1) {
        const p = this.enter(c, card, { token: true, haste, extraTypes, tapped: effect.tapped });
        if (p) c.created.push(p.id);
      }
    };
    if (effect.copyOf) {
      return this.eachTarget(ctx, item, effect.copyOf, (c, targets) => {
        const original = targets[0];
        if (!original) return;
        c.cards.add(original.card);
        c.notes.push(`create a token copy of ${this.board.info(original).name}${effect.haste ? ' with haste' : ''}`);
        make(c, original.card, copyExceptions(item.text), effect.haste);
      });
    }
    const kind = this.board.tokenKind(effect.description, effect.power, effect.toughness, effect.haste, effect.grantedText);
    ctx.notes.push(`create ${effect.description} token${effect.count === 1 ? '' : 's'}`);
    make(ctx, kind, [], effect.haste);
    return [ctx];
  }

  private reanimate(ctx: MoveContext, item: StackItem, effect: Extract<Effect, { kind: 'reanimate' }>): MoveContext[] {
    const state = ctx.state;
    let cards: number[] = [];
    if (effect.target.kind === 'eventObject') {
      const object = item.event?.object;
      if (object && !object.token && state.graveyard.includes(object.card)) cards = [object.card];
    } else if (effect.target.kind === 'self') {
      if (state.graveyard.includes(item.source.card)) cards = [item.source.card];
    } else if (effect.target.kind === 'chosen') {
      cards = this.graveyardCards(state, effect.target.filter, item).filter((c) => this.board.cards[c].permanent);
    }
    if (!cards.length) return [ctx];
    return cards.map((card) => {
      const c = cards.length > 1 ? fork(ctx) : ctx;
      c.state.graveyard.splice(c.state.graveyard.indexOf(card), 1);
      const p = this.enter(c, card, { token: false });
      if (p && effect.counters) this.putCounters(c, p, effect.counters.counter, effect.counters.count, false);
      c.notes.push(`return ${this.board.cards[card].name} to the battlefield`);
      return c;
    });
  }

  /** Distinct cards in the graveyard a card filter accepts ("target instant or sorcery card"). */
  private graveyardCards(state: GameState, filter: ObjectFilter, item: StackItem): number[] {
    return [...new Set(state.graveyard)].filter((c) => {
      const info = this.board.cards[c];
      if (filter.another && c === item.source.card) return false;
      if (filter.maxManaValue !== undefined && info.manaValue > filter.maxManaValue) return false;
      if (filter.types?.length && !filter.types.some((t) => t === 'permanent' ? info.permanent : t === 'card' || info.types.has(t))) return false;
      if (filter.subtypes?.length && !filter.subtypes.some((t) => info.subtypes.has(t))) return false;
      return !filter.excludedTypes?.some((t) => info.types.has(t));
    });
  }

  private returnToHand(ctx: MoveContext, item: StackItem, target: Target): MoveContext[] {
    const state = ctx.state;
    const chosen = target.kind === 'chosen';
    const event = target.kind === 'self' ? item.source.card : item.event?.object?.card;
    const cards = chosen ? this.graveyardCards(state, target.filter, item) : event !== undefined && state.graveyard.includes(event) ? [event] : [];
    if (!cards.length) return [ctx];
    return cards.map((card) => {
      const c = cards.length > 1 ? fork(ctx) : ctx;
      if (cards.length > 1) c.choice = true;
      c.state.graveyard.splice(c.state.graveyard.indexOf(card), 1);
      c.state.hand.push(card);
      c.cards.add(card);
      c.notes.push(`return ${this.board.cards[card].name} to hand`);
      return c;
    });
  }

  private putOnLibrary(ctx: MoveContext, item: StackItem, target: Target): MoveContext[] {
    if (target.kind !== 'chosen') return [ctx];
    const cards = this.graveyardCards(ctx.state, target.filter, item);
    if (!cards.length) return [ctx];
    return cards.map((card) => {
      const c = cards.length > 1 ? fork(ctx) : ctx;
      if (cards.length > 1) c.choice = true;
      c.state.graveyard.splice(c.state.graveyard.indexOf(card), 1);
      c.state.libraryTop = [...(c.state.libraryTop ?? []), card];
      c.cards.add(card);
      c.notes.push(`put ${this.board.cards[card].name} on top of the library`);
      return c;
    });
  }

  /** A card the effect names, or every creature card a group names, goes from the graveyard into the library. */
  private moveToLibrary(ctx: MoveContext, item: StackItem, target: Target): void {
    const state = ctx.state;
    const named = target.kind === 'self' ? item.source : target.kind === 'eventObject' ? item.event?.object : undefined;
    const cards = target.kind === 'all'
      ? state.graveyard.filter((card) => this.board.cards[card].types.has('creature'))
      : named && !named.token ? [this.board.printedCard(named)].filter((card) => state.graveyard.includes(card)) : [];
    if (!cards.length) return;
    for (const card of cards) state.graveyard.splice(state.graveyard.indexOf(card), 1);
    state.libraryCards = [...(state.libraryCards ?? []), ...cards];
    ctx.notes.push(`put ${cards.map((card) => this.board.cards[card].name).join(', ')} into the library`);
  }

  /** Only a card known to be in the library can be found: the rest of the library is unknown. */
  private fetchSameName(ctx: MoveContext, item: StackItem, target: Target): void {
    const named = target.kind === 'self' ? item.source : item.event?.object;
    if (!named) return;
    const name = this.board.cards[this.board.printedCard(named)].name;
    const library = ctx.state.libraryCards ?? [];
    const at = library.findIndex((card) => this.board.cards[card].name === name);
    if (at < 0) return;
    const card = library[at];
    ctx.state.libraryCards = [...library.slice(0, at), ...library.slice(at + 1)];
    ctx.cards.add(card);
    ctx.notes.push(`search the library for ${name} and put it onto the battlefield`);
    this.enter(ctx, card, { token: false });
  }

  // ---- game actions ------------------------------------------------------------------------

  enter(ctx: MoveContext, card: number, options: { token: boolean; haste?: boolean; extraTypes?: string[]; tapped?: boolean }): Permanent | null {
    const state = ctx.state;
    if (state.permanents.length >= MAX_PERMANENTS) return null;
    const info = this.board.cards[card];
    const p: Permanent = {
      id: state.nextId++, card, token: options.token, tapped: Boolean(options.tapped), sick: true, counters: {}, damage: 0,
      attachedTo: null, gained: options.haste ? ['haste'] : [], extraTypes: options.extraTypes ?? [], pump: 0, used: [], imprinted: null, pairedWith: null, attacking: false,
    };
    if (info.types.has('planeswalker')) p.counters['loyalty'] = info.loyalty;
    for (const { effect } of info.statics) {
      if (effect.kind === 'entersWithCounters') p.counters[effect.counter] = (p.counters[effect.counter] ?? 0) + (effect.count === 'X' ? 0 : this.amount(ctx, this.itemFor(p), effect.count));
      if (effect.kind === 'entersTapped') p.tapped = true;
    }
    state.permanents.push(p);
    this.pairSoulbond(ctx, p);
    this.enterWithOthersCounters(ctx, p);
    this.chooseRiot(ctx, p);
    if (info.subtypes.has('aura')) p.attachedTo = this.auraHost(state, p);
    state.tallies.enters += 1;
    if (options.token) {
      state.tallies.tokens += 1;
      ctx.events.push({ event: 'tokenCreated', object: clonePermanent(p), amount: 1 });
    }
    ctx.events.push({ event: 'enters', object: clonePermanent(p), amount: 1 });
    return p;
  }

  /**
   * Soulbond: a creature entering pairs with an unpaired creature that has soulbond, or, having soulbond itself, with
   * the newest unpaired creature. A player always takes the pairing here: it only ever adds abilities.
   */
  private pairSoulbond(ctx: MoveContext, p: Permanent): void {
    if (!this.board.isCreature(p)) return;
    const unpaired = ctx.state.permanents.filter((q) => q.id !== p.id && q.pairedWith === null && this.board.isCreature(q));
    const bonds = this.board.info(p).keywords.has('soulbond');
    const partner = bonds ? unpaired[unpaired.length - 1] : unpaired.find((q) => this.board.info(q).keywords.has('soulbond'));
    if (!partner) return;
    p.pairedWith = partner.id;
    partner.pairedWith = p.id;
    ctx.cards.add(partner.card);
    ctx.notes.push(`pair ${this.name(p)} with ${this.name(partner)}`);
  }

  /** "Each other creature you control enters with an additional +1/+1 counter on it", from the permanents already there. */
  private enterWithOthersCounters(ctx: MoveContext, p: Permanent): void {
    for (const { holder, effect } of this.board.statics(ctx.state)) {
      if (effect.kind !== 'othersEnterWithCounters' || holder.id === p.id || !this.board.matches(p, effect.filter, holder)) continue;
      p.counters[effect.counter] = (p.counters[effect.counter] ?? 0) + effect.count;
      ctx.cards.add(holder.card);
    }
  }

  /**
   * Riot: a +1/+1 counter or haste, as the player likes. A loop wants the counter on a persist creature
   * (it cancels the -1/-1 counter that would stop persist) and haste on anything else.
   */
  private chooseRiot(ctx: MoveContext, p: Permanent): void {
    const keywords = this.board.keywords(ctx.state, p);
    const riot = keywords.get('riot');
    if (riot === undefined) return;
    ctx.cards.add(riot);
    if (keywords.has('persist')) p.counters['+1/+1'] = (p.counters['+1/+1'] ?? 0) + 1;
    else if (!keywords.has('haste')) p.gained = [...p.gained, `haste:${riot}`];
  }

  /** An Aura put onto the battlefield without being cast is attached to a legal object: the newest one, as a player would. */
  private auraHost(state: GameState, aura: Permanent): number | null {
    const restriction = this.board.info(aura).statics.find((s) => s.effect.kind === 'attachRestriction')?.effect;
    const legal = state.permanents.filter((p) => p.id !== aura.id && (restriction?.kind !== 'attachRestriction' || this.board.matches(p, restriction.filter, aura)));
    return legal.length ? legal[legal.length - 1].id : null;
  }

  private itemFor(p: Permanent): StackItem {
    return { kind: 'ability', source: p, card: p.card, textCard: p.card, text: '', effects: [], isCopy: false };
  }

  private leave(ctx: MoveContext, p: Permanent, to: 'graveyard' | 'hand' | 'exile'): void {
    const state = ctx.state;
    const at = state.permanents.findIndex((q) => q.id === p.id);
    if (at < 0) return;
    const keywords = this.board.keywords(state, p);
    state.permanents.splice(at, 1);
    // A pair breaks when either creature leaves.
    for (const q of state.permanents) if (q.pairedWith === p.id) q.pairedWith = null;
    const snapshot = clonePermanent(p);
    if (!p.token) state[to === 'graveyard' ? 'graveyard' : to === 'hand' ? 'hand' : 'exile'].push(this.board.printedCard(p));
    state.tallies.leaves += 1;
    ctx.events.push({ event: 'leaves', object: snapshot, amount: 1 });
    if (to === 'graveyard' && this.board.isCreature(p)) {
      state.tallies.dies += 1;
      ctx.events.push({ event: 'dies', object: snapshot, amount: 1 });
      this.returnFromDeath(ctx, snapshot, keywords);
      ctx.notes.push(`${this.name(p)} dies`);
    } else ctx.notes.push(`${this.name(p)} leaves the battlefield`);
  }

  /** Undying and persist: the creature comes back if it had no counter of that kind. */
  private returnFromDeath(ctx: MoveContext, dead: Permanent, keywords: Map<string, number>): void {
    if (this.suppressed(ctx, { event: 'dies', object: dead, amount: 1 })) return;
    for (const [keyword, counter] of [['undying', '+1/+1'], ['persist', '-1/-1']] as const) {
      const giver = keywords.get(keyword);
      if (giver === undefined || (dead.counters[counter] ?? 0) > 0) continue;
      const info = this.board.cards[giver];
      const text = info.parsed.abilities.find((a) => (a.kind === 'keyword' && a.keyword === keyword) || (a.kind === 'static' && a.effect.kind === 'grant' && a.effect.keywords.includes(keyword)))?.text ?? keyword;
      ctx.state.stack.push({
        kind: 'trigger', source: dead, card: dead.card, textCard: giver, text, isCopy: false,
        effects: [{ kind: 'reanimate', target: { kind: 'eventObject' }, counters: { counter, count: 1 } }],
        event: { event: 'dies', object: dead, amount: 1 },
      });
    }
    const delayed = keywords.get(RETURNS_WHEN_IT_DIES);
    if (delayed === undefined) return;
    const text = this.board.cards[delayed].parsed.abilities.find((a) => 'effects' in a && a.effects.some((e) => e.kind === 'returnWhenDies'))?.text ?? '';
    ctx.state.stack.push({
      kind: 'trigger', source: dead, card: dead.card, textCard: delayed, text, isCopy: false,
      effects: [{ kind: 'reanimate', target: { kind: 'eventObject' } }], event: { event: 'dies', object: dead, amount: 1 },
    });
  }

  private sacrifice(ctx: MoveContext, p: Permanent): void {
    ctx.state.tallies.sacrificed += 1;
    ctx.events.push({ event: 'sacrifice', object: clonePermanent(p), amount: 1 });
    this.leave(ctx, p, 'graveyard');
  }

  /** Puts counters, as replaced by the statics in play; false when they cannot be put (an unpayable cost). */
  private putCounters(ctx: MoveContext, p: Permanent, counter: string, count: number, asCost: boolean): boolean {
    let n = count;
    for (const s of this.board.statics(ctx.state)) {
      const e = s.effect;
      if (e.kind === 'preventCounters' && (e.counter === 'any' || e.counter === counter) && this.board.matches(p, e.filter, s.holder)) {
        ctx.cards.add(s.holder.card);
        return !asCost;
      }
      if (e.kind === 'reduceCounters' && e.counter === counter && this.board.matches(p, e.filter, s.holder)) {
        n = Math.max(0, n - e.by);
        ctx.cards.add(s.holder.card);
      }
      if (e.kind === 'counterDoubler' && n > 0) {
        n *= 2;
        ctx.cards.add(s.holder.card);
      }
    }
    if (n <= 0) return true;
    p.counters[counter] = (p.counters[counter] ?? 0) + n;
    ctx.state.tallies.counters += n;
    ctx.notes.push(`${n} ${counter} counter${n > 1 ? 's' : ''} on ${this.name(p)}`);
    ctx.events.push({ event: 'countersPut', object: clonePermanent(p), amount: n });
    return true;
  }

  private dealDamage(ctx: MoveContext, source: Permanent, amount: number, to: Permanent | null, combat = false): void {
    if (amount <= 0) return;
    if (to) this.damagePermanent(ctx, to, amount);
    else {
      ctx.state.tallies.damage += amount;
      ctx.notes.push(`${amount} damage to the opponent`);
      this.opponentLoses(ctx, amount);
    }
    ctx.events.push({ event: 'dealsDamage', object: source, amount, combat });
    const lifelink = this.board.keywords(ctx.state, find(ctx.state, source.id) ?? source).get('lifelink');
    if (lifelink !== undefined) {
      ctx.cards.add(lifelink);
      this.gainLife(ctx, amount);
    }
  }

  private damagePermanent(ctx: MoveContext, to: Permanent, amount: number): void {
    // Surviving the damage is the work of whatever makes it indestructible.
    const indestructible = this.board.keywords(ctx.state, to).get('indestructible');
    if (indestructible !== undefined) ctx.cards.add(indestructible);
    to.damage += amount;
    ctx.notes.push(`${amount} damage to ${this.name(to)}`);
    ctx.events.push({ event: 'dealtDamage', object: clonePermanent(to), amount });
  }

  /** Draws of unknown cards: they come from the library and count as cards in hand, spendable on discard costs. */
  private drawCards(ctx: MoveContext, count: number): void {
    const state = ctx.state;
    if (state.library < count) return;
    state.library -= count;
    state.otherCardsInHand += count;
    state.tallies.drawn += count;
    ctx.notes.push(`draw ${count}`);
    for (let i = 0; i < count; i += 1) ctx.events.push({ event: 'draw', amount: 1, who: 'you' });
  }

  private gainLife(ctx: MoveContext, amount: number): void {
    ctx.state.life += amount;
    ctx.state.tallies.lifeGained += amount;
    ctx.notes.push(`gain ${amount} life`);
    ctx.events.push({ event: 'gainLife', who: 'you', amount });
  }

  private opponentLoses(ctx: MoveContext, amount: number): void {
    ctx.state.tallies.opponentLifeLost += amount;
    if (!ctx.notes.some((n) => n.endsWith('damage to the opponent'))) ctx.notes.push(`the opponent loses ${amount} life`);
    ctx.events.push({ event: 'loseLife', who: 'opponent', amount });
  }

  // ---- state-based actions and triggers ----------------------------------------------------

  private stateBasedActions(ctx: MoveContext): void {
    for (let guard = 0; guard < 8; guard += 1) {
      const state = ctx.state;
      let changed = false;
      for (const p of [...state.permanents]) {
        const plus = p.counters['+1/+1'] ?? 0;
        const minus = p.counters['-1/-1'] ?? 0;
        if (plus && minus) {
          const n = Math.min(plus, minus);
          p.counters['+1/+1'] = plus - n;
          p.counters['-1/-1'] = minus - n;
        }
        if (this.board.isCreature(p)) {
          const toughness = this.board.toughness(state, p);
          if (toughness <= 0 || (p.damage >= toughness && !this.board.has(state, p, 'indestructible'))) {
            this.leave(ctx, p, 'graveyard');
            changed = true;
            continue;
          }
        }
        if (this.board.types(p).has('planeswalker') && (p.counters['loyalty'] ?? 0) <= 0) {
          this.leave(ctx, p, 'graveyard');
          changed = true;
          continue;
        }
        if (p.attachedTo !== null && !find(state, p.attachedTo)) {
          if (this.board.info(p).subtypes.has('aura')) this.leave(ctx, p, 'graveyard');
          else p.attachedTo = null;
          changed = true;
        }
      }
      const legends = new Map<string, Permanent>();
      for (const p of [...state.permanents]) {
        const info = this.board.info(p);
        if (!info.legendary || p.extraTypes.includes('nonlegendary')) continue;
        if (legends.has(info.name)) {
          this.leave(ctx, p, 'graveyard');
          changed = true;
        } else legends.set(info.name, p);
      }
      if (!changed) return;
    }
  }

  private triggerMatches(trigger: Trigger, listener: Permanent, event: EventInfo): boolean {
    const subject = (object: Permanent | undefined) =>
      Boolean(object) && (!trigger.subject || (trigger.subject.self ? object?.id === listener.id : this.board.matches(object as Permanent, trigger.subject, listener)));
    switch (trigger.event) {
      case 'enters':
      case 'dies':
      case 'leaves':
      case 'countersPut':
      case 'becomesTapped':
      case 'becomesUntapped':
      case 'tappedForMana':
      case 'sacrifice':
      case 'dealsDamage':
        return event.event === trigger.event && subject(event.object) && (!trigger.combatOnly || Boolean(event.combat));
      case 'dealtDamage':
      case 'attacks':
        return event.event === trigger.event && subject(event.object);
      case 'opponentGraveyard':
        return event.event === 'opponentGraveyard';
      case 'loseLife':
        return event.event === 'loseLife' && (trigger.player === 'any' || event.who === (trigger.player ?? 'opponent'));
      case 'cast':
      case 'castOrCopy': {
        if (event.event !== 'cast' && !(trigger.event === 'castOrCopy' && event.event === 'castOrCopy')) return false;
        const types = trigger.spellTypes ?? [];
        const colours = trigger.spellColours ?? [];
        const card = event.spellCard;
        const info = card === undefined ? null : this.board.cards[card];
        if (colours.length && (card === undefined || !this.board.cardColours(card).some((c) => colours.includes(c)))) return false;
        return !types.length || Boolean(info && types.some((t) => info.types.has(t)));
      }
      case 'beginningOfStep':
        return event.event === 'beginningOfStep' && stepMatches(trigger, event.step ?? '');
      case 'draw':
        // Only your own draws are modelled: an opponent's draw trigger never fires here.
        return event.event === 'draw' && trigger.player !== 'opponent';
      case 'activate':
        // "Whenever an ability of equipped creature is activated": only that object's abilities.
        return event.event === 'activate' && (!trigger.subject || subject(event.object));
      case 'tokenCreated':
      case 'gainLife':
      case 'mill':
      case 'discard':
        return event.event === trigger.event;
      default:
        return false;
    }
  }

  private putTriggersOnStack(ctx: MoveContext): void {
    const state = ctx.state;
    const events = ctx.events;
    ctx.events = [];
    // Leaving the battlefield looks back: what left along with the object (an Aura on a dying creature) still sees it go.
    const departed = events.flatMap((e) => (e.event === 'leaves' && e.object && !find(state, e.object.id) ? [e.object] : []));
    for (const event of events) {
      if (this.suppressed(ctx, event)) continue;
      const listeners = [...state.permanents];
      if (event.event === 'dies' || event.event === 'leaves') listeners.push(...departed);
      for (const listener of listeners) {
        for (const held of this.board.triggered(state, listener)) {
          const trigger = held.ability.trigger;
          if (!this.triggerMatches(trigger, listener, event)) continue;
          if (trigger.condition?.kind === 'noCounters' && (event.object?.counters[trigger.condition.counter] ?? 0) > 0) continue;
          if (trigger.condition?.kind === 'notToken' && listener.token) continue;
          if (trigger.condition?.kind === 'selfCounters' && (listener.counters[trigger.condition.counter] ?? 0) < trigger.condition.atLeast) continue;
          // Tallies count from the start of the turn the search began in: any departure so far was this turn's.
          if (trigger.condition?.kind === 'leftThisTurn' && state.tallies.leaves === 0) continue;
          const none = trigger.condition?.kind === 'controlsNone' ? trigger.condition.filter : null;
          if (none && state.permanents.some((p) => this.board.matches(p, none, listener))) continue;
          if (held.ability.oncePerTurn) {
            if (listener.used.includes(held.key)) continue;
            listener.used = [...listener.used, held.key];
          }
          const copies = 1 + this.doublers(state, trigger);
          for (let i = 0; i < copies; i += 1) state.stack.push(this.triggerItem(listener, held, event));
        }
      }
      this.putTurnTriggersOnStack(state, event);
    }
  }

  /** "Creatures entering don't cause abilities to trigger" (Torpor Orb): the event triggers nothing. */
  private suppressed(ctx: MoveContext, event: EventInfo): boolean {
    const object = event.object;
    if (!object) return false;
    const by = this.board.statics(ctx.state).find(({ holder, effect }) => effect.kind === 'suppressTriggers' && effect.events.includes(event.event) && this.board.matches(object, effect.filter, holder));
    if (by) ctx.cards.add(by.holder.card);
    return Boolean(by);
  }

  /** Triggers the player was given until end of turn belong to no permanent: they fire while it lasts. */
  private putTurnTriggersOnStack(state: GameState, event: EventInfo): void {
    for (const [i, { textCard, ability }] of (state.turnTriggers ?? []).entries()) {
      const holder = this.phantom(textCard);
      if (!this.triggerMatches(ability.trigger, holder, event)) continue;
      state.stack.push(this.triggerItem(holder, { ability, textCard, key: `turn${i}` }, event));
    }
  }

  private doublers(state: GameState, trigger: Trigger): number {
    return this.board.statics(state).filter((s) => s.effect.kind === 'triggerDoubler' && (!s.effect.event || s.effect.event === trigger.event)).length;
  }

  private triggerItem(listener: Permanent, held: HeldAbility<import('../model/ability').TriggeredAbility>, event: EventInfo): StackItem {
    const a = held.ability;
    return {
      kind: 'trigger', source: clonePermanent(listener), card: listener.card, textCard: held.textCard, text: a.text,
      effects: a.effects, modes: a.modes, event, optionalCost: a.optionalCost, isCopy: false,
    };
  }

  private finish(ctx: MoveContext, step: Omit<Step, 'effect' | 'cards'>): Move {
    this.stateBasedActions(ctx);
    for (let i = 0; i < 4 && ctx.events.length; i += 1) {
      this.putTriggersOnStack(ctx);
      this.stateBasedActions(ctx);
    }
    ctx.events = [];
    const notes = collapseRepeats(ctx.notes.filter((n) => n !== 'declined'));
    return {
      state: ctx.state,
      step: { ...step, choice: step.choice || ctx.choice, effect: notes.join(', ') || (ctx.notes.includes('declined') ? 'decline' : 'no effect'), cards: [...ctx.cards] },
    };
  }
}
