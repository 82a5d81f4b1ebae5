import type { ObjectFilter, Target } from '../model/ability';

const CARD_TYPES = ['artifact', 'creature', 'enchantment', 'land', 'planeswalker', 'permanent', 'battle', 'instant', 'sorcery', 'card', 'spell'];
const SUPERTYPES = ['legendary', 'basic', 'snow'];
const NOISE = new Set([
  'target', 'another', 'other', 'a', 'an', 'the', 'each', 'all', 'of', 'or', 'and', 'you', 'control', 'controls', 'your',
  'opponent', "opponent's", 'an', 'up', 'to', 'untapped', 'tapped', 'that', 'this', 'on', 'battlefield', 'in', 'graveyard',
  'from', 'with', 'under', 'one', 'two', 'three', 'x', 'more', 'nontoken', 'token', 'tokens', "don't", 'owner', "owner's",
  'player', 'players', 'any', 'number', 'cards', 'colorless', 'white', 'blue', 'black', 'red', 'green', 'multicolored',
  'monocolored', 'attacking', 'blocking', '~', 'six', 'seven', 'eight', 'nine', 'ten', 'four', 'five',
]);

/** Colour words and the mana letters the engine names colours by. */
export const COLOUR_LETTERS: Record<string, string> = { white: 'W', blue: 'U', black: 'B', red: 'R', green: 'G' };

/** "creature without flying": the keyword is a condition, never a creature type. */
const WITHOUT_KEYWORD = /\bwithout (flying|haste|defender|reach|vigilance|lifelink|deathtouch|trample|menace|first strike|double strike|indestructible|hexproof)\b/;

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ves')) return `${word.slice(0, -3)}f`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** "another target nonlegendary creature you control" → a filter. */
export function parseObjectFilter(phrase: string): ObjectFilter {
  const filter: ObjectFilter = {};
  const costLimit = phrase.toLowerCase().match(/\bwith (?:mana value|converted mana cost) (\d+) or less\b/);
  if (costLimit) filter.maxManaValue = Number(costLimit[1]);
  // Other size limits ("with power 2 or less") narrow a choice the engine makes anyway.
  const text = phrase
    .toLowerCase()
    .replace(/\bwith (?:mana value|power|toughness|converted mana cost)(?: or (?:power|toughness))? (?:\d+|x) or (?:less|greater)\b/g, ' ')
    .replace(/[,.]/g, ' ');
  if (/\b(another|other)\b/.test(text)) filter.another = true;
  if (/\byou control\b|\byour\b/.test(text) && !/\byou don't control\b/.test(text)) filter.controller = 'you';
  if (/\b(an opponent controls|you don't control|opponents? control)\b/.test(text)) filter.controller = 'opponent';
  if (/\bnontoken\b/.test(text)) filter.nontoken = true;
  else if (/\btokens?\b/.test(text)) filter.token = true;
  if (/\buntapped\b/.test(text)) filter.untappedOnly = true;
  if (/\battacking\b/.test(text)) filter.attacking = true;
  const lacking = text.match(WITHOUT_KEYWORD);
  if (lacking) filter.withoutKeywords = [lacking[1]];
  for (const raw of text.replace(WITHOUT_KEYWORD, ' ').split(/\s+/).filter(Boolean)) {
    const negated = raw.match(/^non-?(.+)$/);
    const word = singular(negated ? negated[1] : raw);
    if (negated && word !== 'token') {
      if (CARD_TYPES.includes(word) || SUPERTYPES.includes(word)) (filter.excludedTypes ??= []).push(word);
      else (filter.excludedSubtypes ??= []).push(word);
      continue;
    }
    if (raw in COLOUR_LETTERS) {
      (filter.colours ??= []).push(COLOUR_LETTERS[raw]);
      continue;
    }
    if (CARD_TYPES.includes(word)) {
      if (word !== 'permanent' && word !== 'card' && word !== 'spell') (filter.types ??= []).push(word);
      continue;
    }
    if (SUPERTYPES.includes(word)) (filter.types ??= []).push(word);
    else if (!NOISE.has(raw) && !NOISE.has(word) && /^[a-z'-]+$/.test(word) && word.length > 2) (filter.subtypes ??= []).push(word);
  }
  return filter;
}

/** "~", "it", "target creature you control", "up to two target lands", "all nonland permanents you control". */
export function parseTarget(phrase: string, itMeans: 'self' | 'eventObject' = 'self'): Target {
  const text = phrase.trim().toLowerCase();
  if (text === '~' || text === 'itself') return { kind: 'self' };
  if (/^(it|that creature|that permanent|that card|that artifact|the creature|them|those creatures)$/.test(text)) return { kind: itMeans };
  if (/^(enchanted|equipped) /.test(text)) return { kind: 'attached' };
  const upTo = text.match(/^up to (one|two|three|four|five|six|seven|eight|nine|ten|x|\d+) /);
  const exactly = text.match(/^(two|three|four|five|six|seven|eight|nine|ten|\d+) target /);
  if (/\b(all|each)\b/.test(text) && !/\btarget\b/.test(text)) return { kind: 'all', filter: parseObjectFilter(text) };
  // "Creatures you control get +1/+1", "other Elves you control gain haste": a group, never one chosen object.
  if (/^(?!(?:a|an|one|two|three|four|five|x|\d+|another|up to)\b)[a-z -]*?[a-z]+s you control$/.test(text)) return { kind: 'all', filter: parseObjectFilter(text) };
  const counts: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, x: 1 };
  const amount = upTo?.[1] ?? exactly?.[1];
  const count = amount ? (counts[amount] ?? Number(amount)) : 1;
  return { kind: 'chosen', filter: parseObjectFilter(text), upTo: count, optional: Boolean(upTo) };
}
