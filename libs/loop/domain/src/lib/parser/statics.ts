import type { Ability, ObjectFilter, StaticEffect } from '../model/ability';
import { AMOUNT, parseAmount } from './amounts';
import { COLOUR_LETTERS, parseObjectFilter, parseTarget } from './object-filter';

/** Reads an ability inside quotes, granted by an Aura, Equipment or lord. */
export type GrantedReader = (text: string) => Ability[];

const GRANTABLE_KEYWORDS = /\b(haste|lifelink|undying|persist|riot|flying|vigilance|indestructible|trample|hexproof|deathtouch|infect)\b/g;

function keywordsIn(text: string): string[] {
  return [...text.matchAll(GRANTABLE_KEYWORDS)].map((m) => m[1]);
}

const COLOUR_CONDITION = /^as long as (enchanted|equipped) creature is (white|blue|black|red|green), it /;
const SECOND_AURA_CONDITION = /^as long as another aura is attached to enchanted creature, it /;
const SOULBOND_PAIR = /^as long as ~ is paired with another creature, (?:both creatures|each of those creatures) /;
const SETS_COLOUR = /^(all [a-z ]+?|[a-z ]+? you control) (?:are|is) (white|blue|black|red|green)\.?$/;

/**
 * "As long as enchanted creature is white, it has lifelink": what the Aura gives its host reaches only the
 * objects a narrower filter names (a host of that colour, a host with a second Aura, the soulbond pair).
 */
function onlyWhile(effect: StaticEffect, filter: ObjectFilter): StaticEffect {
  if ((effect.kind !== 'grant' && effect.kind !== 'anthem') || effect.to.kind !== 'attached') return effect;
  return { ...effect, to: { kind: 'all', filter } };
}

/** The conditions above, each read as the host's grant narrowed to the objects it names; null for other lines. */
function readConditional(line: string, readGranted: GrantedReader): StaticEffect[] | null {
  const coloured = line.match(COLOUR_CONDITION);
  if (coloured) {
    const rest = line.slice(coloured[0].length);
    return readStatic(`${coloured[1]} creature ${rest}`, readGranted).map((e) => onlyWhile(e, { attached: true, colours: [COLOUR_LETTERS[coloured[2]]] }));
  }
  const secondAura = line.match(SECOND_AURA_CONDITION);
  if (secondAura) {
    const rest = line.slice(secondAura[0].length);
    return readStatic(`enchanted creature ${rest}`, readGranted).map((e) => onlyWhile(e, { attached: true, withAnotherAura: true }));
  }
  const pair = line.match(SOULBOND_PAIR);
  if (pair) {
    const rest = line.slice(pair[0].length).replace(/^have /, 'has ');
    return readStatic(`enchanted creature ${rest}`, readGranted).map((e) => onlyWhile(e, { paired: true }));
  }
  return null;
}

/**
 * "Creatures you control", "other Elves you control", "all Slivers", "Minotaur creatures": a lord's group.
 * Players ("players have no maximum hand size") are no group of permanents.
 */
function isGroupOfPermanents(phrase: string): boolean {
  if (/\b(?:players|opponents|you)$/.test(phrase)) return false;
  return /you control$|^all |creatures$/.test(phrase);
}

/** Static and replacement templates over one normalised line. */
export function readStatic(line: string, readGranted: GrantedReader): StaticEffect[] {
  const conditional = readConditional(line, readGranted);
  if (conditional) return conditional;
  const effects: StaticEffect[] = [];
  let m: RegExpMatchArray | null = line.match(SETS_COLOUR);
  if (m) effects.push({ kind: 'setColour', colours: [COLOUR_LETTERS[m[2]]], filter: parseObjectFilter(m[1]) });
  if (/doesn't untap during (?:your|its controller's) untap step/.test(line) && /^~/.test(line)) effects.push({ kind: 'doesntUntap' });
  m = line.match(new RegExp(String.raw`^~ enters(?: the battlefield)?(?: tapped and)? with ${AMOUNT} (?:additional )?([+-]\d/[+-]\d|[a-z]+) counters? on it`));
  if (m) effects.push({ kind: 'entersWithCounters', counter: m[2], count: parseAmount(m[1]) });
  if (/^~ enters(?: the battlefield)? tapped/.test(line)) effects.push({ kind: 'entersTapped' });
  // Modular N: the creature enters with N +1/+1 counters.
  m = line.match(/^modular (\d+)$/);
  if (m) effects.push({ kind: 'entersWithCounters', counter: '+1/+1', count: Number(m[1]) });
  m = line.match(new RegExp(String.raw`^each ((?:other )?[a-z ,-]*?creatures?(?: you control)?[a-z ]*?) enters(?: the battlefield)? with ${AMOUNT} additional ([+-]\d/[+-]\d|[a-z]+) counters? on it`));
  if (m) effects.push({ kind: 'othersEnterWithCounters', counter: m[3], count: parseAmount(m[2]) as number, filter: parseObjectFilter(m[1]) });
  if (/^~ can't attack during extra turns/.test(line)) effects.push({ kind: 'noAttackInExtraTurns' });
  m = line.match(/^([a-z ]+?) entering(?: the battlefield)?( or dying)? don't cause abilities to trigger/);
  if (m) effects.push({ kind: 'suppressTriggers', events: m[2] ? ['enters', 'dies'] : ['enters'], filter: parseObjectFilter(m[1]) });
  const floor = /can't reduce (?:the mana in )?that cost to less than one mana/.test(line) ? 1 : 0;
  m = line.match(/^(enchanted|equipped) [a-z]+'s activated abilities cost \{(\d+)\} less to activate/);
  if (m) effects.push({ kind: 'costReduction', appliesTo: 'activated', filter: { kind: 'attached' }, amount: Number(m[2]), floor });
  m = line.match(/activated abilities of ([^.]+?) cost \{(\d+)\} less to activate/);
  if (m) effects.push({ kind: 'costReduction', appliesTo: 'activated', filter: parseTarget(`all ${m[1]}`), amount: Number(m[2]), floor });
  m = line.match(/^abilities you activate that aren't mana abilities cost \{(\d+)\} less to activate/);
  if (m) effects.push({ kind: 'costReduction', appliesTo: 'activated', filter: { kind: 'all', filter: { controller: 'you' } }, amount: Number(m[1]), floor, nonManaOnly: true });
  m = line.match(/^~ gets \+(\d+)\/\+(\d+) for each (colou?r among )?([^.]+?)\.?$/);
  if (m) {
    const counted = parseObjectFilter(m[4]);
    effects.push({ kind: 'anthem', power: Number(m[1]), toughness: Number(m[2]), to: { kind: 'self' }, per: m[3] ? { coloursAmong: counted } : { countOf: counted } });
  }
  if (/^you may spend mana as though it were mana of any colou?r/.test(line)) effects.push({ kind: 'spendAsAnyColour' });
  m = line.match(/^if you tap a permanent for mana, it produces (twice|three times) as much of that mana instead/);
  if (m) effects.push({ kind: 'manaMultiplier', factor: m[1] === 'twice' ? 2 : 3 });
  m = line.match(/^([^.]*?)spells? (?:you cast )?(?:[a-z ]+ )?costs? \{(\d+)\} less to cast/);
  if (m) effects.push({ kind: 'costReduction', appliesTo: 'spells', filter: parseTarget(`all ${m[1]}`), amount: Number(m[2]), floor });
  m = line.match(/^(-1\/-1 counters|\+1\/\+1 counters|counters) can't be put on ([^.]+)/);
  if (m) effects.push({ kind: 'preventCounters', counter: m[1] === 'counters' ? 'any' : m[1].split(' ')[0], filter: parseObjectFilter(m[2]) });
  m = line.match(/^([^.]+?) can't have (-1\/-1 |\+1\/\+1 )?counters put on (?:them|it)/);
  if (m) effects.push({ kind: 'preventCounters', counter: m[2]?.trim() || 'any', filter: parseObjectFilter(m[1]) });
  m = line.match(/if one or more (-1\/-1|\+1\/\+1) counters would be put on ([^,]+), that many [^.]* minus one are put on it instead/);
  if (m) effects.push({ kind: 'reduceCounters', counter: m[1], by: 1, filter: parseObjectFilter(m[2]) });
  if (/creates? twice that many (?:of those )?tokens/.test(line)) effects.push({ kind: 'tokenDoubler' });
  m = line.match(/causes? a triggered ability of a permanent you control to trigger, that ability triggers an additional time/);
  if (m) effects.push({ kind: 'triggerDoubler', event: /entering/.test(line) ? 'enters' : /dying/.test(line) ? 'dies' : undefined });
  if (/twice that many (?:of each kind of )?(?:of those )?counters|that many plus one [+\-/\d]+ counters/.test(line)) effects.push({ kind: 'counterDoubler' });
  if (/^untap all [^.]+ you control during each other player's untap step/.test(line)) effects.push({ kind: 'untapsDuringOtherUntapSteps' });
  m = line.match(/^you may have ~ enter(?: the battlefield)? as a copy of (?:any |an? )?([a-z ]+?) on the battlefield(?:, except (?:it has|it's|its) (.+?))?\.?$/);
  if (m) effects.push({ kind: 'entersAsCopy', filter: parseObjectFilter(m[1]), except: m[2]?.startsWith('"') ? readGranted(m[2].replace(/^"|"\.?$/g, '')) : [] });
  // "Enchant creature with another Aura attached to it": the host is still a creature.
  m = line.match(/^enchant ([a-z ]+?)(?: with another aura attached to it)?$/);
  if (m) effects.push({ kind: 'attachRestriction', filter: parseObjectFilter(m[1]) });
  m = line.match(/^(enchanted|equipped) ([a-z]+) (?:gets [^"]*? and )?(?:has|gains) "(.+)"/);
  // Each quoted ability is its own ("has "{2}, {T}: ..." and "Whenever a creature dies, untap this creature."").
  if (m) effects.push({ kind: 'grant', to: { kind: 'attached' }, abilities: [...`"${m[3]}"`.matchAll(/"([^"]+)"/g)].flatMap((q) => readGranted(q[1])), keywords: [] });
  m = line.match(/^(enchanted|equipped) ([a-z]+) (?:is [a-z]+, )?gets ([+-]\d+)\/([+-]\d+)/);
  if (m) effects.push({ kind: 'anthem', power: Number(m[3]), toughness: Number(m[4]), to: { kind: 'attached' } });
  m = line.match(/^(enchanted|equipped) ([a-z]+) (?:is [a-z]+, )?(?:gets [^."]*? and )?(?:has|gains) ([a-z, ]+)\.?$/);
  if (m && keywordsIn(m[3]).length) effects.push({ kind: 'grant', to: { kind: 'attached' }, abilities: [], keywords: keywordsIn(m[3]) });
  // Keywords and a quoted ability together: "has lifelink and "Whenever this creature ..."".
  m = line.match(/^(enchanted|equipped) ([a-z]+) (?:gets [^."]*? and )?(?:has|gains) ([a-z, ]+?),? and "(.+)"\.?$/);
  if (m && keywordsIn(m[3]).length) effects.push({ kind: 'grant', to: { kind: 'attached' }, abilities: readGranted(m[4]), keywords: keywordsIn(m[3]) });
  m = line.match(/^((?:all |other )?[a-z ,/-]*?[a-z]+s(?: creatures)?(?: you control)?) (?:get ([+-]\d+)\/([+-]\d+))?(?: and )?(?:(?:have|gain) ("[^"]+"|[^.]+))?\.?$/);
  if (m && (m[2] || m[4]) && isGroupOfPermanents(m[1])) {
    const to = parseTarget(`all ${m[1]}`);
    if (m[2]) effects.push({ kind: 'anthem', power: Number(m[2]), toughness: Number(m[3]), to });
    if (m[4]) {
      const quoted = m[4].match(/"(.+)"/);
      effects.push({ kind: 'grant', to, abilities: quoted ? readGranted(quoted[1]) : [], keywords: keywordsIn(m[4]) });
    }
  }
  return effects;
}
