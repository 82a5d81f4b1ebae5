import type { Amount, Effect, ManaSymbol, Target } from '../model/ability';
import { AMOUNT, parseAmount } from './amounts';
import { parseObjectFilter, parseTarget } from './object-filter';
import { readTrigger } from './triggers';

/** What "it" and "that creature" mean in the ability being read. */
export interface EffectContext {
  itMeans: 'self' | 'eventObject';
  /** An earlier effect of this ability chose a target, so "that permanent" and "it" may mean that object. */
  earlierTarget?: boolean;
  /** The group an earlier effect acted on ("creatures you control get +1/+1"), which "those creatures" means. */
  group?: Target;
}

const GROUP_REFERENCE = /^(?:those (?:creatures|permanents)|they)$/;

const BACK_REFERENCE = /^(?:it|that (?:creature|permanent|land|artifact))$/;

type Builder = (match: RegExpMatchArray, context: EffectContext) => Effect | Effect[] | null;

const END = String.raw`(?=\.|,|;| and | then |$)`;
const PHRASE = String.raw`([^.;]+?)`;
const MANA_RUN = String.raw`((?:\{[wubrgc0-9]\})+)`;
const KEYWORDS = 'lifelink|haste|flying|indestructible|trample|vigilance|hexproof|deathtouch|first strike|double strike|menace|undying|persist|infect';

function manaSymbols(run: string): ManaSymbol[] {
  const symbols: ManaSymbol[] = [];
  for (const match of run.matchAll(/\{([wubrgc0-9])\}/g)) {
    const symbol = match[1];
    if (/\d/.test(symbol)) for (let i = 0; i < Number(symbol); i += 1) symbols.push('C');
    else symbols.push(symbol.toUpperCase() as ManaSymbol);
  }
  return symbols;
}

const SHARES_A_TYPE = /,? that shares? a creature type with (?:it|that creature)$/;

/** "~'s power", "its power", "that creature's power". */
const POWER_OF = /^(~|its|it|that creature|the creature)(?:'s)? power$/;

function countPhrase(phrase: string, context?: EffectContext): Amount {
  const power = phrase.trim().match(POWER_OF);
  if (power) return { powerOf: power[1] === '~' || !context ? 'self' : context.itMeans };
  const filter = parseObjectFilter(phrase.replace(/^the number of /, '').replace(SHARES_A_TYPE, ''));
  if (SHARES_A_TYPE.test(phrase)) filter.sharesCreatureTypeWithEvent = true;
  return { countOf: filter };
}

function target(phrase: string, context: EffectContext): Target {
  if (context.group && GROUP_REFERENCE.test(phrase.trim())) return context.group;
  if (context.earlierTarget && BACK_REFERENCE.test(phrase.trim())) return { kind: 'earlierTarget' };
  return parseTarget(phrase.replace(/^(?:up to one )?other /, 'another '), context.itMeans);
}

/**
 * "Return it to the battlefield transformed" (or flipped, or face down), or "... at the beginning of the
 * next end step" (or upkeep): not the same permanent back at once, so no loop may count on it. The
 * sentence is read, and does nothing here.
 */
function comesBackChanged(m: RegExpMatchArray): boolean {
  return /\btransformed\b|\bflipped\b|\bface down\b|\bat the beginning of\b/.test((m.input ?? '').slice(m.index ?? 0));
}

/** "Exile it and return target creature card from your graveyard": the card just exiled is not among them. */
function exiledFirst(m: RegExpMatchArray): boolean {
  return /\bexile (?:it|~|this creature)\b/.test((m.input ?? '').slice(0, m.index ?? 0));
}

function anotherThanSource(chosen: Target): Target {
  return chosen.kind === 'chosen' ? { ...chosen, filter: { ...chosen.filter, another: true } } : chosen;
}

function damageRecipient(phrase: string, context: EffectContext): Extract<Effect, { kind: 'damage' }>['to'] {
  const text = phrase.trim();
  if (text === 'itself') return 'self';
  if (!context.earlierTarget && BACK_REFERENCE.test(text)) return context.itMeans;
  if (/^the chosen player$|^target player or planeswalker$|^any target that isn't/.test(text)) return 'opponent';
  if (/^any other target$/.test(text)) return 'any other';
  if (/its controller$/.test(text)) return 'you';
  if (/any target|target creature or player|any one target/.test(phrase)) return 'any';
  if (/each opponent|each player/.test(phrase)) return 'each opponent';
  if (/target (opponent|player)|that player|defending player/.test(phrase)) return 'opponent';
  if (/each creature|each other creature/.test(phrase)) return 'each creature';
  if (/^you$|to you\b/.test(phrase)) return 'you';
  return 'creature';
}

function player(phrase: string | undefined): Extract<Effect, { kind: 'loseLife' }>['who'] {
  const text = (phrase ?? '').trim();
  if (!text || text === 'you') return 'you';
  if (/each opponent/.test(text)) return 'each opponent';
  if (/each player/.test(text)) return 'each player';
  if (/target player/.test(text)) return 'target player';
  return 'opponent';
}

function turnTrigger(text: string, clause: string, body: string): Effect | null {
  const trigger = readTrigger(clause);
  if (!trigger) return null;
  const { effects } = readEffects(body, { itMeans: 'eventObject' });
  return { kind: 'turnTrigger', ability: { kind: 'triggered', text, face: '', unread: [], trigger, effects, optional: false, oncePerTurn: false } };
}

const INERT = new RegExp(
  [
    String.raw`\bregenerate\b`, String.raw`can't be regenerated`, String.raw`counter target [^.]*spell`, String.raw`can't be countered`,
    String.raw`can't (?:attack|block)`, String.raw`can't be blocked`, String.raw`attacks? each (?:combat|turn) if able`, String.raw`blocks? each combat if able`,
    String.raw`\btransform\b`, String.raw`you get (?:\{e\})+`, String.raw`become the monarch`, String.raw`venture into the dungeon`,
    String.raw`flip a coin`, String.raw`roll a (?:d\d+|six-sided die)`, String.raw`\bprevent (?:all|the next)`, String.raw`attach (?:it|~) to`,
    String.raw`^level \d`, String.raw`activate only (?:during|if|before|as an instant)`, String.raw`any player may activate`, String.raw`put the rest`,
    String.raw`exile the top [a-z ]*cards? of your library`, String.raw`you may look at the top card`, String.raw`no maximum hand size`,
    String.raw`choose a (?:creature type|color|card name|number|player|opponent)`, String.raw`\bexplores?\b`, String.raw`the ring tempts you`,
    String.raw`take the initiative`, String.raw`clash with`, String.raw`can block only`, String.raw`can block an additional`,
    String.raw`can be your commander`, String.raw`play an additional land`, String.raw`it's still a land`, String.raw`open an attraction`,
    String.raw`if this card is in your opening hand`, String.raw`power and toughness are each equal to`, String.raw`can't be the target`,
    String.raw`has hexproof`, String.raw`^(?:flying|haste|vigilance|trample|lifelink|deathtouch|reach|menace|hexproof|indestructible)$`,
    String.raw`exile ~`, String.raw`goad `, String.raw`connive`, String.raw`amass `, String.raw`\bmanifest\b`, String.raw`populate`,
    String.raw`for as long as`, String.raw`you control enchanted`, String.raw`tap enchanted`, String.raw`discards? (?:that|a) card`,
    String.raw`choose not to untap`, String.raw`skip (?:your|that player's)`, String.raw`\bfight`, String.raw`lose all abilities`,
    String.raw`put (?:it|that card|target [^.]*|them) (?:into|on|onto) (?:your|its owner's|their) (?:hand|library|graveyard)`,
    String.raw`put (?:it|that card|target [^.]*card[^.]*|them) onto the battlefield`, String.raw`return [^.]* to (?:the top|the bottom)`,
  ].join('|'),
  'g',
);

const TOKEN_KINDS = /\b(treasure|food|clue|blood|map|powerstone|gold|incubator|junk|lander|mutagen)\b/;

/** Each template: a pattern over one normalised sentence and how to read it. Order matters: earlier wins overlaps. */
const TEMPLATES: [RegExp, Builder][] = [
  // A trigger the player gets for the rest of the turn ("until end of turn, whenever you gain life, ...").
  [/^(?:until end of turn, (whenever [^,]+)|(whenever [^,]+?) this turn), ([^.]+)/g, (m) => turnTrigger(m[0], m[1] ?? m[2], m[3])],
  // Mana.
  [/(?:that player )?adds? one (?:additional )?mana of any type that (?:land|permanent) produced|adds? one additional mana of that colou?r/g, () => ({ kind: 'addMana', amount: 1, symbols: ['*'], choice: 'one', ofEventType: true })],
  [
    /for each colou?r among ((?!monocolou?red)[a-z ]+?), add one mana of that colou?r/g,
    (m) => ({ kind: 'addMana', amount: { coloursAmong: parseObjectFilter(m[1]) }, symbols: ['*'], choice: 'all' }),
  ],
  [/double the amount of each type of unspent mana you have/g, () => ({ kind: 'doubleMana' })],
  [new RegExp(String.raw`adds? (?:an additional |one additional )?${AMOUNT} mana of any (?:one )?(?:colou?r|type)[^.]*`, 'g'), (m) => ({ kind: 'addMana', amount: parseAmount(m[1]), symbols: ['*'], choice: 'one' })],
  [new RegExp(String.raw`add ${AMOUNT} mana in any combination of colou?rs`, 'g'), (m) => ({ kind: 'addMana', amount: parseAmount(m[1]), symbols: ['*'], choice: 'one' })],
  [/adds? (?:an amount of |x |an additional )?((?:\{[wubrgc]\})+) (?:equal to|for each) ([^.]+)/g, (m, c) => ({ kind: 'addMana', amount: countPhrase(m[2], c), symbols: manaSymbols(m[1]), choice: 'all' })],
  [/add ((?:\{[wubrgc0-9]\}(?:, )?)+),? or ((?:\{[wubrgc0-9]\})+)/g, (m) => ({ kind: 'addMana', amount: manaSymbols(m[2]).length, symbols: [...manaSymbols(m[1]), ...manaSymbols(m[2])], choice: 'one' })],
  [new RegExp(String.raw`adds? (?:an additional )?${MANA_RUN}`, 'g'), (m) => ({ kind: 'addMana', amount: manaSymbols(m[1]).length, symbols: manaSymbols(m[1]), choice: 'all' })],
  [/spend this mana only [^.]+/g, () => null],
  // Untapping and tapping.
  [new RegExp(String.raw`tap or untap ${PHRASE}${END}`, 'g'), (m, c) => ({ kind: 'tapOrUntap', target: target(m[1], c) })],
  [new RegExp(String.raw`\buntap ${PHRASE}${END}`, 'g'), (m, c) => ({ kind: 'untap', target: target(m[1], c) })],
  [new RegExp(String.raw`\btap (target|all|each|up to|another|~|it|that)${PHRASE}${END}`, 'g'), (m, c) => ({ kind: 'tap', target: target(m[1] + m[2], c) })],
  // Tokens.
  [
    new RegExp(String.raw`create ${AMOUNT} (tapped )?tokens? that(?:'s| are) (?:a )?cop(?:y|ies) of ${PHRASE}(?=\.|$|, except| and )(, except [^.]+)?`, 'g'),
    (m, c) => ({
      kind: 'createToken', count: parseAmount(m[1]), tapped: Boolean(m[2]), copyOf: target(m[3], c),
      haste: /haste/.test(m[4] ?? ''), description: 'copy', creature: true,
    }),
  ],
  [
    new RegExp(String.raw`create ${AMOUNT} (tapped )?([^.]*?)tokens?(?: with ([^.]+?))?${END}`, 'g'),
    (m) => {
      const description = m[3].trim();
      const pt = description.match(/(\d+)\/(\d+)/);
      const kind = description.match(TOKEN_KINDS);
      return {
        kind: 'createToken', count: parseAmount(m[1]), tapped: Boolean(m[2]), haste: /haste/.test(`${description} ${m[4] ?? ''}`),
        description: kind ? kind[1] : description, creature: /creature/.test(description) || Boolean(pt),
        power: pt ? Number(pt[1]) : undefined, toughness: pt ? Number(pt[2]) : undefined,
      };
    },
  ],
  [/(?:that token|those tokens|the tokens?|they) gains? haste/g, () => ({ kind: 'grantKeyword', keyword: 'haste', target: { kind: 'eventObject' } })],
  [/(?:exile|sacrifice) (?:it|that token|those tokens|them|the token) at the beginning of the next end step/g, () => null],
  // Damage and life.
  [new RegExp(String.raw`deals? ${AMOUNT} damage to ${PHRASE}${END}`, 'g'), (m, c) => ({ kind: 'damage', amount: parseAmount(m[1]), to: damageRecipient(m[2], c) })],
  [
    new RegExp(String.raw`deals? damage equal to ([^.]+?) to ${PHRASE}${END}`, 'g'),
    (m, c) => ({ kind: 'damage', amount: POWER_OF.test(m[1]) ? countPhrase(m[1], c) : 'X', to: damageRecipient(m[2], c) }),
  ],
  [new RegExp(String.raw`(?:you |~ )?gains? ${AMOUNT} life`, 'g'), (m) => ({ kind: 'gainLife', amount: parseAmount(m[1]) })],
  [/(?:you )?gain life equal to [^.]+/g, () => ({ kind: 'gainLife', amount: 'X' })],
  [
    new RegExp(String.raw`(each opponent|target opponent|target player|each player|that player|that opponent|defending player|you|each other player) loses? ${AMOUNT} life`, 'g'),
    (m) => ({ kind: 'loseLife', amount: parseAmount(m[2]), who: player(m[1]) }),
  ],
  [/(each opponent|target opponent|target player|each player|that player) loses life equal to [^.]+/g, (m) => ({ kind: 'loseLife', amount: 'X', who: player(m[1]) })],
  // Cards.
  [new RegExp(String.raw`(?:(you|target player|each player|that player|target opponent|each opponent) )?draws? ${AMOUNT} cards?`, 'g'), (m) => ({ kind: 'draw', count: parseAmount(m[2]), who: player(m[1]) })],
  [/(?:(you|target player|each player|that player|target opponent|each opponent) )?draws? cards equal to [^.]+/g, (m) => ({ kind: 'draw', count: 'X', who: player(m[1]) })],
  [new RegExp(String.raw`(?:(you|target player|each player|that player|target opponent|each opponent) )?mills? ${AMOUNT} cards?`, 'g'), (m) => ({ kind: 'mill', count: parseAmount(m[2]), who: player(m[1]) })],
  [/(?:(you|target player|each player|that player|target opponent|each opponent) )?mills? cards equal to [^.]+/g, (m) => ({ kind: 'mill', count: 'X', who: player(m[1]) })],
  [new RegExp(String.raw`put the top ${AMOUNT} cards? of (your|target player's|each player's|that player's|their) library into`, 'g'), (m) => ({ kind: 'mill', count: parseAmount(m[1]), who: player(m[2] === 'your' ? 'you' : 'target player') })],
  [/\bdiscards? (?:a|one|two|three|x|that many|\d+) cards?|discards? (?:your|their) hand/g, () => ({ kind: 'discard' })],
  // Counters.
  [
    new RegExp(String.raw`put ${AMOUNT} (?:additional )?([+-]\d+/[+-]\d+|[a-z]+) counters? on ${PHRASE}${END}`, 'g'),
    (m, c) => ({ kind: 'putCounters', counter: m[2], count: parseAmount(m[1]), target: target(m[3], c) }),
  ],
  [
    new RegExp(String.raw`remove (all|${AMOUNT.slice(1, -1)}) ([+-]\d+/[+-]\d+|[a-z]+) counters? from ${PHRASE}${END}`, 'g'),
    (m, c) => ({ kind: 'removeCounters', counter: m[2], count: m[1] === 'all' ? 'X' : parseAmount(m[1]), target: target(m[3], c) }),
  ],
  [/\bproliferate\b/g, () => ({ kind: 'proliferate' })],
  [/choose a counter on (target [a-z]+)(?: or player)?/g, (m, c) => ({ kind: 'counterOfHeldKind', target: target(m[1], c) })],
  [/give that [a-z ]+ another counter of that kind/g, () => null],
  [/\badapt (\d+)/g, (m) => ({ kind: 'putCounters', counter: '+1/+1', count: Number(m[1]), target: { kind: 'self' } })],
  // Zone changes.
  [
    new RegExp(String.raw`exile ${PHRASE},? (?:then|and) return (?:it|that card|those cards|them|the exiled card|that creature)[^.]*? to the battlefield`, 'g'),
    (m, c) => (comesBackChanged(m) ? null : { kind: 'flicker', target: target(m[1], c) }),
  ],
  [
    new RegExp(String.raw`return ${PHRASE} (?:card )?from (?:your|a|its owner's) graveyard to the battlefield`, 'g'),
    (m, c) => ({ kind: 'reanimate', target: exiledFirst(m) ? anotherThanSource(target(m[1], c)) : target(m[1], c) }),
  ],
  [
    /return (it|that card|~|that creature|the exiled card) to the battlefield(?: under [^.]*? control)?(?: with (a|an|two) ([+-]\d\/[+-]\d|[a-z]+) counters? on it)?/g,
    (m, c) =>
      comesBackChanged(m)
        ? null
        : { kind: 'reanimate', target: parseTarget(m[1], c.itMeans), counters: m[3] ? { counter: m[3], count: parseAmount(m[2]) as number } : undefined },
  ],
  [
    /put (target [^.]*?card) from (?:your|a) graveyard onto the battlefield/g,
    (m, c) => ({ kind: 'reanimate', target: target(m[1], c) }),
  ],
  [
    /put (target [^.]*?card) from (?:your|a) graveyard on (?:top of|the top or bottom of|your choice of the top or bottom of) (?:your|its owner's) library/g,
    (m, c) => ({ kind: 'putOnLibrary', target: target(m[1], c) }),
  ],
  [
    /(?:shuffle|put) (it|~|that card|all creature cards(?: of that type)? from your graveyard) (?:into|on the top or bottom of|on the bottom of) (?:its owner's|your|their) library/g,
    (m, c) => ({ kind: 'toLibrary', target: m[1].startsWith('all') ? { kind: 'all', filter: { types: ['creature'] } } : parseTarget(m[1], c.itMeans) }),
  ],
  [
    /search (?:your|their) library for a card with the same name as (that creature|it|~)[^.]*?,? (?:and )?put (?:it|that card) onto the battlefield/g,
    (m, c) => ({ kind: 'fetchSameName', target: parseTarget(m[1], c.itMeans) }),
  ],
  [new RegExp(String.raw`return ${PHRASE} from (?:your|a) graveyard to (?:your|its owner's) hand`, 'g'), (m, c) => ({ kind: 'returnFromGraveyardToHand', target: target(m[1], c) })],
  [new RegExp(String.raw`return ${PHRASE} to (?:(?:its|their) owner'?s'? hands?|your hand)`, 'g'), (m, c) => ({ kind: 'bounce', target: target(m[1], c) })],
  [new RegExp(String.raw`\bsacrifice ${PHRASE}${END}`, 'g'), (m, c) => ({ kind: 'sacrifice', target: target(m[1], c) })],
  [new RegExp(String.raw`\bdestroy ${PHRASE}${END}`, 'g'), (m, c) => ({ kind: 'destroy', target: target(m[1], c) })],
  [
    /exile (?:an?|up to one) ([a-z ]+?) card (?:with mana value (\d+|x)(?: or less)? )?from your hand/g,
    (m) => ({ kind: 'imprint', filter: parseObjectFilter(m[1]), maxManaValue: m[2] && m[2] !== 'x' ? Number(m[2]) : undefined }),
  ],
  [/\bexile (?:target|another target|up to one target) [^.]+/g, () => null],
  // Copies.
  [/copy (?:the exiled card|a card exiled with ~)/g, () => ({ kind: 'castImprinted' })],
  [/cast the copy/g, () => null],
  [/copy (?:that|target|it|the) (?:activated or triggered )?(?:activated |triggered )?ability/g, () => ({ kind: 'copyAbility' })],
  [/copy (?:target|that|it|the|each)(?: [a-z ]+)? spell|\bcopy it\b/g, () => ({ kind: 'copySpell' })],
  [/you may choose new targets for the cop(?:y|ies)/g, () => null],
  // Turns and combat.
  [/takes? an extra turn/g, () => ({ kind: 'extraTurn' })],
  [/\byou skip your next turn/g, () => ({ kind: 'skipTurn' })],
  [/additional combat phase/g, () => ({ kind: 'extraCombat' })],
  // Pumps and keywords.
  [
    /([^.,]*?)\bgets? ([+-](?:\d+|x))\/([+-](?:\d+|x)) until end of turn/g,
    (m, c) => ({ kind: 'pump', power: parseAmount(m[2].replace(/^[+]/, '')), toughness: parseAmount(m[3].replace(/^[+]/, '')), target: target(m[1].trim() || '~', c) }),
  ],
  [
    new RegExp(String.raw`([^.,]*?)\bgains? (${KEYWORDS})(?:,? and (?:${KEYWORDS}))? until end of turn`, 'g'),
    (m, c) => ({ kind: 'grantKeyword', keyword: m[2], target: target(m[1].trim() || '~', c) }),
  ],
  [/([^.,]*?)\bbecomes? (white|blue|black|red|green) until end of turn/g, (m, c) => ({ kind: 'becomeColour', colour: m[2], target: target(m[1].trim() || '~', c) })],
  [/gain control of ([^.]+?)(?= until|\.|$)/g, (m, c) => ({ kind: 'gainControl', target: target(m[1], c) })],
  // Recognised but of no use to loops.
  [/\bscry \d+|\bsurveil \d+/g, () => ({ kind: 'scry' })],
  [/search (?:your|their|target player's) library/g, () => ({ kind: 'search' })],
  [/\binvestigate\b/g, () => ({ kind: 'createToken', count: 1, tapped: false, haste: false, description: 'clue', creature: false })],
  [/\b(?:then )?shuffles?\b|look at the top|reveal|choose one|choose two|choose one or more|if you do|you may|otherwise/g, () => null],
  // Text that matters to a game but never to a loop: read, so it is not reported as unparsed.
  [INERT, () => null],
];

const TYPE_WORD = String.raw`(?:artifact|creature|land|enchantment|planeswalker|battle)s?`;
const TYPE_LIST = new RegExp(String.raw`\b(${TYPE_WORD}), (${TYPE_WORD}),? (?:and/or|or|and) (${TYPE_WORD})\b`, 'g');

/** "artifact, creature, or land" → "artifact or creature or land", so a target phrase is not cut at its commas. */
function joinTypeLists(sentence: string): string {
  return sentence.replace(TYPE_LIST, '$1 or $2 or $3');
}

export interface ReadSentence {
  effects: Effect[];
  recognised: boolean;
}

/** Reads one sentence of effects. Templates may match several times ("each opponent loses 1 life and you gain 1 life"). */
export function readEffects(raw: string, context: EffectContext): ReadSentence {
  // Quoted abilities belong to the object that gets them, never to this ability: mask them, keeping positions.
  const quoted = raw.match(/"([^"]+)"/);
  const sentence = joinTypeLists(raw).replace(/"[^"]*"/g, (q) => `"${'q'.repeat(q.length - 2)}"`);
  const found: { at: number; end: number; effects: Effect[] }[] = [];
  let recognised = false;
  for (const [pattern, build] of TEMPLATES) {
    pattern.lastIndex = 0;
    for (const match of sentence.matchAll(pattern)) {
      const at = match.index ?? 0;
      const end = at + match[0].length;
      if (found.some((f) => at < f.end && end > f.at)) continue;
      const earlierTarget = context.earlierTarget || /\btarget\b/.test(sentence.slice(0, at));
      const built = build(match, earlierTarget ? { ...context, earlierTarget } : context);
      recognised = true;
      found.push({ at, end, effects: built === null ? [] : Array.isArray(built) ? built : [built] });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const effects = found.flatMap((f) => f.effects);
  if (quoted) for (const effect of effects) if (effect.kind === 'createToken' && !effect.copyOf) effect.grantedText = quoted[1];
  // "Spend this mana only ..." restricts the mana added in the same ability.
  const restriction = sentence.match(/spend this mana only (?:to |on )?([^.]+)/);
  if (restriction) for (const effect of effects) if (effect.kind === 'addMana') effect.restriction = restriction[1];
  countX(effects, sentence);
  return { effects, recognised };
}

/** The group the last of these effects acted on, for "those creatures" in the sentences after it. */
export function lastGroup(effects: Effect[]): Target | undefined {
  const grouped = effects.flatMap((e) => ('target' in e && e.target.kind === 'all' ? [e.target] : []));
  return grouped[grouped.length - 1];
}

/** "where X is the number of Goblins you control" (never cards in a hand or graveyard, which the engine does not count). */
const WHERE_X = /where x is the number of ((?:(?!\b(?:cards?|hand|graveyard|library)\b)[^.])+)$/;

/** Makes an X the sentence defines count those objects, instead of the 1 an unknown X is taken as. */
function countX(effects: Effect[], sentence: string): void {
  const m = sentence.replace(/\.$/, '').match(WHERE_X);
  if (!m) return;
  for (const effect of effects) {
    if ('amount' in effect && effect.amount === 'X') (effect as { amount: Amount }).amount = countPhrase(m[1]);
    if ('count' in effect && effect.count === 'X') (effect as { count: Amount }).count = countPhrase(m[1]);
  }
}
