import type { Amount, Cost, Effect, ManaCost, Target, Trigger } from '../model/ability';
import { parseManaCost } from '../parser/mana-cost';
import type { Board, HeldAbility } from './board';
import { clonePermanent, cloneState, type EventInfo, type GameState, type Permanent, type StackItem } from './game-state';
import { addMana, payMana } from './mana';

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

/** Plays abstract Magic over a Board: which moves a state allows, and what each does. */
export class Simulator {
  constructor(readonly board: Board) {}

  moves(state: GameState): Move[] {
    if (state.stack.length > MAX_STACK || state.permanents.length > MAX_PERMANENTS) return [];
    if (state.stack.length) return [...this.resolveTop(state), ...this.activations(state, true)];
    return [...this.activations(state, false), ...this.casts(state), ...this.seeds(state)];
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
        const limitKey = a.loyalty ? 'loyalty' : held.key;
        if (a.oncePerTurn && p.used.includes(limitKey)) continue;
        for (const paid of this.payCosts(start(state), p.id, a.costs, held.textCard)) {
          const self = find(paid.state, p.id);
          if (self && a.oncePerTurn) self.used.push(limitKey);
          paid.cards.add(p.card).add(held.textCard);
          const item: StackItem = {
            kind: 'ability', source: clonePermanent(self ?? p), card: p.card, textCard: held.textCard, text: a.text,
            effects: a.effects, modes: a.modes, isCopy: false,
          };
          const results: MoveContext[] = [];
          if (a.isManaAbility) {
            results.push(...this.applyAll(paid, item));
            if (a.costs.some((c) => c.kind === 'tap')) for (const r of results) r.events.push({ event: 'tappedForMana', object: clonePermanent(self ?? p), amount: 1 });
          } else {
            paid.state.stack.push(item);
            paid.events.push({ event: 'activate', amount: 1, item });
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

  private casts(state: GameState): Move[] {
    const moves: Move[] = [];
    for (const card of new Set(state.hand)) {
      const info = this.board.cards[card];
      const effects = info.spellEffects.flatMap((a) => ('effects' in a ? a.effects : []));
      const modes = info.spellEffects.flatMap((a) => ('modes' in a && a.modes ? a.modes : []));
      if (!info.permanent && !effects.length && !modes.length) continue;
      const ctx = start(state);
      const cost = this.reducedSpellCost(ctx, parseManaCost(info.manaCost), info.types);
      if (!payMana(ctx.state, cost, { ability: false, types: info.types }, this.board.colours)) continue;
      ctx.state.hand.splice(ctx.state.hand.indexOf(card), 1);
      const text = info.spellEffects.map((a) => a.text).join('\n') || info.name;
      const item: StackItem = {
        kind: 'spell', source: this.phantom(card), card, textCard: card, text, effects: info.permanent ? [] : effects,
        modes: info.permanent || !modes.length ? undefined : modes, isCopy: false, spellCard: card,
      };
      this.castSpell(ctx, item);
      ctx.cards.add(card);
      moves.push(this.finish(ctx, { kind: 'cast', card: info.name, ability: text, choice: true }));
    }
    return moves;
  }

  /** Outside help a loop may need once to start: the first life gain, the first life loss. */
  private seeds(state: GameState): Move[] {
    const listens = (event: Trigger['event']) =>
      state.permanents.some((p) => this.board.triggered(state, p).some((h) => h.ability.trigger.event === event));
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
    return moves;
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
    return { id: -1, card, token: false, tapped: false, sick: false, counters: {}, damage: 0, attachedTo: null, gained: [], extraTypes: [], pump: 0, used: [], imprinted: null };
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

  private reducedActivationCost(ctx: MoveContext, p: Permanent, cost: ManaCost): ManaCost {
    let reduction = 0;
    let floor = 0;
    for (const s of this.board.statics(ctx.state)) {
      if (s.effect.kind !== 'costReduction' || s.effect.appliesTo !== 'activated') continue;
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

  /** Pays costs in order; several results when a cost lets the player choose (what to sacrifice). */
  private payCosts(ctx: MoveContext, sourceId: number, costs: Cost[], textCard: number, optional = false): MoveContext[] {
    let branches: MoveContext[] = [ctx];
    for (const cost of costs) {
      branches = branches.flatMap((b) => this.payCost(b, sourceId, cost, textCard, optional));
      if (!branches.length) return [];
    }
    return branches;
  }

  private payCost(ctx: MoveContext, sourceId: number, cost: Cost, textCard: number, optional: boolean): MoveContext[] {
    const state = ctx.state;
    const self = find(state, sourceId);
    switch (cost.kind) {
      case 'mana': {
        const mana = self && !optional ? this.reducedActivationCost(ctx, self, cost.mana) : cost.mana;
        return payMana(state, mana, { ability: true, types: self ? this.board.types(self) : new Set() }, this.board.colours) ? [ctx] : [];
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
        const holder = cost.filter.self ? self : state.permanents.find((p) => (p.counters[cost.counter] ?? 0) >= cost.count && this.board.matches(p, cost.filter, self ?? null));
        if (!holder || (holder.counters[cost.counter] ?? 0) < cost.count) return [];
        holder.counters[cost.counter] -= cost.count;
        return [ctx];
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
        if (state.otherCardsInHand < cost.count) return [];
        state.otherCardsInHand -= cost.count;
        return [ctx];
      }
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
        if (cost.kind === 'sacrifice' && cost.count > 1 && state.permanents.filter((p) => this.board.matches(p, filter, self ?? null)).length < cost.count) return [];
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
    const filter = amount.countOf;
    return ctx.state.permanents.filter((p) => this.board.matches(p, filter, item.source)).length;
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
        if (target.upTo > 1) return [candidates.slice(0, target.upTo)];
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
    return `${p.token ? 'a token copy of ' : ''}${this.board.info(p).name}`;
  }

  private applyEffect(ctx: MoveContext, item: StackItem, effect: Effect): MoveContext[] {
    const state = ctx.state;
    switch (effect.kind) {
      case 'addMana': {
        const amount = this.amount(ctx, item, effect.amount);
        if (effect.choice === 'all') for (const symbol of effect.symbols) addMana(state, symbol, amount / effect.symbols.length, effect.restriction);
        else addMana(state, effect.symbols.length > 1 ? '*' : effect.symbols[0], amount, effect.restriction);
        ctx.notes.push(`add ${amount} mana`);
        return [ctx];
      }
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
            return [c, ...this.eachTarget(ctx, item, effect.target, (cc, targets) => this.setTapped(cc, targets, untap))];
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
        if (effect.to === 'each creature') {
          for (const p of state.permanents.filter((q) => this.board.isCreature(q))) this.dealDamage(ctx, item.source, amount, p);
          return [ctx];
        }
        const creatures = this.distinct(state, state.permanents.filter((p) => this.board.isCreature(p) || this.board.types(p).has('planeswalker')));
        const results: MoveContext[] = [];
        if (effect.to === 'any') {
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
        if (creatures.length && effect.to === 'any') results[0].choice = true;
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
      case 'draw': {
        if (effect.who !== 'you' && effect.who !== 'target player') return [ctx];
        const count = this.amount(ctx, item, effect.count);
        if (state.library < count) return [ctx];
        state.library -= count;
        state.otherCardsInHand += count;
        state.tallies.drawn += count;
        ctx.notes.push(`draw ${count}`);
        for (let i = 0; i < count; i += 1) ctx.events.push({ event: 'draw', amount: 1, who: 'you' });
        return [ctx];
      }
      case 'mill': {
        const count = this.amount(ctx, item, effect.count);
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
      case 'proliferate':
        for (const p of state.permanents) {
          for (const counter of Object.keys(p.counters)) if (p.counters[counter] > 0 && counter !== '-1/-1') this.putCounters(ctx, p, counter, 1, false);
        }
        return [ctx];
      case 'bounce':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => targets.forEach((p) => this.leave(c, p, 'hand')));
      case 'flicker':
        return this.eachTarget(ctx, item, effect.target, (c, targets) => {
          for (const p of targets) {
            this.leave(c, p, 'exile');
            if (!p.token) {
              c.state.exile.splice(c.state.exile.lastIndexOf(p.card), 1);
              this.enter(c, p.card, { token: false });
              c.notes.push(`flicker ${this.name(p)}`);
            }
          }
        });
      case 'reanimate':
        return this.reanimate(ctx, item, effect);
      case 'returnFromGraveyardToHand': {
        const card = effect.target.kind === 'self' ? item.source.card : item.event?.object?.card;
        const at = card === undefined ? -1 : state.graveyard.indexOf(card);
        if (at >= 0) {
          state.graveyard.splice(at, 1);
          state.hand.push(card as number);
          ctx.notes.push(`return ${this.board.cards[card as number].name} to hand`);
        }
        return [ctx];
      }
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
        state.tallies.turns += 1;
        ctx.notes.push('take an extra turn');
        return [ctx];
      case 'extraCombat':
        state.tallies.combats += 1;
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
            p.gained.push(`${effect.keyword}:${item.textCard}`);
            c.notes.push(`${this.name(p)} gains ${effect.keyword}`);
          }
        });
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
        make(c, original.card, item.text.toLowerCase().includes("it's an artifact in addition") ? ['artifact'] : [], effect.haste);
      });
    }
    const kind = this.board.tokenKind(effect.description, effect.power, effect.toughness, effect.haste, effect.grantedText);
    ctx.notes.push(`create ${effect.description} token`);
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
      const filter = effect.target.filter;
      cards = [...new Set(state.graveyard)].filter((c) => {
        const info = this.board.cards[c];
        if (filter.another && c === item.source.card) return false;
        return info.permanent && (!filter.types?.length || filter.types.some((t) => info.types.has(t)));
      });
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

  // ---- game actions ------------------------------------------------------------------------

  enter(ctx: MoveContext, card: number, options: { token: boolean; haste?: boolean; extraTypes?: string[]; tapped?: boolean }): Permanent | null {
    const state = ctx.state;
    if (state.permanents.length >= MAX_PERMANENTS) return null;
    const info = this.board.cards[card];
    const p: Permanent = {
      id: state.nextId++, card, token: options.token, tapped: Boolean(options.tapped), sick: true, counters: {}, damage: 0,
      attachedTo: null, gained: options.haste ? ['haste'] : [], extraTypes: options.extraTypes ?? [], pump: 0, used: [], imprinted: null,
    };
    if (info.types.has('planeswalker')) p.counters['loyalty'] = info.loyalty;
    for (const { effect } of info.statics) {
      if (effect.kind === 'entersWithCounters') p.counters[effect.counter] = (p.counters[effect.counter] ?? 0) + (effect.count === 'X' ? 0 : this.amount(ctx, this.itemFor(p), effect.count));
      if (effect.kind === 'entersTapped') p.tapped = true;
    }
    state.permanents.push(p);
    state.tallies.enters += 1;
    if (options.token) {
      state.tallies.tokens += 1;
      ctx.events.push({ event: 'tokenCreated', object: clonePermanent(p), amount: 1 });
    }
    ctx.events.push({ event: 'enters', object: clonePermanent(p), amount: 1 });
    return p;
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
    const snapshot = clonePermanent(p);
    if (!p.token) state[to === 'graveyard' ? 'graveyard' : to === 'hand' ? 'hand' : 'exile'].push(p.card);
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
      if (e.kind === 'counterDoubler' && n > 0) n *= 2;
    }
    if (n <= 0) return true;
    p.counters[counter] = (p.counters[counter] ?? 0) + n;
    ctx.state.tallies.counters += n;
    ctx.notes.push(`${n} ${counter} counter${n > 1 ? 's' : ''} on ${this.name(p)}`);
    ctx.events.push({ event: 'countersPut', object: clonePermanent(p), amount: n });
    return true;
  }

  private dealDamage(ctx: MoveContext, source: Permanent, amount: number, to: Permanent | null): void {
    if (amount <= 0) return;
    if (to) {
      to.damage += amount;
      ctx.notes.push(`${amount} damage to ${this.name(to)}`);
    } else {
      ctx.state.tallies.damage += amount;
      ctx.notes.push(`${amount} damage to the opponent`);
      this.opponentLoses(ctx, amount);
    }
    ctx.events.push({ event: 'dealsDamage', object: source, amount });
    const lifelink = this.board.keywords(ctx.state, find(ctx.state, source.id) ?? source).get('lifelink');
    if (lifelink !== undefined) {
      ctx.cards.add(lifelink);
      this.gainLife(ctx, amount);
    }
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
        if (!info.legendary) continue;
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
        return event.event === trigger.event && subject(event.object);
      case 'loseLife':
        return event.event === 'loseLife' && (trigger.player === 'any' || event.who === (trigger.player ?? 'opponent'));
      case 'cast':
      case 'castOrCopy': {
        if (event.event !== 'cast' && !(trigger.event === 'castOrCopy' && event.event === 'castOrCopy')) return false;
        const types = trigger.spellTypes ?? [];
        const info = event.spellCard === undefined ? null : this.board.cards[event.spellCard];
        return !types.length || Boolean(info && types.some((t) => info.types.has(t)));
      }
      case 'draw':
        // Only your own draws are modelled: an opponent's draw trigger never fires here.
        return event.event === 'draw' && trigger.player !== 'opponent';
      case 'tokenCreated':
      case 'gainLife':
      case 'mill':
      case 'activate':
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
    for (const event of events) {
      const listeners = [...state.permanents];
      if ((event.event === 'dies' || event.event === 'leaves') && event.object && !find(state, event.object.id)) listeners.push(event.object);
      for (const listener of listeners) {
        for (const held of this.board.triggered(state, listener)) {
          const trigger = held.ability.trigger;
          if (!this.triggerMatches(trigger, listener, event)) continue;
          if (trigger.condition?.kind === 'noCounters' && (event.object?.counters[trigger.condition.counter] ?? 0) > 0) continue;
          if (held.ability.oncePerTurn) {
            if (listener.used.includes(held.key)) continue;
            listener.used.push(held.key);
          }
          const copies = 1 + this.doublers(state, trigger);
          for (let i = 0; i < copies; i += 1) state.stack.push(this.triggerItem(listener, held, event));
        }
      }
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
    const notes = ctx.notes.filter((n) => n !== 'declined');
    return {
      state: ctx.state,
      step: { ...step, choice: step.choice || ctx.choice, effect: notes.join(', ') || (ctx.notes.includes('declined') ? 'decline' : 'no effect'), cards: [...ctx.cards] },
    };
  }
}
