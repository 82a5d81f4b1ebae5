import type { Ability, Cost, Effect, ParsedCard, StaticEffect, Target, Trigger } from '../model/ability';

/** Resources and events a card makes and needs: two cards can only loop together if one feeds the other. */
export interface ResourceSignature {
  produces: string[];
  consumes: string[];
  /** What it makes for other cards: `produces` less what only the card itself gets ("untap this artifact"). */
  givesOthers: string[];
}

/**
 * Types an untap can be limited to. "Untap target land" feeds only lands that tap for something, so it
 * is the resource "untap land"; an untap of any permanent, or of the card itself, is plain "untap".
 */
const UNTAP_LIMITS = ['artifact', 'creature', 'land'];
const ANY_UNTAP = ['untap', ...UNTAP_LIMITS.map((type) => `untap ${type}`)];

function untapsOf(target: Target): string[] {
  const types = target.kind === 'chosen' || target.kind === 'all' ? (target.filter.types ?? []) : [];
  if (!types.length || !types.every((type) => UNTAP_LIMITS.includes(type))) return ['untap'];
  // An untapped land is mana to spend again.
  return [...types.map((type) => `untap ${type}`), ...(types.includes('land') ? ['mana'] : [])];
}

/** What a {T} cost on a card of these types can be paid again with. */
function untapsFor(types: string[]): string[] {
  return ['untap', ...types.filter((type) => UNTAP_LIMITS.includes(type)).map((type) => `untap ${type}`)];
}

function fromEffect(effect: Effect): string[] {
  switch (effect.kind) {
    case 'addMana':
    case 'doubleMana':
      return ['mana'];
    case 'untap':
    case 'tapOrUntap':
      return untapsOf(effect.target);
    case 'createToken':
      return effect.creature || effect.copyOf ? ['token', 'etb', 'creature'] : ['token', 'etb'];
    case 'damage':
      return effect.to === 'opponent' || effect.to === 'each opponent' || effect.to === 'you' ? ['damage', 'lifeloss'] : ['damage', 'lifeloss', 'death'];
    case 'gainLife':
      return ['lifegain'];
    case 'turnTrigger':
      return effect.ability.effects.flatMap(fromEffect);
    case 'loseLife':
      return ['lifeloss'];
    case 'draw':
      return ['draw'];
    case 'mill':
      return ['mill'];
    case 'putCounters':
    case 'proliferate':
      return ['counters'];
    case 'bounce':
      return ['ltb', 'recast'];
    case 'flicker':
      return ['etb', 'ltb', 'reset', 'untap'];
    case 'reanimate':
      return ['etb', 'reset', 'untap'];
    case 'returnFromGraveyardToHand':
      return ['recast'];
    case 'sacrifice':
    case 'destroy':
      return ['death', 'ltb'];
    case 'copySpell':
    case 'castImprinted':
      return ['cast'];
    case 'copyAbility':
      return ['activation', 'activation copy'];
    case 'extraTurn':
      return ['turn'];
    case 'extraCombat':
      return ['combat'];
    case 'pump':
      return ['power'];
    case 'grantKeyword':
      if (effect.keyword === 'indestructible') return ['indestructible', 'toughness'];
      return effect.keyword === 'lifelink' ? ['lifegain', 'lifelink'] : [effect.keyword];
    default:
      return [];
  }
}

/** Events a cost itself causes: sacrificing is a death, returning to hand a departure. */
function madeByCost(cost: Cost): string[] {
  switch (cost.kind) {
    case 'sacrifice':
      return ['death', 'ltb'];
    case 'returnToHand':
    case 'exile':
      return cost.kind === 'exile' && cost.what !== 'self' ? [] : ['ltb'];
    default:
      return [];
  }
}

function fromCost(cost: Cost, types: string[]): string[] {
  switch (cost.kind) {
    case 'mana':
      return ['mana'];
    case 'tap':
      return untapsFor(types);
    case 'sacrifice':
      return cost.filter.self ? ['reset', 'recast'] : ['token', 'creature', 'reset'];
    case 'removeCounters':
      return ['counters'];
    case 'putCounters':
      return cost.counter === '-1/-1' ? ['toughness'] : [];
    case 'payLife':
      return ['lifegain'];
    case 'discard':
      return ['draw'];
    case 'exile':
      return cost.what === 'graveyardCard' ? ['mill'] : ['reset'];
    case 'loyalty':
      return cost.change < 0 ? ['reset'] : [];
    case 'returnToHand':
      return ['recast', 'etb'];
    case 'tapOther':
      return [...untapsFor(['creature']), 'creature'];
    default:
      return [];
  }
}

const TRIGGER_EVENTS: Record<Trigger['event'], string[]> = {
  enters: ['etb'], dies: ['death'], leaves: ['ltb'], gainLife: ['lifegain'], loseLife: ['lifeloss'], draw: ['draw'],
  cast: ['cast'], castOrCopy: ['cast'], tokenCreated: ['token'], countersPut: ['counters'], dealsDamage: ['damage'],
  becomesTapped: ANY_UNTAP, becomesUntapped: ANY_UNTAP, tappedForMana: ANY_UNTAP, activate: ['activation'],
  sacrifice: ['death'], attacks: ['combat'], beginningOfStep: ['turn'], mill: ['mill'], discard: ['draw'],
  // A creature dealt damage over and over survives only if something keeps it alive (indestructible).
  // Lifelink on it turns the damage it deals back into life.
  dealtDamage: ['damage', 'toughness', 'lifelink'], opponentGraveyard: ['mill'],
};

function fromStatic(effect: StaticEffect, into: ResourceSignature): void {
  switch (effect.kind) {
    case 'costReduction':
    case 'manaMultiplier':
      into.produces.push('mana');
      return;
    case 'reduceCounters':
    case 'anthem':
      into.produces.push('toughness');
      return;
    case 'othersEnterWithCounters':
      // An extra +1/+1 counter cancels a persist creature's -1/-1 counter.
      into.produces.push('counters', 'toughness');
      return;
    case 'suppressTriggers':
      // Silencing a drawback ("when it enters, you skip your next turn") is what lets those events repeat.
      into.produces.push(...effect.events.flatMap((event) => TRIGGER_EVENTS[event]));
      return;
    case 'tokenDoubler':
      into.produces.push('token', 'etb');
      into.consumes.push('token');
      return;
    case 'triggerDoubler':
      into.produces.push('etb');
      into.consumes.push('etb');
      return;
    case 'counterDoubler':
      into.produces.push('counters');
      into.consumes.push('counters');
      return;
    case 'grant':
      // A granted {T} ability is paid by the permanent it is granted to.
      for (const ability of effect.abilities) addAbility(ability, into, [], grantedTo(effect.to));
      if (effect.keywords.some((k) => k === 'undying' || k === 'persist')) {
        into.produces.push('etb', 'reset', 'counters', 'untap');
        into.consumes.push('death');
      }
      if (effect.keywords.includes('lifelink')) {
        into.produces.push('lifegain', 'lifelink');
        into.consumes.push('damage');
      }
      if (effect.keywords.includes('haste')) into.produces.push('untap');
      // Indestructible matters where damage is dealt over and over: it keeps the damaged creature alive.
      if (effect.keywords.includes('indestructible')) {
        into.produces.push('toughness');
        into.consumes.push('damage');
      }
      return;
    default:
      return;
  }
}

function grantedTo(target: Target): string[] {
  const types = target.kind === 'chosen' || target.kind === 'all' ? target.filter.types : undefined;
  return types?.length ? types : ['creature'];
}

/** Untapping or resetting only the card itself helps no other card. */
function onlyForSelf(effect: Effect): boolean {
  return (effect.kind === 'untap' || effect.kind === 'tapOrUntap') && effect.target.kind === 'self';
}

/** `types`: the card types of the permanent paying the ability's costs. */
function addAbility(ability: Ability, into: ResourceSignature, selfOnly: string[], types: string[]): void {
  const effects = 'effects' in ability ? [...ability.effects, ...(('modes' in ability && ability.modes) || []).flat()] : [];
  for (const effect of effects) {
    into.produces.push(...fromEffect(effect));
    (onlyForSelf(effect) ? selfOnly : into.givesOthers).push(...fromEffect(effect));
  }
  if (ability.kind === 'activated') {
    for (const cost of ability.costs) {
      into.consumes.push(...fromCost(cost, types));
      into.produces.push(...madeByCost(cost));
    }
    if (!ability.isManaAbility) into.produces.push('activation');
    if (!ability.isManaAbility && !ability.loyalty) into.consumes.push('activation copy');
  }
  if (ability.kind === 'triggered') {
    into.consumes.push(...TRIGGER_EVENTS[ability.trigger.event]);
    for (const cost of ability.optionalCost ?? []) into.consumes.push(...fromCost(cost, types));
    if (ability.effects.some((e) => e.kind === 'grantKeyword' && e.keyword === 'lifelink')) into.consumes.push('damage');
  }
  for (const effect of effects) if (effect.kind === 'turnTrigger') into.consumes.push(...TRIGGER_EVENTS[effect.ability.trigger.event]);
  if (effects.some((e) => e.kind === 'grantKeyword' && e.keyword === 'indestructible')) into.consumes.push('damage');
  if (ability.kind === 'spell') into.consumes.push('mana', 'recast', 'cast');
  if (ability.kind === 'static') fromStatic(ability.effect, into);
  if (ability.kind === 'activated' && ability.effects.some((e) => e.kind === 'grantKeyword' && e.keyword === 'lifelink')) into.consumes.push('damage');
  if (ability.kind === 'keyword' && (ability.keyword === 'undying' || ability.keyword === 'persist')) {
    into.produces.push('etb', 'reset', 'counters', 'untap');
    into.consumes.push('death');
  }
}

/** Which resources and events a card of these types produces and consumes, read from its parsed abilities. */
export function resourceSignature(parsed: ParsedCard, types: string[]): ResourceSignature {
  const into: ResourceSignature = { produces: [], consumes: [], givesOthers: [] };
  const selfOnly: string[] = [];
  for (const ability of parsed.abilities) addAbility(ability, into, selfOnly, types);
  const sorted = (items: string[]) => [...new Set(items)].sort();
  const produces = sorted(into.produces);
  const shared = new Set(into.givesOthers);
  return { produces, consumes: sorted(into.consumes), givesOthers: produces.filter((r) => shared.has(r) || !selfOnly.includes(r)) };
}

/** Does one signature make something the other needs? */
export function feeds(from: ResourceSignature, to: ResourceSignature): boolean {
  return from.givesOthers.some((r) => to.consumes.includes(r));
}

/** A card that closes a cycle on its own through something other than mana ("{T}: add; {3}: untap this"). */
export function feedsItself(signature: ResourceSignature): boolean {
  return signature.produces.some((r) => r !== 'mana' && r !== 'activation' && signature.consumes.includes(r));
}

/**
 * Feeding through anything but mana. Almost every card makes or spends mana, so a cycle of cards must
 * close through some other resource (an untap, a token, a trigger) to be worth a search.
 */
export function feedsStrongly(from: ResourceSignature, to: ResourceSignature): boolean {
  return from.givesOthers.some((r) => r !== 'mana' && r !== 'activation' && to.consumes.includes(r));
}

/** Feeding including what a card makes only for itself: its own untaps are still events others see. */
export function feedsAny(from: ResourceSignature, to: ResourceSignature): boolean {
  return from.produces.some((r) => to.consumes.includes(r));
}

/** Two cards hand each other something besides mana, either way, counting what a card makes only for itself. */
export function tradesBeyondMana(a: ResourceSignature, b: ResourceSignature): boolean {
  const gives = (from: ResourceSignature, to: ResourceSignature) => from.produces.some((r) => r !== 'mana' && r !== 'activation' && to.consumes.includes(r));
  return gives(a, b) || gives(b, a);
}
