import type { Ability, Cost, Effect, ParsedCard, StaticEffect, Trigger } from '../model/ability';

/** Resources and events a card makes and needs: two cards can only loop together if one feeds the other. */
export interface ResourceSignature {
  produces: string[];
  consumes: string[];
}

function fromEffect(effect: Effect): string[] {
  switch (effect.kind) {
    case 'addMana':
      return ['mana'];
    case 'untap':
    case 'tapOrUntap':
      return ['untap'];
    case 'createToken':
      return effect.creature || effect.copyOf ? ['token', 'etb', 'creature'] : ['token', 'etb'];
    case 'damage':
      return ['damage', 'lifeloss'];
    case 'gainLife':
      return ['lifegain'];
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
      return ['etb', 'ltb', 'reset'];
    case 'reanimate':
      return ['etb', 'reset'];
    case 'returnFromGraveyardToHand':
      return ['recast'];
    case 'sacrifice':
    case 'destroy':
      return ['death', 'ltb'];
    case 'copySpell':
    case 'castImprinted':
      return ['cast'];
    case 'copyAbility':
      return ['activation'];
    case 'extraTurn':
      return ['turn'];
    case 'extraCombat':
      return ['combat'];
    case 'pump':
      return ['power'];
    case 'grantKeyword':
      return effect.keyword === 'lifelink' ? ['lifegain'] : [effect.keyword];
    default:
      return [];
  }
}

function fromCost(cost: Cost): string[] {
  switch (cost.kind) {
    case 'mana':
      return ['mana'];
    case 'tap':
      return ['untap'];
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
      return ['untap', 'creature'];
    default:
      return [];
  }
}

const TRIGGER_EVENTS: Record<Trigger['event'], string[]> = {
  enters: ['etb'], dies: ['death'], leaves: ['ltb'], gainLife: ['lifegain'], loseLife: ['lifeloss'], draw: ['draw'],
  cast: ['cast'], castOrCopy: ['cast'], tokenCreated: ['token'], countersPut: ['counters'], dealsDamage: ['damage'],
  becomesTapped: ['untap'], becomesUntapped: ['untap'], tappedForMana: ['untap'], activate: ['activation'],
  sacrifice: ['death'], attacks: ['combat'], beginningOfStep: ['turn'], mill: ['mill'], discard: ['draw'],
};

function fromStatic(effect: StaticEffect, into: ResourceSignature): void {
  switch (effect.kind) {
    case 'costReduction':
      into.produces.push('mana');
      return;
    case 'reduceCounters':
    case 'anthem':
      into.produces.push('toughness');
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
      for (const ability of effect.abilities) addAbility(ability, into);
      if (effect.keywords.some((k) => k === 'undying' || k === 'persist')) {
        into.produces.push('etb', 'reset');
        into.consumes.push('death');
      }
      if (effect.keywords.includes('lifelink')) into.produces.push('lifegain');
      if (effect.keywords.includes('haste')) into.produces.push('untap');
      return;
    default:
      return;
  }
}

function addAbility(ability: Ability, into: ResourceSignature): void {
  const effects = 'effects' in ability ? [...ability.effects, ...(('modes' in ability && ability.modes) || []).flat()] : [];
  for (const effect of effects) into.produces.push(...fromEffect(effect));
  if (ability.kind === 'activated') {
    for (const cost of ability.costs) into.consumes.push(...fromCost(cost));
    if (!ability.isManaAbility) into.produces.push('activation');
  }
  if (ability.kind === 'triggered') {
    into.consumes.push(...TRIGGER_EVENTS[ability.trigger.event]);
    for (const cost of ability.optionalCost ?? []) into.consumes.push(...fromCost(cost));
  }
  if (ability.kind === 'spell') into.consumes.push('mana', 'recast', 'cast');
  if (ability.kind === 'static') fromStatic(ability.effect, into);
  if (ability.kind === 'keyword' && (ability.keyword === 'undying' || ability.keyword === 'persist')) {
    into.produces.push('etb', 'reset');
    into.consumes.push('death');
  }
}

/** Which resources and events a card produces and consumes, read from its parsed abilities. */
export function resourceSignature(parsed: ParsedCard): ResourceSignature {
  const into: ResourceSignature = { produces: [], consumes: [] };
  for (const ability of parsed.abilities) addAbility(ability, into);
  return { produces: [...new Set(into.produces)].sort(), consumes: [...new Set(into.consumes)].sort() };
}

/** Does one signature make something the other needs? */
export function feeds(from: ResourceSignature, to: ResourceSignature): boolean {
  return from.produces.some((r) => to.consumes.includes(r));
}

/**
 * Feeding through anything but mana. Almost every card makes or spends mana, so a cycle of cards must
 * close through some other resource (an untap, a token, a trigger) to be worth a search.
 */
export function feedsStrongly(from: ResourceSignature, to: ResourceSignature): boolean {
  return from.produces.some((r) => r !== 'mana' && r !== 'activation' && to.consumes.includes(r));
}
