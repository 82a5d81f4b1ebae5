import type { Ability, Cost, Effect, ParsedCard, Trigger } from '../model/ability';
import type { LoopCard } from '../model/loop-card';
import { looksLikeCost, readCosts } from './costs';
import { AMOUNT, parseAmount } from './amounts';
import { lastGroup, readEffects, type EffectContext } from './effects';
import { KNOWN_KEYWORDS } from './keywords';
import { parseManaCost } from './mana-cost';
import { parseObjectFilter, parseTarget } from './object-filter';
import { faceTexts, normaliseSelfReferences, sentences } from './oracle-text';
import { readStatic } from './statics';
import { readTrigger } from './triggers';

interface ReadBody {
  effects: Effect[];
  unread: string[];
  oncePerTurn: boolean;
  sorcerySpeed: boolean;
  optional: boolean;
}

const LIMITS = [
  { pattern: /activate (?:this ability )?only once each turn|this ability triggers only once each turn/, flag: 'oncePerTurn' },
  { pattern: /activate (?:this ability )?only as a sorcery|activate only any time you could cast a sorcery/, flag: 'sorcerySpeed' },
] as const;

const DELAYED_RETURN = /^when (target [^,]+?) (?:dies|is put into (?:a|your) graveyard(?: from the battlefield)?) this turn, return (?:that card|it) to the battlefield/;

function readBody(body: string, readAs: EffectContext): ReadBody {
  let context = readAs;
  const read: ReadBody = { effects: [], unread: [], oncePerTurn: false, sorcerySpeed: false, optional: /\byou may\b/.test(body) };
  for (const sentence of sentences(body)) {
    const limit = LIMITS.find((l) => l.pattern.test(sentence));
    if (limit) {
      read[limit.flag] = true;
      continue;
    }
    // Instant speed is every ability's speed already.
    if (/^activate (?:this ability )?only as an instant\.?$/.test(sentence)) continue;
    // Any other restriction ("activate only if it's not your turn") is not modelled: kept as unread, never ignored.
    if (/^activate (?:this ability )?only\b/.test(sentence)) {
      read.unread.push(sentence);
      continue;
    }
    // A delayed trigger that brings a creature back once it dies ("when target creature dies this turn, return that card to the battlefield").
    const delayedReturn = sentence.match(DELAYED_RETURN);
    if (delayedReturn) {
      read.effects.push({ kind: 'returnWhenDies', target: parseTarget(delayedReturn[1]) });
      continue;
    }
    // Other one-shot delayed triggers are not modelled: never read them as immediate.
    // ("Whenever ... this turn" is a trigger for the turn, read by the effect templates.)
    if (/^when [^,]+ this turn, /.test(sentence)) {
      read.unread.push(sentence);
      continue;
    }
    const granted = sentence.match(/^(?:they|it|that token|those tokens|the tokens?) (?:each )?(?:have|has) "(.+)"\.?$/);
    const token = [...read.effects].reverse().find((e) => e.kind === 'createToken');
    if (granted && token?.kind === 'createToken') {
      token.grantedText = granted[1].replace(/\.$/, '.');
      continue;
    }
    // "If this is the third time this ability has resolved this turn, ...": the effects are read, the
    // condition is not, so it stays unread and no loop counts on the effects as unconditional.
    const condition = sentence.match(/^if (?!you do\b)([^,]+), /);
    if (condition) read.unread.push(`if ${condition[1]}`);
    const { effects, recognised } = readEffects(sentence, context);
    read.effects.push(...effects);
    if (/\btarget\b/.test(sentence)) context = { ...context, earlierTarget: true };
    const group = lastGroup(effects);
    if (group) context = { ...context, group };
    if (!recognised) read.unread.push(sentence);
  }
  return read;
}

/** Index of the colon that ends a cost, ignoring colons inside quoted granted abilities. */
function costColon(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    if (text[i] === ':' && !quoted) return i;
  }
  return -1;
}

function keywordLine(norm: string, cardKeywords: Set<string>): string[] | null {
  const items = norm.replace(/\.$/, '').split(/, |; /).map((item) => item.trim());
  const keywords: string[] = [];
  for (const item of items) {
    const known = [...KNOWN_KEYWORDS, ...cardKeywords].find((k) => item === k || item.startsWith(`${k} `) || item.startsWith(`${k}—`));
    if (!known) return null;
    keywords.push(item);
  }
  return keywords;
}

function readTriggered(norm: string, raw: string, face: string): Ability | null {
  const comma = norm.indexOf(', ');
  if (comma < 0) return null;
  const trigger: Trigger | null = readTrigger(norm.slice(0, comma));
  if (!trigger) return null;
  let body = norm.slice(comma + 2);
  const intervening = body.match(/^if it had no ([+-]1\/[+-]1) counters on it, /);
  if (intervening) {
    trigger.condition = { kind: 'noCounters', counter: intervening[1] };
    body = body.slice(intervening[0].length);
  }
  const countersHeld = body.match(new RegExp(String.raw`^if ~ has ${AMOUNT} or more ([a-z]+) counters on it, `));
  if (countersHeld) {
    trigger.condition = { kind: 'selfCounters', counter: countersHeld[2], atLeast: parseAmount(countersHeld[1]) as number };
    body = body.slice(countersHeld[0].length);
  }
  if (/^if ~ isn't a token, /.test(body)) {
    trigger.condition = { kind: 'notToken' };
    body = body.replace(/^if ~ isn't a token, /, '');
  }
  if (/^if it isn't a mana ability, /.test(body)) {
    trigger.condition = { kind: 'notManaAbility' };
    body = body.replace(/^if it isn't a mana ability, /, '');
  }
  if (/^if a permanent (?:you controlled )?left the battlefield under your control this turn, /.test(body)) {
    trigger.condition = { kind: 'leftThisTurn' };
    body = body.replace(/^if a permanent (?:you controlled )?left the battlefield under your control this turn, /, '');
  }
  const controlsNone = body.match(/^if you control no ([^,]+?), /);
  if (controlsNone) {
    trigger.condition = { kind: 'controlsNone', filter: { ...parseObjectFilter(controlsNone[1].replace(/ other than ~$/, '')), controller: 'you', another: / other than ~$/.test(controlsNone[1]) || undefined } };
    body = body.slice(controlsNone[0].length);
  }
  // A condition the parser does not know ("if it dealt combat damage to a player this turn") stays unread:
  // the effects after it must not count as unconditional.
  const unknownCondition = body.match(/^if [^,]+, /);
  if (unknownCondition) body = body.slice(unknownCondition[0].length);
  let optionalCost: Cost[] | undefined;
  const payment = body.match(/^you may pay ([^.]+?)\. if you do, /);
  if (payment) {
    optionalCost = readCosts(payment[1]) ?? undefined;
    body = body.slice(payment[0].length);
  }
  const context: EffectContext = { itMeans: trigger.subject?.self ? 'self' : 'eventObject' };
  // "You may exile it and collect evidence 4. If you do, ...": a price the parser cannot read stays unread.
  const choice = payment ? null : body.match(/^you may ([^.]+?)\. if you do, /);
  const unknownPrice = choice && !readEffects(`${choice[1]}.`, context).recognised ? choice : null;
  const read = readBody(body, context);
  if (unknownCondition) read.unread.unshift(unknownCondition[0].replace(/, $/, ''));
  if (unknownPrice) read.unread.unshift(`if you do (${unknownPrice[1]})`);
  return {
    kind: 'triggered', text: raw, face, trigger, effects: read.effects, unread: read.unread,
    optional: read.optional && !optionalCost, optionalCost,
    // "For the first time each turn", "your second card each turn", "... during each of your turns": once a turn.
    oncePerTurn: read.oncePerTurn || /\beach (?:of your )?turns?\b/.test(norm.slice(0, comma)),
  };
}

function readActivated(norm: string, raw: string, face: string): Ability | null {
  const colon = costColon(norm);
  if (colon < 0) return null;
  const costText = norm.slice(0, colon);
  if (!looksLikeCost(costText)) return null;
  const costs = readCosts(costText);
  if (!costs) return null;
  const read = readBody(norm.slice(colon + 1).trim(), { itMeans: 'self' });
  const loyalty = costs.some((c) => c.kind === 'loyalty');
  const addsManaOnly = read.effects.length > 0 && read.effects.every((e) => e.kind === 'addMana' || e.kind === 'doubleMana');
  return {
    kind: 'activated', text: raw, face, costs, effects: read.effects, unread: read.unread,
    oncePerTurn: read.oncePerTurn || loyalty, sorcerySpeed: read.sorcerySpeed || loyalty, loyalty,
    isManaAbility: addsManaOnly && !loyalty,
  };
}

function readKeywords(keywords: string[], raw: string, face: string): Ability[] {
  return keywords.map((item) => {
    const cost = item.match(/(\{[^}]+\})+/);
    const amount = item.match(/ (\d+)$/);
    const keyword = item.replace(/[ —].*$/, '');
    return {
      kind: 'keyword' as const, text: raw, face, unread: [], keyword,
      cost: cost ? parseManaCost(cost[0]) : undefined, amount: amount ? Number(amount[1]) : undefined,
    };
  });
}

/** `spellContext`: what a spell's earlier lines set up ("Fateful hour — ... those creatures gain indestructible"). */
function readLine(raw: string, face: string, isSpell: boolean, cardKeywords: Set<string>, spellContext: EffectContext = { itMeans: 'self' }): Ability[] | null {
  // An ability word ("Landfall — ", "Imprint — ") only names the ability that follows it.
  const withoutWord = raw.replace(/^[A-Z][A-Za-z' -]+ — (?=(When|Whenever|At|\{|[A-Z]))/, '');
  const norm = normaliseSelfReferences(withoutWord, face);
  const keywords = keywordLine(norm, cardKeywords);
  if (keywords) {
    const statics = keywords.flatMap((k) => readStatic(k, (text) => readGranted(text, raw, face, cardKeywords)));
    return [...readKeywords(keywords, raw, face), ...statics.map((effect) => ({ kind: 'static' as const, text: raw, face, effect, unread: [] }))];
  }
  if (/^(when|whenever|at) /.test(norm)) {
    const triggered = readTriggered(norm, raw, face);
    return triggered ? [triggered] : null;
  }
  const activated = readActivated(norm, raw, face);
  if (activated) return [activated];
  const statics = readStatic(norm, (text) => readGranted(text, raw, face, cardKeywords));
  if (statics.length) return statics.map((effect) => ({ kind: 'static' as const, text: raw, face, effect, unread: [] }));
  const inert = readBody(norm, spellContext);
  if (!isSpell && inert.unread.length === 0 && inert.effects.length === 0) {
    return [{ kind: 'static', text: raw, face, effect: { kind: 'inert' }, unread: [] }];
  }
  if (isSpell) {
    const read = inert;
    if (read.effects.length || read.unread.length < sentences(norm).length) {
      return [{ kind: 'spell', text: raw, face, effects: read.effects, unread: read.unread }];
    }
  }
  return null;
}

/** A granted ability is quoted by the line that grants it, the exact oracle text a player can point at. */
function readGranted(text: string, grantingLine: string, face: string, cardKeywords: Set<string>): Ability[] {
  return (readLine(text, face, false, cardKeywords) ?? []).map((ability) => ({ ...ability, text: grantingLine }));
}

/** Reads every face of a card into abilities; lines the parser cannot read are kept in `unparsed`. */
export function parseCardAbilities(card: LoopCard): ParsedCard {
  const abilities: Ability[] = [];
  const unparsed: { text: string }[] = [];
  const cardKeywords = new Set(card.keywords.map((k) => k.toLowerCase()));
  for (const face of faceTexts(card)) {
    const isSpell = /\b(instant|sorcery)\b/i.test(face.typeLine);
    let modal: Ability | null = null;
    let spellContext: EffectContext = { itMeans: 'self' };
    for (const line of face.lines) {
      if (line.startsWith('•') && modal && 'effects' in modal) {
        const read = readBody(normaliseSelfReferences(line.replace(/^•\s*/, ''), face.name), {
          itMeans: modal.kind === 'triggered' && !modal.trigger.subject?.self ? 'eventObject' : 'self',
        });
        modal.text = `${modal.text}\n${line}`;
        modal.modes = [...(modal.modes ?? []), read.effects];
        modal.unread.push(...read.unread);
        continue;
      }
      const read = readLine(line, face.name, isSpell, cardKeywords, spellContext);
      const group = lastGroup(read?.flatMap((a) => (a.kind === 'spell' ? a.effects : [])) ?? []);
      if (group) spellContext = { ...spellContext, group };
      if (!read) {
        unparsed.push({ text: line });
        modal = null;
        continue;
      }
      abilities.push(...read);
      modal = read[read.length - 1];
      for (const ability of read) for (const sentence of ability.unread) unparsed.push({ text: sentence });
    }
  }
  return { name: card.name, abilities, unparsed };
}

/** Share of abilities read completely, over a card pool: the parser's coverage figure. */
export function parsedAbilityShare(cards: LoopCard[]): { parsed: number; total: number; share: number } {
  let parsed = 0;
  let total = 0;
  for (const card of cards) {
    const result = parseCardAbilities(card);
    const read = result.abilities.filter((a) => a.kind !== 'keyword');
    const unreadSentences = read.reduce((sum, a) => sum + a.unread.length, 0);
    parsed += read.filter((a) => a.unread.length === 0).length;
    total += read.length + result.unparsed.length - unreadSentences;
  }
  return { parsed, total, share: total === 0 ? 1 : parsed / total };
}
