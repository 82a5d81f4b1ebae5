import type { ObjectFilter, Trigger } from '../model/ability';
import { parseObjectFilter } from './object-filter';

const SELF: ObjectFilter = { self: true };
const ATTACHED: ObjectFilter = { attached: true };

function subject(phrase: string): ObjectFilter {
  const text = phrase.trim();
  if (text === '~') return SELF;
  // "~ or another creature you control": the card itself is one of the creatures it counts.
  const selfOrOthers = text.match(/^~ or (?:another|other) (.+)$/);
  if (selfOrOthers) return parseObjectFilter(selfOrOthers[1].replace(/^(one or more|a|an)\s+/, ''));
  if (/^(?:enchanted|equipped) [a-z]+$/.test(text)) return ATTACHED;
  return parseObjectFilter(text.replace(/^(one or more|a|an)\s+/, ''));
}

/** "a red creature spell": the types and colours a cast trigger asks of the spell. */
function spellFilter(phrase: string): Pick<Trigger, 'spellTypes' | 'spellColours'> {
  const filter = parseObjectFilter(phrase);
  return { spellTypes: filter.types, spellColours: filter.colours };
}

const SUBJECT = String.raw`(~ or (?:another|other) [a-z ,'/-]+?|~|enchanted creature|equipped creature|(?:one or more |a |an |another )?[a-z ,'/-]+?)`;

/** Trigger templates over the normalised trigger clause ("whenever another creature you control dies"). */
const TRIGGERS: [RegExp, (m: RegExpMatchArray) => Trigger][] = [
  [/^whenever you cast or copy (?:an? )?([a-z ]+?) spell/, (m) => ({ event: 'castOrCopy', player: 'you', ...spellFilter(m[1]) })],
  [/^whenever (?:you|a player) cast(?:s)? (?:your first |your second )?(?:an? )?([a-z ]*?)spell/, (m) => ({ event: 'cast', player: 'you', ...spellFilter(m[1]) })],
  [/^whenever you activate an ability/, () => ({ event: 'activate', player: 'you' })],
  [/^whenever an ability of (.+?) is activated/, (m) => ({ event: 'activate', player: 'you', subject: subject(m[1]) })],
  [/^whenever you gain life/, () => ({ event: 'gainLife', player: 'you' })],
  [/^whenever (an opponent|a player|each opponent|target opponent) loses life/, (m) => ({ event: 'loseLife', player: m[1] === 'a player' ? 'any' : 'opponent' })],
  [/^whenever you lose life/, () => ({ event: 'loseLife', player: 'you' })],
  [/^whenever (you|a player|an opponent) draws? (?:a|your \w+) card/, (m) => ({ event: 'draw', player: m[1] === 'you' ? 'you' : m[1] === 'an opponent' ? 'opponent' : 'any' })],
  [/^whenever (?:you create )?(?:one or more |a )?(?:[a-z ]*?)tokens?(?: (?:are|is) created| enters?| you control enters?)/, () => ({ event: 'tokenCreated', player: 'you' })],
  [/^whenever you create (?:one or more |a )?[a-z ]*?tokens?/, () => ({ event: 'tokenCreated', player: 'you' })],
  [/^whenever (?:one or more )?(\+1\/\+1|-1\/-1|[a-z]+)? ?counters? (?:are|is) put on (.+)/, (m) => ({ event: 'countersPut', subject: subject(m[2]) })],
  [/^whenever you put (?:one or more )?(\+1\/\+1|-1\/-1|[a-z]+)? ?counters? on (.+)/, (m) => ({ event: 'countersPut', subject: subject(m[2]) })],
  [/^whenever you sacrifice (.+)/, (m) => ({ event: 'sacrifice', subject: subject(m[1]) })],
  [/^whenever a land's ability causes you to add (?:one or more )?mana/, () => ({ event: 'tappedForMana', subject: { types: ['land'] } })],
  [/^whenever (?:you tap|a player taps) (.+?) for mana/, (m) => ({ event: 'tappedForMana', subject: subject(m[1]) })],
  [/^whenever (.+?) (?:is|are) tapped for mana/, (m) => ({ event: 'tappedForMana', subject: subject(m[1]) })],
  [/^whenever (.+?) becomes tapped/, (m) => ({ event: 'becomesTapped', subject: subject(m[1]) })],
  [/^whenever (.+?) becomes untapped/, (m) => ({ event: 'becomesUntapped', subject: subject(m[1]) })],
  [/^whenever (.+?) (?:is|are) dealt damage/, (m) => ({ event: 'dealtDamage', subject: subject(m[1]) })],
  [/^whenever (?:a|one or more) cards? (?:is|are) put into an opponent's graveyard from anywhere/, () => ({ event: 'opponentGraveyard', player: 'opponent' })],
  [/^whenever (.+?) deals (combat )?damage/, (m) => ({ event: 'dealsDamage', subject: subject(m[1]), ...(m[2] && { combatOnly: true }) })],
  [new RegExp(String.raw`^when(?:ever)? ${SUBJECT} enters(?: the battlefield)? or attacks`), (m) => ({ event: 'enters', subject: subject(m[1]) })],
  [/^whenever (.+?) attacks/, (m) => ({ event: 'attacks', subject: subject(m[1]) })],
  [/^whenever (?:a |an )?(?:land|lands) (?:you control )?enters?(?: the battlefield)?(?: under your control)?/, () => ({ event: 'enters', subject: { types: ['land'], controller: 'you' } })],
  [new RegExp(String.raw`^when(?:ever)? ${SUBJECT} (?:enters|enter)(?: the battlefield)?(?: or (?:dies|leaves the battlefield))?(?: under your control)?`), (m) => ({ event: 'enters', subject: subject(m[1]) })],
  [new RegExp(String.raw`^when(?:ever)? ${SUBJECT} (?:dies|die|is put into (?:a|your) graveyard from (?:the battlefield|anywhere))`), (m) => ({ event: 'dies', subject: subject(m[1]) })],
  [new RegExp(String.raw`^when(?:ever)? ${SUBJECT} leaves? the battlefield`), (m) => ({ event: 'leaves', subject: subject(m[1]) })],
  [/^whenever (?:you|a player) mills?/, () => ({ event: 'mill', player: 'you' })],
  [/^whenever (?:you|a player) discards?/, () => ({ event: 'discard', player: 'you' })],
  [/^at the beginning of (?:your |each |the )?(?:next )?([a-z' ]+)/, (m) => ({ event: 'beginningOfStep', step: m[1].trim() })],
];

/** Reads the trigger clause of a triggered ability; null when unknown. */
export function readTrigger(clause: string): Trigger | null {
  for (const [pattern, build] of TRIGGERS) {
    const match = clause.match(pattern);
    if (match) return build(match);
  }
  return null;
}
